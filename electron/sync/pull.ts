import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { installCatalogEdition } from '../../db/queries/catalog-editions';
import { getHqCopy } from '../../db/queries/hq-validations';
import { localMemberIdOf, setHqMemberId } from '../../db/queries/member-record-sync';
import { insertMember } from '../../db/queries/members';
import { replaceOfficePeople } from '../../db/queries/office-people';
import { pluckStmt, stmt } from '../../db/statements';
import { parseCatalogEdition } from '../../shared/catalog/load';
import type { Member } from '../../shared/domain/validation';
import { message } from '../../shared/messages';
import { pulledValidationProblem } from '../../shared/sync/payloads';
import {
  type Assignment,
  PULL_DEFAULT_LIMIT,
  PULL_MAX_LIMIT,
  type PulledValidation,
  type PullResponse,
} from '../../shared/sync/pull-protocol';
import { applyPulledMember, applyPulledMemberRecordEvent } from './member-records';
import { applyPulledLifecycle } from './pull-lifecycle';
import type { PullTransport } from './pull-transport';
import { hasQueuedChanges } from './push-outbox';
import { ClientError, ServerError } from './transport';

export type PullOptions = {
  now: () => Date;
  /** Rows per page (HQ caps it at PULL_MAX_LIMIT). */
  limit?: number;
  /** Who the audit log names for Members created from assignments. */
  actor?: string;
};

export type PullSummary = {
  /** Catalog editions installed (an edition already on this computer is left alone and not counted). */
  editions: number;
  assignments: number;
  /** Validations written to hq_validations, including ones held back by an earlier pull. */
  validations: number;
  /** Validations not written because this computer still has unpushed changes to them. */
  keptLocal: number;
  /** Validations HQ sent holding a record the sync schemas refuse: not written, so no screen meets them. */
  unreadable: number;
  /** Members of HQ's record new on this computer, and changes to their records new here. */
  members: number;
  memberRecordEvents: number;
};

const emptySummary = (): PullSummary => ({
  editions: 0,
  assignments: 0,
  validations: 0,
  keptLocal: 0,
  unreadable: 0,
  members: 0,
  memberRecordEvents: 0,
});

const CURSOR_KEY = 'pull_cursor';
const MAX_PAGES_PER_PULL = 10_000;

/**
 * Pulls from HQ until it says nothing more waits. Each page is stored in one transaction together with
 * the cursor after it, so a crash mid-pull resumes after the last stored page: nothing skipped, nothing
 * applied twice. No await happens inside a transaction.
 *
 * A validation with unpushed local changes is never overwritten: it is held aside (hq_validations_held)
 * and the cursor moves on, so it neither blocks the rows behind it nor is lost. A pull that ends after its
 * changes have left the outbox moves it into hq_validations, unless a newer copy has arrived meanwhile.
 */
export async function pullFromHq(db: Db, transport: PullTransport, options: PullOptions): Promise<PullSummary> {
  const limit = Math.max(1, Math.min(options.limit ?? PULL_DEFAULT_LIMIT, PULL_MAX_LIMIT));
  const actor = options.actor ?? 'HQ sync';
  const summary = emptySummary();
  for (let pages = 0; pages < MAX_PAGES_PER_PULL; pages += 1) {
    const cursor = readCursor(db);
    const page = await pullPageOrStartOver(db, transport, cursor, limit);
    if (page.hasMore && page.cursor === cursor) {
      throw new ServerError(message('sync.cursorStuck').message, 200);
    }
    const applied = db
      .transaction(() => {
        const counts = applyPage(db, page, options.now().toISOString(), actor);
        writeCursor(db, page.cursor);
        return counts;
      })
      .immediate();
    summary.editions += applied.editions;
    summary.assignments += applied.assignments;
    summary.validations += applied.validations;
    summary.keptLocal += applied.keptLocal;
    summary.unreadable += applied.unreadable;
    summary.members += applied.members;
    summary.memberRecordEvents += applied.memberRecordEvents;
    if (!page.hasMore) {
      summary.validations += db.transaction(() => releaseHeldValidations(db, options.now().toISOString())).immediate();
      return summary;
    }
  }
  throw new ServerError(message('sync.tooManyPages', { pages: MAX_PAGES_PER_PULL }).message, 200);
}

/**
 * A cursor HQ no longer knows (its database was restored from a backup) would refuse every later pull:
 * forget it and pull from the start; pulled rows are idempotent and unpushed local edits are held aside.
 */
async function pullPageOrStartOver(db: Db, transport: PullTransport, cursor: string | null, limit: number) {
  try {
    return await transport.pull(cursor, limit);
  } catch (error) {
    if (cursor === null || !(error instanceof ClientError) || !error.message.startsWith('cursor:')) throw error;
    stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(CURSOR_KEY);
    return transport.pull(null, limit);
  }
}

export function readCursor(db: Db): string | null {
  const row = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(CURSOR_KEY) as { value: string } | undefined;
  return row?.value ?? null;
}

function writeCursor(db: Db, cursor: string): void {
  stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(CURSOR_KEY, cursor);
}

function applyPage(db: Db, page: PullResponse, at: string, actor: string): PullSummary {
  const counts = emptySummary();
  replaceOfficePeople(db, page.officePeople, at);
  // Members before their changes: each page carries the Members its changes belong to.
  for (const member of page.members) {
    const known = stmt(db, 'SELECT 1 FROM members WHERE id = ? OR hq_member_id = ? OR account_number = ?').get(
      member.id,
      member.id,
      member.accountNumber,
    );
    applyPulledMember(db, member, at, actor);
    if (!known) counts.members += 1;
  }
  for (const event of page.memberRecordEvents) {
    if (applyPulledMemberRecordEvent(db, event, at)) counts.memberRecordEvents += 1;
  }
  for (const pulled of page.catalogEditions) {
    if (installPulledEdition(db, pulled.edition, at)) counts.editions += 1;
  }
  for (const assignment of page.assignments) {
    upsertAssignment(db, assignment, at, actor);
    counts.assignments += 1;
  }
  for (const validation of page.validations) {
    if (pulledValidationProblem(validation) !== null) {
      counts.unreadable += 1;
      continue;
    }
    if (hasUnpushedChanges(db, validation.id)) {
      writeValidation(db, 'hq_validations_held', validation, at);
      counts.keptLocal += 1;
    } else {
      const previous = getHqCopy(db, validation.id);
      writeValidation(db, 'hq_validations', validation, at);
      applyPulledLifecycle(db, validation, previous, at);
      // What HQ sent now is newer than anything held back earlier.
      stmt(db, 'DELETE FROM hq_validations_held WHERE id = ?').run(validation.id);
      counts.validations += 1;
    }
  }
  return counts;
}

/** Installs an edition through the same path as the bundled ones; one already installed is left alone. */
function installPulledEdition(
  db: Db,
  edition: PullResponse['catalogEditions'][number]['edition'],
  at: string,
): boolean {
  if (stmt(db, 'SELECT 1 FROM catalog_editions WHERE id = ?').get(edition.id)) return false;
  return installCatalogEdition(db, parseCatalogEdition(edition), at) === 'installed';
}

/**
 * HQ's fields are updated on every pull, its withdrawal and HQ's start too; whether it was started here is this
 * computer's and is kept, and so is the validation started from it: a withdrawal only stops offering it.
 */
function upsertAssignment(db: Db, a: Assignment, at: string, actor: string): void {
  const memberId = ensureMember(db, a, at, actor);
  const before = stmt(db, 'SELECT withdrawn_at, started_validation_id FROM assignments WHERE id = ?').get(a.id) as
    | { withdrawn_at: string | null; started_validation_id: string | null }
    | undefined;
  stmt(
    db,
    `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                              assigned_at, pulled_at, withdrawn_at, withdrawn_by_name, withdrawn_reason,
                              hq_started_validation_id, hq_started_at, hq_started_device_name)
     VALUES (@id, @memberId, @entityType, @mode, @targetDate, @assignedUserId, @fieldOffice, @createdAt, @at,
             @withdrawnAt, @withdrawnByName, @withdrawnReason, @startedValidationId, @startedAt, @startedDeviceName)
     ON CONFLICT (id) DO UPDATE SET member_id = excluded.member_id, entity_type = excluded.entity_type,
       mode = excluded.mode, target_date = excluded.target_date, assigned_user_id = excluded.assigned_user_id,
       field_office = excluded.field_office, assigned_at = excluded.assigned_at, pulled_at = excluded.pulled_at,
       withdrawn_at = excluded.withdrawn_at, withdrawn_by_name = excluded.withdrawn_by_name,
       withdrawn_reason = excluded.withdrawn_reason, hq_started_validation_id = excluded.hq_started_validation_id,
       hq_started_at = excluded.hq_started_at, hq_started_device_name = excluded.hq_started_device_name`,
  ).run({
    id: a.id,
    memberId,
    entityType: a.entityType,
    mode: a.mode,
    targetDate: a.targetDate,
    assignedUserId: a.assignedUserId,
    fieldOffice: a.fieldOffice,
    createdAt: a.createdAt,
    at,
    withdrawnAt: a.withdrawn?.at ?? null,
    withdrawnByName: a.withdrawn?.byName ?? null,
    withdrawnReason: a.withdrawn?.reason ?? null,
    startedValidationId: a.started?.validationId ?? null,
    startedAt: a.started?.at ?? null,
    startedDeviceName: a.started?.deviceName ?? null,
  });
  if (a.withdrawn && !before?.withdrawn_at) {
    appendAudit(db, {
      at,
      actor,
      action: 'assignment.withdrawn',
      entity: 'assignment',
      entityId: a.id,
      before: before ? { withdrawn: null, startedValidationId: before.started_validation_id } : null,
      after: { withdrawn: a.withdrawn },
    });
  }
}

/**
 * The local Member with the assignment's CTPAT account number, created from HQ's details when missing.
 * An existing Member is left as it is: HQ's Member row, pulled beside the assignment, brings HQ's details.
 */
function ensureMember(db: Db, a: Assignment, at: string, actor: string): string {
  const known = stmt(db, 'SELECT id FROM members WHERE account_number = ?').get(a.member.accountNumber) as
    | { id: string }
    | undefined;
  if (known) {
    if (known.id !== a.member.id && localMemberIdOf(db, a.member.id) === null) setHqMemberId(db, known.id, a.member.id);
    return known.id;
  }
  const idTaken = stmt(db, 'SELECT 1 FROM members WHERE id = ?').get(a.member.id) !== undefined;
  const member: Member = {
    id: idTaken ? randomUUID() : a.member.id,
    legalName: a.member.legalName,
    accountNumber: a.member.accountNumber,
    entityType: a.member.entityType,
    city: a.member.city,
    country: a.member.country,
    correspondenceLanguage: a.member.correspondenceLanguage,
    createdAt: at,
  };
  insertMember(db, member);
  appendAudit(db, {
    at,
    actor,
    action: 'member.from-hq-assignment',
    entity: 'member',
    entityId: member.id,
    before: null,
    after: { ...member, assignmentId: a.id },
  });
  return member.id;
}

/** Whether the outbox still holds a change of this validation, waiting or refused. */
export const hasUnpushedChanges = hasQueuedChanges;

function writeValidation(
  db: Db,
  table: 'hq_validations' | 'hq_validations_held',
  v: PulledValidation,
  at: string,
): void {
  stmt(
    db,
    `INSERT INTO ${table} (id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json,
                           records_json, pulled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET hq_version = excluded.hq_version, status = excluded.status,
       workflow_state = excluded.workflow_state, owner_user_id = excluded.owner_user_id,
       field_office = excluded.field_office, payload_json = excluded.payload_json,
       records_json = excluded.records_json, pulled_at = excluded.pulled_at`,
  ).run(
    v.id,
    v.hqVersion,
    v.status,
    v.workflowState,
    v.ownerUserId,
    v.fieldOffice,
    JSON.stringify(v.payload),
    JSON.stringify(v.records),
    at,
  );
}

/** Moves held validations whose local changes have all been pushed into hq_validations; returns how many. */
function releaseHeldValidations(db: Db, at: string): number {
  const held = pluckStmt(db, 'SELECT id FROM hq_validations_held ORDER BY id').all() as string[];
  let released = 0;
  for (const id of held) {
    if (hasUnpushedChanges(db, id)) continue;
    const previous = getHqCopy(db, id);
    stmt(
      db,
      `INSERT INTO hq_validations (id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json,
                                   records_json, pulled_at)
       SELECT id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json, records_json, ?
       FROM hq_validations_held WHERE id = ?
       ON CONFLICT (id) DO UPDATE SET hq_version = excluded.hq_version, status = excluded.status,
         workflow_state = excluded.workflow_state, owner_user_id = excluded.owner_user_id,
         field_office = excluded.field_office, payload_json = excluded.payload_json,
         records_json = excluded.records_json, pulled_at = excluded.pulled_at`,
    ).run(at, id);
    stmt(db, 'DELETE FROM hq_validations_held WHERE id = ?').run(id);
    const copy = getHqCopy(db, id);
    if (copy?.workflowState) {
      applyPulledLifecycle(db, { ...copy, workflowState: copy.workflowState }, previous, at);
    }
    released += 1;
  }
  return released;
}
