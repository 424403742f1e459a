import { randomUUID } from 'node:crypto';
import { listOutbox } from '../../db/outbox';
import { insertMember } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { actAsEnrolledUser } from '../../electron/services/identity';
import { pullFromHq } from '../../electron/sync/pull';
import { validationIdOfChange } from '../../electron/sync/push-outbox';
import type { Person, UserRole, WorkflowEvent, WorkflowState } from '../../shared/domain/lifecycle';
import type { Member } from '../../shared/domain/validation';
import type { PulledValidation } from '../../shared/sync/pull-protocol';

/**
 * An HQ on paper for the store-level workflow tests: the copy HQ would hold of a laptop's validation, built
 * from the changes that laptop queued (records at the versions it sent), and a pull that hands it to another
 * laptop. The real HQ is exercised by tests/sync/review-loop.test.ts.
 */

export type HqUserLike = { id: string; name: string; role: UserRole; fieldOffice: string };

export const person = (name: string, role: UserRole, fieldOffice = 'Houston'): HqUserLike => ({
  id: randomUUID(),
  name,
  role,
  fieldOffice,
});

export const personOf = (u: HqUserLike): Person => ({ userId: u.id, name: u.name, role: u.role });

export const enrolAs = (s: AppServices, u: HqUserLike) => actAsEnrolledUser(s.ctx, u);

/** A Member that is not one of the seeded demo ones: its validations go to HQ. */
export function addRealMember(s: AppServices, legalName = 'Bayou Logistics Imports LLC'): Member {
  const member: Member = {
    id: randomUUID(),
    legalName,
    accountNumber: `IMP-${Math.floor(Math.random() * 1e6)}`,
    entityType: 'IMP',
    city: 'Houston, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
    createdAt: s.ctx.now().toISOString(),
  };
  insertMember(s.ctx.db, member);
  return member;
}

type Copy = { payload: Record<string, unknown>; records: PulledValidation['records'] };

/** What HQ holds of `validationId` after taking every change the laptop queued for it, in order. */
export function hqCopyOf(s: AppServices, validationId: string): Copy {
  let payload: Record<string, unknown> = {};
  const records = new Map<string, PulledValidation['records'][number]>();
  for (const row of listOutbox(s.ctx.db, 100_000)) {
    const p = row.payload as Record<string, unknown>;
    if (validationIdOfChange({ entity: row.entity, entityId: row.entityId, payload: p }) !== validationId) continue;
    const key = `${row.entity}\n${row.entityId}`;
    if (row.entity === 'validation') {
      const { validationId: _id, reason, ...rest } = p;
      payload =
        row.operation === 'reopen'
          ? { ...payload, status: 'IN_PROGRESS', reopenReason: reason, reopenedAt: p.reopenedAt }
          : row.operation === 'submit'
            ? { ...payload, ...rest, status: 'SUBMITTED' }
            : { ...rest };
    } else if (row.operation === 'delete') {
      records.delete(key);
    } else {
      const { baseVersion: _base, ...held } = p;
      const version = typeof held.version === 'number' ? held.version : (records.get(key)?.version ?? 0) + 1;
      records.set(key, { entity: row.entity, entityId: row.entityId, version, payload: held });
    }
  }
  return { payload, records: [...records.values()] };
}

export function workflowEvent(
  validationId: string,
  kind: WorkflowEvent['kind'],
  actor: HqUserLike,
  at: string,
  extra: Partial<WorkflowEvent> = {},
): PulledValidation['records'][number] {
  const event: WorkflowEvent = {
    id: randomUUID(),
    validationId,
    kind,
    comment: '',
    at,
    actor: personOf(actor),
    reportDate: null,
    reportSha256: null,
    ...extra,
  };
  return { entity: 'workflow_event', entityId: event.id, version: 1, payload: event };
}

let hqVersion = 1;

export function pulledValidation(
  id: string,
  copy: Copy,
  state: WorkflowState,
  owner: HqUserLike,
  extraRecords: PulledValidation['records'] = [],
): PulledValidation {
  hqVersion += 1;
  return {
    id,
    hqVersion,
    status: state === 'IN_PROGRESS' || state === 'RETURNED' ? 'IN_PROGRESS' : 'SUBMITTED',
    workflowState: state,
    ownerUserId: owner.id,
    fieldOffice: owner.fieldOffice,
    updatedAt: '2026-03-02T15:00:00.000Z',
    payload: copy.payload,
    records: [...copy.records, ...extraRecords],
  };
}

let cursor = 0;

/** One pull that brings exactly these validations. */
export function pullInto(s: AppServices, ...validations: PulledValidation[]) {
  cursor += 1;
  return pullFromHq(
    s.ctx.db,
    {
      pull: async () => ({
        catalogEditions: [],
        assignments: [],
        validations,
        members: [],
        memberRecordEvents: [],
        cursor: `c${cursor}`,
        hasMore: false,
        officePeople: [],
      }),
    },
    { now: s.ctx.now },
  );
}

/** HQ's receipt for every queued change: the outbox empties as after a successful push. */
export function acknowledgeOutbox(s: AppServices): void {
  s.ctx.db.prepare('DELETE FROM sync_outbox').run();
}
