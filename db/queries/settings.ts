import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../shared/domain/field-work';
import { type HqPolicy, HqPolicySchema } from '../../shared/domain/policy';
import { IsoDateTimeSchema } from '../../shared/domain/primitives';
import type { Db } from '../connection';
import { pluckStmt, stmt } from '../statements';

const SETTINGS_KEY = 'app';
/** HQ's policy as last received by sync (an enrolled laptop only); it overrides the local policy fields. */
const HQ_POLICY_KEY = 'hq_policy';

export const HqPolicyCopySchema = HqPolicySchema.extend({ receivedAt: IsoDateTimeSchema });
export type HqPolicyCopy = HqPolicy & { receivedAt: string };

/** The settings saved on this computer merged over the defaults, so a setting added later has its default value. */
export function readLocalSettings(db: Db): Settings {
  const row = stmt(db, 'SELECT value_json FROM settings WHERE key = ?').get(SETTINGS_KEY) as
    | { value_json: string }
    | undefined;
  if (!row) return DEFAULT_SETTINGS;
  return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value_json) as object) });
}

/** The settings in force: the local ones, with HQ's policy over them once sync has brought it. */
export function readSettings(db: Db): Settings {
  const local = readLocalSettings(db);
  const hq = readHqPolicyCopy(db);
  return hq ? { ...local, ...hq.policy } : local;
}

export function writeSettings(db: Db, settings: Settings, at: string): void {
  stmt(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(SETTINGS_KEY, JSON.stringify(settings), at);
}

/** HQ's policy as this laptop last received it, or null (never enrolled, or not synced since enrolment). */
export function readHqPolicyCopy(db: Db): HqPolicyCopy | null {
  const row = stmt(db, 'SELECT value_json FROM settings WHERE key = ?').get(HQ_POLICY_KEY) as
    | { value_json: string }
    | undefined;
  return row ? HqPolicyCopySchema.parse(JSON.parse(row.value_json)) : null;
}

export function writeHqPolicyCopy(db: Db, copy: HqPolicyCopy): void {
  stmt(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(HQ_POLICY_KEY, JSON.stringify(copy), copy.receivedAt);
}

/** Reason codes findings on this computer use: such a reason can be retired but never removed. */
export function reasonCodesInUse(db: Db): string[] {
  return pluckStmt(
    db,
    'SELECT DISTINCT reason_code FROM findings WHERE reason_code IS NOT NULL ORDER BY reason_code',
  ).all() as string[];
}
