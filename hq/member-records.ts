import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { currentAssignment } from '../shared/domain/member-record/assignment';
import type { MemberRecordEvent } from '../shared/domain/member-record/events';
import {
  applyMemberRecordChange,
  foldMemberRecord,
  type MemberRecordState,
  memberChangeRoleRefusal,
} from '../shared/domain/member-record/fold';
import { type Message, message } from '../shared/messages';
import type {
  MemberRecordMember,
  MemberRecordPushRequest,
  MemberRecordPushResponse,
  PushedMemberRecordEvent,
} from '../shared/sync/member-record-protocol';
import type { HqUser } from '../shared/sync/protocol';
import { type HqDb, type HqQueryable, isUniqueViolation } from './db/types';
import { aheadOfHqClock } from './laptop-clock';
import { createMemberAssignment } from './member-assignment';

/**
 * HQ's copy of each Member's CTPAT record: the changes laptops send, checked again here
 * with the shared rules on HQ's own record, as the enrolled user. HQ never takes a laptop's resulting state.
 */

export type MemberRow = {
  id: string;
  account_number: string;
  legal_name: string;
  entity_type: MemberRecordMember['entityType'];
  city: string;
  country: string;
  correspondence_language: MemberRecordMember['correspondenceLanguage'];
  field_office: string;
  updated_at: Date | string;
};

export type EventRow = {
  id: string;
  member_id: string;
  version: number;
  change: MemberRecordEvent['change'];
  content_sha256: string;
  actor_user_id: string;
  actor_name: string;
  actor_role: HqUser['role'];
  at: Date | string;
};

export const MEMBER_COLUMNS =
  'id, account_number, legal_name, entity_type, city, country, correspondence_language, field_office, updated_at';
export const EVENT_COLUMNS =
  'e.id, e.member_id, e.version, e.change, e.content_sha256, e.actor_user_id, e.actor_name, e.actor_role, e.at';

export const toMemberRecordEvent = (r: EventRow): MemberRecordEvent => ({
  id: r.id,
  memberId: r.member_id,
  version: r.version,
  at: new Date(r.at).toISOString(),
  actor: { userId: r.actor_user_id, name: r.actor_name, role: r.actor_role },
  actorName: r.actor_name,
  change: r.change,
});

export const toPulledMember = (r: MemberRow) => ({
  id: r.id,
  accountNumber: r.account_number,
  legalName: r.legal_name,
  entityType: r.entity_type,
  city: r.city,
  country: r.country,
  correspondenceLanguage: r.correspondence_language,
  fieldOffice: r.field_office,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Reviewers, supervisors and SCSSs work their own field office's Members; HQ analysts read every office's. */
export const canSeeMember = (user: HqUser, fieldOffice: string): boolean =>
  user.role === 'HQ_ANALYST' || user.fieldOffice === fieldOffice;

/** The same change sent again has the same fingerprint; another change under a used id has another. */
export const pushedEventSha256 = (e: Pick<PushedMemberRecordEvent, 'at' | 'change'>): string =>
  createHash('sha256')
    .update(canonicalize({ at: new Date(e.at).toISOString(), change: e.change }) ?? '')
    .digest('hex');

/** A refusal of the whole request: nothing was kept. */
export type MemberRecordRefusal = {
  status: 400 | 403 | 404 | 409;
  code: 'BAD_REQUEST' | 'FORBIDDEN' | 'STALE' | 'ID_REUSED' | 'INVALID_CHANGE';
  told: Message;
  /** Where: "events.2.change.tier" */
  field?: string;
  eventId?: string;
  current?: { memberId: string; version: number; events: MemberRecordEvent[] };
};

class Refused extends Error {
  constructor(readonly refusal: MemberRecordRefusal) {
    super(refusal.told.message);
  }
}

function refuse(refusal: MemberRecordRefusal): never {
  throw new Refused(refusal);
}

/** A validation's approval reaches the Member's record only once HQ's own workflow holds it approved. */
const APPROVED_STATES = ['APPROVED', 'AWAITING_RESPONSE', 'CLOSED'];

/**
 * Applies one Member's pushed changes in one transaction: all kept, or none (the refusal says which change
 * and why). A change already held (same id, same content) is acknowledged again, not applied twice.
 */
export async function pushMemberRecordChanges(
  db: HqDb,
  user: HqUser,
  deviceId: string,
  request: MemberRecordPushRequest,
  now: Date = new Date(),
): Promise<MemberRecordPushResponse | MemberRecordRefusal> {
  try {
    return await db.transaction((tx) => applyPush(tx, user, deviceId, request, now));
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    // Another laptop kept the same version a moment earlier: the same answer as any stale change.
    if (isUniqueViolation(error)) {
      const member = await findMember(db, request.member, false);
      const current = member ? await currentRecord(db, member.id, request.events[0]?.baseVersion ?? 0) : undefined;
      return staleRefusal(request.events[0]?.baseVersion ?? 0, current);
    }
    throw error;
  }
}

async function applyPush(
  tx: HqQueryable,
  user: HqUser,
  deviceId: string,
  request: MemberRecordPushRequest,
  now: Date,
): Promise<MemberRecordPushResponse> {
  const anyChange = memberChangeRoleRefusal(user.role, 'PROFILE_REVIEW');
  if (anyChange) refuse({ status: 403, code: 'FORBIDDEN', told: anyChange });
  const member = (await findMember(tx, request.member, true)) ?? (await createMember(tx, request.member, user));
  if (member.field_office !== user.fieldOffice) {
    refuse({
      status: 403,
      code: 'FORBIDDEN',
      told: message('memberRecord.otherOffice', { office: member.field_office }),
    });
  }
  const held = (
    await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM member_record_events e WHERE e.member_id = $1 ORDER BY e.version`,
      [member.id],
    )
  ).map((r) => ({ row: r, event: toMemberRecordEvent(r) }));
  let state: MemberRecordState = foldMemberRecord(held.map((h) => h.event)).state;
  const outcomes: MemberRecordPushResponse['events'] = [];
  for (const [index, pushed] of request.events.entries()) {
    const where = `events.${index}`;
    const sha = pushedEventSha256(pushed);
    const [sameId] = await tx.query<{ member_id: string; version: number; content_sha256: string }>(
      'SELECT member_id, version, content_sha256 FROM member_record_events WHERE id = $1',
      [pushed.id],
    );
    if (sameId) {
      if (sameId.content_sha256 !== sha || sameId.member_id !== member.id) {
        refuse({
          status: 409,
          code: 'ID_REUSED',
          told: message('memberRecord.idReused'),
          field: `${where}.id`,
          eventId: pushed.id,
        });
      }
      outcomes.push({ id: pushed.id, version: sameId.version, outcome: 'duplicate' });
      continue;
    }
    if (pushed.baseVersion !== state.version) {
      refuse(staleRefusal(pushed.baseVersion, await currentRecord(tx, member.id, pushed.baseVersion), pushed.id));
    }
    const roleRefusal = memberChangeRoleRefusal(user.role, pushed.change.kind);
    if (roleRefusal) refuse({ status: 403, code: 'FORBIDDEN', told: roleRefusal, eventId: pushed.id });
    if (aheadOfHqClock(pushed.at, now)) {
      refuse(invalid(`${where}.at`, pushed.id, message('memberRecord.dateFuture')));
    }
    if (pushed.change.kind === 'VALIDATION_APPROVED') {
      await requireApprovalAsHeld(tx, member, pushed.change, `${where}.change`, pushed.id);
    }
    // A change while this cycle's assignment stands is a reassignment: the earlier SCSS's assignment is withdrawn.
    const reassigns = currentAssignment(state) !== null;
    const applied = applyMemberRecordChange(state, pushed.change, pushed.at, user.name);
    if (!applied.ok) {
      refuse(invalid(`${where}.change.${applied.refusal.field}`, pushed.id, applied.refusal.message));
    }
    state = applied.state;
    await tx.query(
      `INSERT INTO member_record_events (id, member_id, version, kind, change, content_sha256, actor_user_id,
         actor_name, actor_role, device_id, at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11)`,
      [
        pushed.id,
        member.id,
        state.version,
        pushed.change.kind,
        JSON.stringify(pushed.change),
        sha,
        user.id,
        user.name,
        user.role,
        deviceId,
        pushed.at,
      ],
    );
    if (pushed.change.kind === 'SCSS_ASSIGNED') {
      const { fieldOffice: _office, updatedAt: _updated, ...assigned } = toPulledMember(member);
      const assignment = await createMemberAssignment(tx, {
        member: assigned,
        change: pushed.change,
        supervisor: user,
        event: { id: pushed.id, version: state.version, at: pushed.at, reassigns },
      });
      if (!assignment.ok) refuse(invalid(`${where}.change.scss.userId`, pushed.id, assignment.refusal));
    }
    outcomes.push({ id: pushed.id, version: state.version, outcome: 'applied' });
  }
  if (outcomes.some((o) => o.outcome === 'applied')) {
    await tx.query('UPDATE members SET version = $2, updated_at = now() WHERE id = $1', [member.id, state.version]);
    if (state.correspondenceLanguage) {
      await tx.query(
        'UPDATE members SET correspondence_language = $2 WHERE id = $1 AND correspondence_language <> $2',
        [member.id, state.correspondenceLanguage],
      );
    }
  }
  return { memberId: member.id, version: state.version, events: outcomes };
}

const invalid = (field: string, eventId: string, told: Message): MemberRecordRefusal => ({
  status: 400,
  code: 'INVALID_CHANGE',
  told,
  field,
  eventId,
});

function staleRefusal(
  seen: number,
  current: { memberId: string; version: number; events: MemberRecordEvent[] } | undefined,
  eventId?: string,
): MemberRecordRefusal {
  return {
    status: 409,
    code: 'STALE',
    told: message('memberRecord.staleAtHq', { current: current?.version ?? 0, seen }),
    ...(eventId ? { eventId } : {}),
    ...(current ? { current } : {}),
  };
}

/** HQ's version of the record and every change after `seen`: what a laptop that saw `seen` lacks. */
async function currentRecord(db: HqQueryable, memberId: string, seen: number) {
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM member_record_events e WHERE e.member_id = $1 AND e.version > $2 ORDER BY e.version`,
    [memberId, seen],
  );
  const [top] = await db.query<{ version: number }>(
    'SELECT COALESCE(max(version), 0)::int AS version FROM member_record_events WHERE member_id = $1',
    [memberId],
  );
  return { memberId, version: top?.version ?? 0, events: rows.map(toMemberRecordEvent) };
}

/** By HQ's id, else by CTPAT account number (a Member the laptop created before HQ knew it). Locked for the push. */
async function findMember(db: HqQueryable, member: MemberRecordMember, lock: boolean): Promise<MemberRow | null> {
  const forUpdate = lock ? ' FOR UPDATE' : '';
  const [byId] = await db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1${forUpdate}`, [
    member.id,
  ]);
  if (byId) return byId;
  const [byAccount] = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE account_number = $1${forUpdate}`,
    [member.accountNumber],
  );
  return byAccount ?? null;
}

/** A Member HQ does not know yet joins the sender's field office, under the laptop's id. */
async function createMember(db: HqQueryable, member: MemberRecordMember, user: HqUser): Promise<MemberRow> {
  const [row] = await db.query<MemberRow>(
    `INSERT INTO members (id, account_number, legal_name, entity_type, city, country, correspondence_language,
                          field_office)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${MEMBER_COLUMNS}`,
    [
      member.id,
      member.accountNumber,
      member.legalName,
      member.entityType,
      member.city,
      member.country,
      member.correspondenceLanguage,
      user.fieldOffice,
    ],
  );
  if (!row) throw new Error('PostgreSQL returned no row for the new Member');
  return row;
}

type HeldApproval = {
  workflow_state: string;
  member_id: string | null;
  account_number: string | null;
  report_date: string | null;
  names_other_member: boolean;
};

/**
 * An approval reaches a Member's record only as HQ holds it: approved by HQ's own workflow, a validation of this
 * Member, and on the report date that approval fixed (the laptop records `approvedOn` as the APPROVE event's
 * `reportDate`). The validation is this Member's when its `memberId` is HQ's id for the Member, or, when that id is
 * not one of HQ's Members (a laptop created the Member before HQ knew it), when the Member snapshot of its create
 * names this Member's CTPAT account number: as the laptop finds the Member, by id and then by account. A fact HQ
 * does not hold (no Member named, no report date) is refused: HQ vouches only for what it can show.
 */
async function requireApprovalAsHeld(
  tx: HqQueryable,
  member: MemberRow,
  change: { validationId: string; approvedOn: string },
  field: string,
  eventId: string,
) {
  const [row] = await tx.query<HeldApproval>(
    `SELECT v.workflow_state, lower(v.payload->>'memberId') AS member_id,
            v.payload->'member'->>'accountNumber' AS account_number, v.payload->>'reportDate' AS report_date,
            EXISTS (SELECT 1 FROM members m
                    WHERE m.id::text = lower(v.payload->>'memberId') AND m.id <> $2) AS names_other_member
     FROM validations v WHERE v.id = $1`,
    [change.validationId, member.id],
  );
  if (!row || !APPROVED_STATES.includes(row.workflow_state)) {
    refuse(invalid(`${field}.validationId`, eventId, message('memberRecord.notApprovedAtHq')));
  }
  const byId = row.member_id === member.id.toLowerCase();
  const byAccount = !row.names_other_member && row.account_number === member.account_number;
  if (row.member_id === null && row.account_number === null) {
    const names = { legalName: member.legal_name, accountNumber: member.account_number };
    refuse(invalid(`${field}.validationId`, eventId, message('memberRecord.approvalMemberUnknown', names)));
  }
  if (!byId && !byAccount) {
    refuse(
      invalid(
        `${field}.validationId`,
        eventId,
        message('memberRecord.approvalOtherMember', {
          legalName: member.legal_name,
          accountNumber: member.account_number,
        }),
      ),
    );
  }
  if (row.report_date === null) {
    refuse(invalid(`${field}.approvedOn`, eventId, message('memberRecord.approvalDateUnknown')));
  }
  if (row.report_date !== change.approvedOn) {
    refuse(
      invalid(
        `${field}.approvedOn`,
        eventId,
        message('memberRecord.approvalDateDiffers', { held: row.report_date, sent: change.approvedOn }),
      ),
    );
  }
}
