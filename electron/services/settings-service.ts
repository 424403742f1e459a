import { readSettings, writeSettings } from '../../db/queries/settings';
import type { Settings } from '../../shared/domain/field-work';
import { AppError } from '../../shared/ipc/envelope';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';

export function getSettings(ctx: ServiceContext): Settings {
  return readSettings(ctx.db);
}

/** Settings are local to this computer; a reason in use by a finding can be retired but never removed. */
export function updateSettings(ctx: ServiceContext, next: Settings): Settings {
  return ctx.db
    .transaction(() => {
      const before = readSettings(ctx.db);
      const inUse = ctx.db
        .prepare('SELECT DISTINCT reason_code FROM findings WHERE reason_code IS NOT NULL')
        .pluck()
        .all() as string[];
      const kept = new Set(next.deficiencyReasons.map((r) => r.code));
      const removed = inUse.filter((code) => !kept.has(code));
      if (removed.length > 0) {
        throw new AppError(
          'CONFLICT',
          `Deficiency reason ${removed.join(', ')} is used by findings; mark it inactive instead of removing it.`,
        );
      }
      writeSettings(ctx.db, next, isoNow(ctx));
      recordChange(ctx, { action: 'settings.update', entity: 'settings', entityId: 'app', before, after: next });
      return next;
    })
    .immediate();
}
