import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { pluckStmt, stmt } from '../../db/statements';
import { HqUserSchema } from '../../shared/sync/protocol';
import type { CredentialStore, HqCredentials } from './hq-credentials';

/**
 * What the store keeps about this computer's enrolment, readable where the credentials may not be: the
 * installation id, who is enrolled at which HQ, and an enrolment this computer found it could not read.
 */

const INSTALLATION_ID = 'installation_id';
const ENROLLED_PERSON = 'enrolled_person';
const UNREADABLE_ENROLMENT = 'unreadable_enrolment';

/** Who was enrolled, at which HQ. The token is not here: it stays in the credentials, encrypted. */
const EnrolmentSchema = z.object({ hqUrl: z.string(), user: HqUserSchema });
type Enrolment = z.infer<typeof EnrolmentSchema>;

/** An enrolment kept here that this computer could not read, and whose it was when the store knows. */
export type UnreadableEnrolment = { hqUrl: string | null; user: Enrolment['user'] | null };

/**
 * This installation's id, made once and kept in the store: an enrolment retried after its answer was lost
 * sends the same one, and HQ gives back the device it enrolled instead of refusing the spent code.
 */
export function installationIdOf(db: Db): string {
  stmt(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
    INSTALLATION_ID,
    randomUUID(),
  );
  return pluckStmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(INSTALLATION_ID) as string;
}

/** Keeps who is enrolled and where beside the work, written only when it changed (start-up reads it every time). */
export function rememberEnrolment(db: Db, credentials: HqCredentials): void {
  const enrolment: Enrolment = { hqUrl: credentials.hqUrl, user: credentials.user };
  stmt(
    db,
    `INSERT INTO sync_state (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`,
  ).run(ENROLLED_PERSON, JSON.stringify(enrolment));
}

/**
 * At start-up: credentials this computer cannot read mean the data folder came from another computer or OS
 * account (a copy, or a backup restored), whose key encrypted them. The laptop becomes a new installation, so
 * enrolling it revokes nothing of the computer the folder came from, and the store notes whose enrolment it was.
 * The file is set aside last: a start cut short before it does the same again, with no enrolment in between.
 */
export function noticeUnreadableEnrolment(db: Db, credentials: CredentialStore): void {
  if (!credentials.unreadable()) return;
  db.transaction(() => {
    const known = readJson(db, ENROLLED_PERSON, EnrolmentSchema);
    const unreadable: UnreadableEnrolment = { hqUrl: known?.hqUrl ?? null, user: known?.user ?? null };
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(UNREADABLE_ENROLMENT, JSON.stringify(unreadable));
    stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(INSTALLATION_ID);
  }).immediate();
  credentials.setAsideUnreadable();
}

const UnreadableEnrolmentSchema = z.object({ hqUrl: z.string().nullable(), user: HqUserSchema.nullable() });

/** The enrolment this computer could not read, until a new one is made here; null when there is none. */
export const unreadableEnrolment = (db: Db): UnreadableEnrolment | null =>
  readJson(db, UNREADABLE_ENROLMENT, UnreadableEnrolmentSchema);

/** A new enrolment replaces the one that could not be read. */
export function clearUnreadableEnrolment(db: Db): void {
  stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(UNREADABLE_ENROLMENT);
}

function readJson<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const text = pluckStmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as string | undefined;
  if (text === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
