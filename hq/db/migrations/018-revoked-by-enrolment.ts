/**
 * Which enrolment revoked a device: a laptop's new enrolment revokes the devices it enrolled as before, and a
 * laptop that cannot keep the new enrolment (work of the first person was saved while the code travelled) asks
 * HQ to undo it, which restores only the devices that enrolment revoked, never one an administrator revoked.
 */
export const migration018 = {
  version: 18,
  name: 'revoked-by-enrolment',
  sql: `
ALTER TABLE devices ADD COLUMN revoked_by_device_id uuid REFERENCES devices (id);
`,
};
