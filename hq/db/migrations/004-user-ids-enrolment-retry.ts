/**
 * Users are told apart by their id alone (two SCSSs may share a name, role and field office), and a laptop
 * that lost HQ's answer to its enrolment can retry it: the code remembers the device it enrolled, and the
 * device the laptop's own installation id.
 */
export const migration004 = {
  version: 4,
  name: 'user-ids-enrolment-retry',
  sql: `
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_name_role_field_office_key;

-- Generated once by the laptop and sent with its enrolment; null for devices enrolled before this.
ALTER TABLE devices ADD COLUMN installation_id uuid;

-- The device a spent code enrolled, so a retry from the same installation gets that device back.
ALTER TABLE enrolment_codes ADD COLUMN device_id uuid REFERENCES devices (id);
`,
};
