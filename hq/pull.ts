import type { CatalogEdition } from '../shared/catalog/schema';
import type { MemberRecordEvent } from '../shared/domain/member-record/events';
import type { PulledMember } from '../shared/sync/member-record-protocol';
import type { HqUser } from '../shared/sync/protocol';
import {
  type AssignedMember,
  type Assignment,
  PULL_DEFAULT_LIMIT,
  type PulledValidation,
  type PullQuery,
  type PullResponse,
} from '../shared/sync/pull-protocol';
import { assignmentStartOf } from './assignment-starts';
import type { HqQueryable } from './db/types';
import {
  EVENT_COLUMNS,
  type EventRow,
  MEMBER_COLUMNS,
  type MemberRow,
  toMemberRecordEvent,
  toPulledMember,
} from './member-records';
import { settledHorizon, type WriterWait } from './pull-horizon';

/**
 * GET /v1/pull. Every row a pull returns carries a position (pull_xid, pull_seq), stamped by column defaults
 * and triggers (hq/db/migrations/002-pull.ts): the writing transaction's id, then one sequence. Pages go in
 * that order.
 *
 * The hole this avoids: transaction A takes sequence value 10, B takes 11 and commits first; a pull that
 * answered "up to 11" would never return 10. So a pull returns only rows written by transactions older
 * than the oldest one still running (pg_snapshot_xmin): every such transaction has finished, and any
 * later write gets a larger transaction id than every row already returned.
 */

/** A position in the pull order; the cursor is this, base64url-encoded, so clients cannot depend on it. */
type Position = { xid: bigint; seq: bigint };

const START: Position = { xid: 0n, seq: 0n };
// Canonical decimals (no sign, no leading zeros), at most as long as the largest xid8 and bigint.
const CURSOR_PATTERN = /^p1:(0|[1-9]\d{0,19}):(0|[1-9]\d{0,18})$/;
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

export const encodeCursor = (p: Position): string => Buffer.from(`p1:${p.xid}:${p.seq}`).toString('base64url');

/** The position a cursor names, or null when it is not one HQ issued (nor could be: out of the columns' range). */
export function decodeCursor(cursor: string): Position | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Buffer decoding skips stray characters and bits: only the exact encoding HQ writes is taken.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) return null;
  const match = CURSOR_PATTERN.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const position = { xid: BigInt(match[1]), seq: BigInt(match[2]) };
  return position.xid <= MAX_XID8 && position.seq <= MAX_BIGINT ? position : null;
}

const compareBigints = (a: bigint, b: bigint): number => (a === b ? 0 : a < b ? -1 : 1);
const comparePositions = (a: Position, b: Position): number =>
  compareBigints(a.xid, b.xid) || compareBigints(a.seq, b.seq);

type Positioned = { xid: string; seq: string };
type Item =
  | { kind: 'edition'; at: Position; value: PullResponse['catalogEditions'][number] }
  | { kind: 'assignment'; at: Position; value: Assignment }
  | { kind: 'validation'; at: Position; value: PulledValidation }
  | { kind: 'member'; at: Position; value: PulledMember }
  | { kind: 'memberRecordEvent'; at: Position; value: MemberRecordEvent };

const iso = (value: Date | string): string => new Date(value).toISOString();
const positionOf = (row: Positioned): Position => ({ xid: BigInt(row.xid), seq: BigInt(row.seq) });

// Rows after the cursor, written by transactions that have all finished ($3 is the horizon).
const AFTER_CURSOR = '(pull_xid, pull_seq) > ($1::xid8, $2::bigint) AND pull_xid < $3::xid8';

/** One page for this user, or 'bad_cursor' when the cursor is not one HQ issued. */
export async function pullPage(
  db: HqQueryable,
  user: HqUser,
  query: PullQuery,
  options: { writerWait?: WriterWait } = {},
): Promise<PullResponse | 'bad_cursor'> {
  const from = query.cursor === undefined ? START : decodeCursor(query.cursor);
  if (!from) return 'bad_cursor';
  const limit = query.limit ?? PULL_DEFAULT_LIMIT;
  const horizon = await settledHorizon(db, options.writerWait);
  // HQ only issues positions of finished transactions: one at or past the next transaction id was made up.
  if (from.xid >= BigInt(horizon.xmax)) return 'bad_cursor';
  const params = [from.xid.toString(), from.seq.toString(), horizon.xmin];
  // limit + 1 of each kind: after merging, one more than the page says whether more rows wait.
  const items = [
    ...(await editionsAfter(db, params, limit + 1)),
    ...(await assignmentsAfter(db, user, params, limit + 1)),
    ...(await validationsAfter(db, user, params, limit + 1)),
    ...(await membersAfter(db, user, params, limit + 1)),
    ...(await memberRecordEventsAfter(db, user, params, limit + 1)),
  ].sort((a, b) => comparePositions(a.at, b.at));
  const page = items.slice(0, limit);
  const last = page.at(-1);
  const memberRecordEvents = page.flatMap((i) => (i.kind === 'memberRecordEvent' ? [i.value] : []));
  const members = page.flatMap((i) => (i.kind === 'member' ? [i.value] : []));
  return {
    catalogEditions: page.flatMap((i) => (i.kind === 'edition' ? [i.value] : [])),
    assignments: page.flatMap((i) => (i.kind === 'assignment' ? [i.value] : [])),
    validations: page.flatMap((i) => (i.kind === 'validation' ? [i.value] : [])),
    members: [...members, ...(await membersOfEvents(db, memberRecordEvents, members))],
    memberRecordEvents,
    cursor: encodeCursor(last ? last.at : from),
    hasMore: items.length > limit,
    officePeople: await officePeople(db, user),
  };
}

/** The people of the user's field office, by name: a supervisor's laptop assigns an SCSS from them. */
async function officePeople(db: HqQueryable, user: HqUser): Promise<PullResponse['officePeople']> {
  return db.query<PullResponse['officePeople'][number]>(
    'SELECT id, name, role FROM users WHERE field_office = $1 ORDER BY name, role, id',
    [user.fieldOffice],
  );
}

async function editionsAfter(db: HqQueryable, params: string[], limit: number): Promise<Item[]> {
  const rows = await db.query<Positioned & { id: string; published_at: Date; edition: CatalogEdition }>(
    `SELECT id, published_at, edition, pull_xid::text AS xid, pull_seq::text AS seq FROM catalog_editions
     WHERE ${AFTER_CURSOR} ORDER BY pull_xid, pull_seq LIMIT $4`,
    [...params, limit],
  );
  return rows.map((r) => ({
    kind: 'edition',
    at: positionOf(r),
    value: { id: r.id, publishedAt: iso(r.published_at), edition: r.edition },
  }));
}

/** Only an SCSS is assigned validations, and sees only their own assignments (a withdrawn one again, withdrawn). */
async function assignmentsAfter(db: HqQueryable, user: HqUser, params: string[], limit: number): Promise<Item[]> {
  if (user.role !== 'SCSS') return [];
  const rows = await db.query<
    Positioned & {
      id: string;
      member: AssignedMember;
      entity_type: Assignment['entityType'];
      mode: Assignment['mode'];
      target_date: string;
      assigned_user_id: string;
      field_office: string;
      created_at: Date;
      withdrawn_at: Date | null;
      withdrawn_by_name: string | null;
      withdrawn_reason: 'REASSIGNED' | null;
      started_validation_id: string | null;
      started_at: Date | null;
      started_device_name: string | null;
    }
  >(
    `SELECT id, member, entity_type, mode, target_date::text AS target_date, assigned_user_id, field_office,
       created_at, withdrawn_at, withdrawn_by_name, withdrawn_reason, started_validation_id, started_at,
       (SELECT d.name FROM devices d WHERE d.id = started_device_id) AS started_device_name,
       pull_xid::text AS xid, pull_seq::text AS seq
     FROM assignments WHERE assigned_user_id = $5 AND ${AFTER_CURSOR} ORDER BY pull_xid, pull_seq LIMIT $4`,
    [...params, limit, user.id],
  );
  return rows.map((r) => ({
    kind: 'assignment',
    at: positionOf(r),
    value: {
      id: r.id,
      member: r.member,
      entityType: r.entity_type,
      mode: r.mode,
      targetDate: r.target_date,
      assignedUserId: r.assigned_user_id,
      fieldOffice: r.field_office,
      createdAt: iso(r.created_at),
      withdrawn:
        r.withdrawn_at && r.withdrawn_by_name && r.withdrawn_reason
          ? { at: iso(r.withdrawn_at), byName: r.withdrawn_by_name, reason: r.withdrawn_reason }
          : null,
      started: assignmentStartOf(r),
    },
  }));
}

/**
 * Validations that have ever been submitted, in the user's scope (canSeeValidation): reviewers and supervisors
 * their field office's, HQ analysts all, an SCSS their own (so a return, an approval and the history reach the
 * laptop that made it). A withdrawn or returned validation keeps being sent, so every copy follows it; one never
 * submitted stays on its SCSS's laptop.
 */
async function validationsAfter(db: HqQueryable, user: HqUser, params: string[], limit: number): Promise<Item[]> {
  const office = user.role === 'FIELD_OFFICE_REVIEWER' || user.role === 'SUPERVISOR' ? user.fieldOffice : null;
  const owner = user.role === 'SCSS' ? user.id : null;
  const rows = await db.query<
    Positioned & {
      id: string;
      version: number;
      status: PulledValidation['status'];
      workflow_state: PulledValidation['workflowState'];
      owner_user_id: string;
      field_office: string;
      updated_at: Date;
      payload: Record<string, unknown>;
      records: PulledValidation['records'];
      reviewed_at_return: NonNullable<PulledValidation['reviewedAtReturn']> | null;
    }
  >(
    `SELECT v.id, v.version, v.status, v.workflow_state, v.owner_user_id, v.field_office, v.updated_at, v.payload,
       pull_xid::text AS xid, pull_seq::text AS seq,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('entity', r.entity, 'entityId', r.entity_id,
                   'version', r.version, 'payload', r.payload) ORDER BY r.entity, r.entity_id)
                 FROM records r WHERE r.validation_id = v.id), '[]'::jsonb) AS records,
       CASE WHEN s.validation_id IS NOT NULL AND v.owner_user_id <> $7::uuid THEN
         jsonb_build_object('returnEventId', s.return_event_id,
                            'takenAt', to_char(s.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                            'records', s.records)
       END AS reviewed_at_return
     FROM validations v LEFT JOIN review_snapshots s ON s.validation_id = v.id
     WHERE (v.workflow_state <> 'IN_PROGRESS' OR v.payload->>'submittedAt' IS NOT NULL)
       AND ($5::text IS NULL OR v.field_office = $5) AND ($6::uuid IS NULL OR v.owner_user_id = $6)
       AND ${AFTER_CURSOR}
     ORDER BY pull_xid, pull_seq LIMIT $4`,
    [...params, limit, office, owner, user.id],
  );
  return rows.map((r) => ({
    kind: 'validation',
    at: positionOf(r),
    value: {
      id: r.id,
      hqVersion: r.version,
      status: r.status,
      workflowState: r.workflow_state,
      ownerUserId: r.owner_user_id,
      fieldOffice: r.field_office,
      updatedAt: iso(r.updated_at),
      payload: r.payload,
      records: r.records,
      reviewedAtReturn: r.reviewed_at_return,
    },
  }));
}

/** Reviewers, supervisors and SCSSs get their field office's Members; HQ analysts every office's. */
const memberOffice = (user: HqUser): string | null => (user.role === 'HQ_ANALYST' ? null : user.fieldOffice);

async function membersAfter(db: HqQueryable, user: HqUser, params: string[], limit: number): Promise<Item[]> {
  const rows = await db.query<Positioned & MemberRow>(
    `SELECT ${MEMBER_COLUMNS}, pull_xid::text AS xid, pull_seq::text AS seq FROM members
     WHERE ($5::text IS NULL OR field_office = $5) AND ${AFTER_CURSOR} ORDER BY pull_xid, pull_seq LIMIT $4`,
    [...params, limit, memberOffice(user)],
  );
  return rows.map((r) => ({ kind: 'member', at: positionOf(r), value: toPulledMember(r) }));
}

async function memberRecordEventsAfter(
  db: HqQueryable,
  user: HqUser,
  params: string[],
  limit: number,
): Promise<Item[]> {
  const rows = await db.query<Positioned & EventRow>(
    `SELECT ${EVENT_COLUMNS}, e.pull_xid::text AS xid, e.pull_seq::text AS seq
     FROM member_record_events e JOIN members m ON m.id = e.member_id
     WHERE ($5::text IS NULL OR m.field_office = $5)
       AND (e.pull_xid, e.pull_seq) > ($1::xid8, $2::bigint) AND e.pull_xid < $3::xid8
     ORDER BY e.pull_xid, e.pull_seq LIMIT $4`,
    [...params, limit, memberOffice(user)],
  );
  return rows.map((r) => ({ kind: 'memberRecordEvent', at: positionOf(r), value: toMemberRecordEvent(r) }));
}

/**
 * A Member's row may sit later in the pull order than its changes (its details changed since): each page
 * carries the Members its changes belong to, so a laptop never meets a change of a Member it does not hold.
 */
async function membersOfEvents(
  db: HqQueryable,
  events: readonly MemberRecordEvent[],
  sent: readonly PulledMember[],
): Promise<PulledMember[]> {
  const missing = [...new Set(events.map((e) => e.memberId))].filter((id) => !sent.some((m) => m.id === id));
  if (missing.length === 0) return [];
  const rows = await db.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [missing],
  );
  return rows.map(toPulledMember);
}
