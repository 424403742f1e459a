import type Database from 'better-sqlite3';
import { migration001CatalogAndMembers } from './001-catalog-and-members';
import { migration002ValidationsAndResponses } from './002-validations-and-responses';
import { migration003AuditLogAndOutbox } from './003-audit-log-and-outbox';
import { migration004FieldWork } from './004-field-work';
import { migration005AnsweredCounts } from './005-answered-counts';
import { migration006SyncState } from './006-sync-state';
import { migration007EvidenceUploads } from './007-evidence-uploads';
import { migration008Pull } from './008-pull';
import { migration009HqValidationReceipts } from './009-hq-validation-receipts';
import { migration010Workflow } from './010-workflow';
import { migration011AnalyticsIndexes } from './011-analytics-indexes';
import { migration012ConsideredWarnings } from './012-considered-warnings';
import { migration013WorksheetLanguage } from './013-worksheet-language';
import { migration014MemberCorrespondenceLanguage } from './014-member-correspondence-language';
import { migration015MemberRecord } from './015-member-record';
import { migration016MemberRecordSync } from './016-member-record-sync';
import { migration017OfficePeople } from './017-office-people';
import { migration018AssignmentWithdrawal } from './018-assignment-withdrawal';
import { migration019MemberDetailsFromHq } from './019-member-details-from-hq';
import { migration020ReviewFindingVersion } from './020-review-finding-version';
import { migration021ResponseDueDate } from './021-response-due-date';
import { migration022AssignmentStartedAtHq } from './022-assignment-started-at-hq';
import { migration023ValidationOwner } from './023-validation-owner';

export type Migration = { version: number; name: string; up: (db: Database.Database) => void };

/** Shipped migrations, in order. Append only: never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [
  migration001CatalogAndMembers,
  migration002ValidationsAndResponses,
  migration003AuditLogAndOutbox,
  migration004FieldWork,
  migration005AnsweredCounts,
  migration006SyncState,
  migration007EvidenceUploads,
  migration008Pull,
  migration009HqValidationReceipts,
  migration010Workflow,
  migration011AnalyticsIndexes,
  migration012ConsideredWarnings,
  migration013WorksheetLanguage,
  migration014MemberCorrespondenceLanguage,
  migration015MemberRecord,
  migration016MemberRecordSync,
  migration017OfficePeople,
  migration018AssignmentWithdrawal,
  migration019MemberDetailsFromHq,
  migration020ReviewFindingVersion,
  migration021ResponseDueDate,
  migration022AssignmentStartedAtHq,
  migration023ValidationOwner,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export class DatabaseTooNewError extends Error {
  readonly code = 'DATABASE_TOO_NEW';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data folder was written by a newer version of CTPAT Validator (store version ${found}; this version understands up to ${supported}). ` +
        'Nothing was changed. Install the latest CTPAT Validator to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration in one transaction; refuses a store from a newer app. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target = migrations.length,
): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  if (current >= target) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) m.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
