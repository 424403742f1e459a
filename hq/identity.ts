import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { UuidSchema } from '../shared/domain/primitives';
import type { HqUser, UserRole } from '../shared/sync/protocol';
import type { HqDb, HqQueryable } from './db/types';

export const ENROLMENT_CODE_VALID_MS = 7 * 24 * 60 * 60 * 1000;
// Crockford base32: no I, L, O, U, so a code read aloud or retyped survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Codes are compared without dashes, spaces or case, so `abcd-efgh-jkmn` and `ABCDEFGHJKMN` are one code. */
export const normaliseEnrolmentCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

type UserRow = { id: string; name: string; role: UserRole; field_office: string };
const toUser = (row: UserRow): HqUser => ({
  id: row.id,
  name: row.name,
  role: row.role,
  fieldOffice: row.field_office,
});

export type NewUser = { name: string; role: UserRole; fieldOffice: string };

/** Creates a user; a name, role and office another user already has makes a second, distinct user. */
export async function createUser(db: HqQueryable, input: NewUser): Promise<HqUser> {
  const [row] = await db.query<UserRow>(
    'INSERT INTO users (id, name, role, field_office) VALUES ($1, $2, $3, $4) RETURNING id, name, role, field_office',
    [randomUUID(), input.name, input.role, input.fieldOffice],
  );
  if (!row) throw new Error('PostgreSQL returned no row for the new user');
  return toUser(row);
}

/** The user with this id, or null (also for a string that is not a UUID). */
export async function findUser(db: HqQueryable, userId: string): Promise<HqUser | null> {
  if (!UuidSchema.safeParse(userId).success) return null;
  const [row] = await db.query<UserRow>('SELECT id, name, role, field_office FROM users WHERE id = $1', [userId]);
  return row ? toUser(row) : null;
}

/** `issueEnrolmentCode` was given the id of a user HQ does not know. */
export class UnknownUserError extends Error {
  constructor(readonly userId: string) {
    super(`HQ has no user ${userId} (see: npm run hq -- users)`);
  }
}

/**
 * Issues a one-time enrolment code for a user, by id; given a name, role and office instead, it creates a
 * new user first (tests and one-off setups). Only the code's hash is kept.
 */
export async function issueEnrolmentCode(
  db: HqDb,
  userIdOrNewUser: string | NewUser,
  validForMs = ENROLMENT_CODE_VALID_MS,
): Promise<{ code: string; user: HqUser; expiresAt: string }> {
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(Date.now() + validForMs).toISOString();
  const user = await db.transaction(async (tx) => {
    const owner =
      typeof userIdOrNewUser === 'string' ? await findUser(tx, userIdOrNewUser) : await createUser(tx, userIdOrNewUser);
    if (!owner) throw new UnknownUserError(String(userIdOrNewUser));
    await tx.query('INSERT INTO enrolment_codes (code_sha256, user_id, expires_at) VALUES ($1, $2, $3)', [
      sha256Hex(raw),
      owner.id,
      expiresAt,
    ]);
    return owner;
  });
  return { code, user, expiresAt };
}

export type Enrolment = { deviceId: string; token: string; user: HqUser };

const newDeviceToken = (): string => randomBytes(32).toString('base64url');

/**
 * Spends a one-time code and enrols a device. The UPDATE … RETURNING claims the code atomically, so two
 * devices racing with one code cannot both enrol. A laptop that sends its installation id may send the
 * spent code again while it is valid (HQ's answer was lost): it gets the device it enrolled back, with a
 * new token (HQ holds only token hashes), and the lost token stops working. A new code from that laptop
 * revokes the devices it enrolled as before. Returns null for unknown, expired, or used codes (used by
 * another installation, or for a revoked device).
 */
export async function enrolDevice(
  db: HqDb,
  code: string,
  deviceName: string,
  installationId?: string,
  holdsWorkOf?: string,
): Promise<Enrolment | null> {
  const codeSha256 = sha256Hex(normaliseEnrolmentCode(code));
  return db.transaction(async (tx) => {
    const enrolled =
      (await enrolWithUnusedCode(tx, codeSha256, deviceName, installationId)) ??
      (installationId === undefined ? null : await reissueToSameInstallation(tx, codeSha256, installationId));
    // Thrown inside the transaction to roll it back: the code stays unspent, and no device is made that the
    // laptop would not keep.
    if (enrolled && holdsWorkOf !== undefined && enrolled.user.id !== holdsWorkOf) {
      throw new EnrolmentCodeOfAnotherPerson(enrolled.user);
    }
    return enrolled;
  });
}

/** The code is good but names another person than the one whose unsent work the laptop holds. */
export class EnrolmentCodeOfAnotherPerson extends Error {
  constructor(readonly codeOf: HqUser) {
    super(`This enrolment code is ${codeOf.name}'s`);
  }
}

async function enrolWithUnusedCode(
  tx: HqQueryable,
  codeSha256: string,
  deviceName: string,
  installationId: string | undefined,
): Promise<Enrolment | null> {
  const [claimed] = await tx.query<{ user_id: string }>(
    `UPDATE enrolment_codes SET used_at = now()
     WHERE code_sha256 = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id`,
    [codeSha256],
  );
  const user = claimed ? await findUser(tx, claimed.user_id) : null;
  if (!user) return null;
  const deviceId = randomUUID();
  const token = newDeviceToken();
  await tx.query('INSERT INTO devices (id, user_id, name, token_sha256, installation_id) VALUES ($1, $2, $3, $4, $5)', [
    deviceId,
    user.id,
    deviceName,
    sha256Hex(token),
    installationId ?? null,
  ]);
  await tx.query('UPDATE enrolment_codes SET device_id = $2 WHERE code_sha256 = $1', [codeSha256, deviceId]);
  if (installationId !== undefined) {
    // The laptop keeps only the token it enrols with now: the devices it enrolled as before would otherwise
    // stay active with tokens nobody holds (still valid wherever a copy of its old credentials was left).
    await tx.query(
      `UPDATE devices SET revoked_at = now(), revoked_by_device_id = $2
       WHERE installation_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [installationId, deviceId],
    );
  }
  return { deviceId, token, user };
}

/** The retry of an enrolment whose answer was lost: same device, new token. FOR UPDATE: one retry at a time. */
async function reissueToSameInstallation(
  tx: HqQueryable,
  codeSha256: string,
  installationId: string,
): Promise<Enrolment | null> {
  const [device] = await tx.query<{ id: string; user_id: string }>(
    `SELECT d.id, d.user_id FROM enrolment_codes c JOIN devices d ON d.id = c.device_id
     WHERE c.code_sha256 = $1 AND c.expires_at > now() AND d.installation_id = $2 AND d.revoked_at IS NULL
     FOR UPDATE OF d`,
    [codeSha256, installationId],
  );
  const user = device ? await findUser(tx, device.user_id) : null;
  if (!device || !user) return null;
  const token = newDeviceToken();
  await tx.query('UPDATE devices SET token_sha256 = $2 WHERE id = $1', [device.id, sha256Hex(token)]);
  return { deviceId: device.id, token, user };
}

export type Principal = { deviceId: string; user: HqUser };

/**
 * Gives back the enrolment a code has just made, asked with its token by the laptop that received it and cannot
 * keep it (work of the person enrolled before was saved while the code travelled). The new device is revoked,
 * the devices that enrolment revoked on that laptop are active again (their tokens work as before), and the code
 * can be spent again until it expires. Null, with nothing changed, unless the code made this device, has not
 * expired, and the device has never pushed (a laptop's every push records its audit-chain head).
 */
export async function undoEnrolment(
  db: HqDb,
  principal: Principal,
  code: string,
): Promise<{ restoredDevices: number } | null> {
  const codeSha256 = sha256Hex(normaliseEnrolmentCode(code));
  return db.transaction(async (tx) => {
    const [made] = await tx.query<{ id: string }>(
      `SELECT d.id FROM enrolment_codes c JOIN devices d ON d.id = c.device_id
       WHERE c.code_sha256 = $1 AND c.expires_at > now() AND d.id = $2 AND d.revoked_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM device_audit_heads h WHERE h.device_id = d.id)
       FOR UPDATE OF d`,
      [codeSha256, principal.deviceId],
    );
    if (!made) return null;
    await tx.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [made.id]);
    const restored = await tx.query(
      `UPDATE devices SET revoked_at = NULL, revoked_by_device_id = NULL
       WHERE revoked_by_device_id = $1 AND revoked_at IS NOT NULL RETURNING id`,
      [made.id],
    );
    await tx.query('UPDATE enrolment_codes SET used_at = NULL, device_id = NULL WHERE code_sha256 = $1', [codeSha256]);
    return { restoredDevices: restored.length };
  });
}

/** The device and user behind a bearer token, or null when unknown or revoked (checked on every request). */
export async function authenticateToken(db: HqDb, token: string): Promise<Principal | null> {
  const [row] = await db.query<UserRow & { device_id: string }>(
    `SELECT d.id AS device_id, u.id, u.name, u.role, u.field_office
     FROM devices d JOIN users u ON u.id = d.user_id
     WHERE d.token_sha256 = $1 AND d.revoked_at IS NULL`,
    [sha256Hex(token)],
  );
  return row ? { deviceId: row.device_id, user: toUser(row) } : null;
}

/**
 * Revokes a device; its next request is refused. Returns false when no such device exists or an administrator
 * already revoked it.
 */
export async function revokeDevice(db: HqDb, deviceId: string): Promise<boolean> {
  // A string that is not a UUID names no device (and PostgreSQL would refuse it as uuid).
  if (!UuidSchema.safeParse(deviceId).success) return false;
  // A device a laptop's later enrolment revoked could be made active again by undoing that enrolment: an
  // administrator's revocation takes that away, and is never undone.
  const rows = await db.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now()), revoked_by_device_id = NULL
     WHERE id = $1 AND (revoked_at IS NULL OR revoked_by_device_id IS NOT NULL) RETURNING id`,
    [deviceId],
  );
  return rows.length === 1;
}

export type DeviceListing = {
  deviceId: string;
  deviceName: string;
  userId: string;
  userName: string;
  role: UserRole;
  fieldOffice: string;
  enrolledAt: string;
  revokedAt: string | null;
};

export async function listDevices(db: HqDb): Promise<DeviceListing[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    user_id: string;
    user_name: string;
    role: UserRole;
    field_office: string;
    enrolled_at: Date;
    revoked_at: Date | null;
  }>(
    `SELECT d.id, d.name, u.id AS user_id, u.name AS user_name, u.role, u.field_office, d.enrolled_at, d.revoked_at
     FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.enrolled_at`,
  );
  return rows.map((r) => ({
    deviceId: r.id,
    deviceName: r.name,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    fieldOffice: r.field_office,
    enrolledAt: new Date(r.enrolled_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}
