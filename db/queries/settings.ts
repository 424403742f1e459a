import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../shared/domain/field-work';
import type { Db } from '../connection';
import { stmt } from '../statements';

const SETTINGS_KEY = 'app';

/** Stored settings merged over the defaults, so a setting added later has its default value. */
export function readSettings(db: Db): Settings {
  const row = stmt(db, 'SELECT value_json FROM settings WHERE key = ?').get(SETTINGS_KEY) as
    | { value_json: string }
    | undefined;
  if (!row) return DEFAULT_SETTINGS;
  return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value_json) as object) });
}

export function writeSettings(db: Db, settings: Settings, at: string): void {
  stmt(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(SETTINGS_KEY, JSON.stringify(settings), at);
}
