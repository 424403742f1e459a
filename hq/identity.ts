import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
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

/** Finds the user by name, role and field office, creating them the first time. */
export async function ensureUser(
  tx: HqQueryable,
  input: { name: string; role: UserRole; fieldOffice: string },
): Promise<HqUser> {
  await tx.query(
    `INSERT INTO users (id, name, role, field_office) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name, role, field_office) DO NOTHING`,
    [randomUUID(), input.name, input.role, input.fieldOffice],
  );
  const [row] = await tx.query<UserRow>(
    'SELECT id, name, role, field_office FROM users WHERE name = $1 AND role = $2 AND field_office = $3',
    [input.name, input.role, input.fieldOffice],
  );
  if (!row) throw new Error('user vanished after insert');
  return toUser(row);
}

/** Issues a one-time enrolment code for a user; only its hash is kept. */
export async function issueEnrolmentCode(
  db: HqDb,
  input: { name: string; role: UserRole; fieldOffice: string },
  validForMs = ENROLMENT_CODE_VALID_MS,
): Promise<{ code: string; user: HqUser; expiresAt: string }> {
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(Date.now() + validForMs).toISOString();
  const user = await db.transaction(async (tx) => {
    const owner = await ensureUser(tx, input);
    await tx.query('INSERT INTO enrolment_codes (code_sha256, user_id, expires_at) VALUES ($1, $2, $3)', [
      sha256Hex(raw),
      owner.id,
      expiresAt,
    ]);
    return owner;
  });
  return { code, user, expiresAt };
}

/**
 * Spends a one-time code and enrols a device. The UPDATE … RETURNING claims the code atomically, so two
 * devices racing with one code cannot both enrol. Returns null for unknown, used or expired codes.
 */
export async function enrolDevice(
  db: HqDb,
  code: string,
  deviceName: string,
): Promise<{ deviceId: string; token: string; user: HqUser } | null> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.query<{ user_id: string }>(
      `UPDATE enrolment_codes SET used_at = now()
       WHERE code_sha256 = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [sha256Hex(normaliseEnrolmentCode(code))],
    );
    if (!claimed) return null;
    const [user] = await tx.query<UserRow>('SELECT id, name, role, field_office FROM users WHERE id = $1', [
      claimed.user_id,
    ]);
    if (!user) return null;
    const deviceId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    await tx.query('INSERT INTO devices (id, user_id, name, token_sha256) VALUES ($1, $2, $3, $4)', [
      deviceId,
      user.id,
      deviceName,
      sha256Hex(token),
    ]);
    return { deviceId, token, user: toUser(user) };
  });
}

export type Principal = { deviceId: string; user: HqUser };

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

/** Revokes a device; its next request is refused. Returns false when no such active device exists. */
export async function revokeDevice(db: HqDb, deviceId: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId],
  );
  return rows.length === 1;
}

export type DeviceListing = {
  deviceId: string;
  deviceName: string;
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
    user_name: string;
    role: UserRole;
    field_office: string;
    enrolled_at: Date;
    revoked_at: Date | null;
  }>(
    `SELECT d.id, d.name, u.name AS user_name, u.role, u.field_office, d.enrolled_at, d.revoked_at
     FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.enrolled_at`,
  );
  return rows.map((r) => ({
    deviceId: r.id,
    deviceName: r.name,
    userName: r.user_name,
    role: r.role,
    fieldOffice: r.field_office,
    enrolledAt: new Date(r.enrolled_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}
