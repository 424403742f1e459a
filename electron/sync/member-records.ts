import { appendAudit } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { setMemberCorrespondenceLanguage } from '../../db/queries/member-record';
import {
  hasUnsentDetails,
  hqMemberIdOf,
  localMemberIdOf,
  markChangesSent,
  membersWithUnsentChanges,
  refuseUnsentChanges,
  setHqMemberId,
  storeHqChange,
  unsentChanges,
} from '../../db/queries/member-record-sync';
import { getMember, insertMember } from '../../db/queries/members';
import { stmt } from '../../db/statements';
import type { MemberRecordEvent } from '../../shared/domain/member-record/events';
import type { Member } from '../../shared/domain/validation';
import { type Message, message } from '../../shared/messages';
import {
  MEMBER_RECORD_CHANGES_PATH,
  type MemberRecordPushRequest,
  MemberRecordPushResponseSchema,
  type MemberRecordRefusalBody,
  MemberRecordRefusalSchema,
  type PulledMember,
} from '../../shared/sync/member-record-protocol';
import { actorLabel } from '../services/identity';
import {
  ClientError,
  errorForStatus,
  type HttpTransportOptions,
  parseJson,
  ServerError,
  sendHqJson,
} from './transport';

/**
 * A Member's CTPAT record between this laptop and HQ: the sync step that sends the changes
 * HQ does not hold yet, one Member at a time, and what a pull does with HQ's Members and their changes.
 */

export type MemberRecordAnswer =
  | { ok: true; memberId: string; version: number }
  | { ok: false; status: number; body: MemberRecordRefusalBody };

/** How the laptop reaches HQ's Member records. The HTTP one is for the app; tests wrap the real HQ app. */
export interface MemberRecordTransport {
  /** HQ's answer, or throws the transport's errors (network, 5xx, 401, a 4xx HQ did not explain). */
  send(request: MemberRecordPushRequest): Promise<MemberRecordAnswer>;
}

/** HQ's answer to a push as kept or refused; anything else as the transport's typed errors. */
export function memberRecordAnswerFrom(status: number, bodyText: string): MemberRecordAnswer {
  const body = parseJson(bodyText);
  if (status >= 200 && status < 300) {
    const parsed = MemberRecordPushResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, memberId: parsed.data.memberId, version: parsed.data.version };
    throw new ServerError(
      'HQ answered the Member record changes with something this version does not understand.',
      status,
    );
  }
  const refusal = MemberRecordRefusalSchema.safeParse(body);
  if ([400, 403, 409].includes(status) && refusal.success) return { ok: false, status, body: refusal.data };
  throw errorForStatus(status, body);
}

export function createHttpMemberRecordTransport(options: HttpTransportOptions): MemberRecordTransport {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const url = new URL(MEMBER_RECORD_CHANGES_PATH.slice(1), base);
  return {
    async send(request) {
      const { status, text } = await sendHqJson(options, 'POST', url, request);
      return memberRecordAnswerFrom(status, text);
    },
  };
}

export type MemberRecordPushSummary = { sent: number; refused: number; stale: number };

/** HQ's message for the person, as the laptop keeps it: its key, or HQ's English when the key is not one it knows. */
function toldBy(body: MemberRecordRefusalBody): Message {
  if (body.told) return message(body.told.key, body.told.params);
  return message('memberRecord.refusedAtHq', { reason: body.error.message });
}

/**
 * The sync step after the outbox push (so an approval HQ must hold first has reached it) and before the pull:
 * sends each Member's changes HQ does not hold, oldest first. A refused change and the ones made after it
 * leave the record for the refused list with HQ's message; a stale one brings HQ's changes in its place.
 * An HQ too old to take them (404) leaves them waiting.
 */
export async function pushMemberRecords(
  db: Db,
  transport: MemberRecordTransport,
  options: { now: () => Date },
): Promise<MemberRecordPushSummary> {
  const summary: MemberRecordPushSummary = { sent: 0, refused: 0, stale: 0 };
  for (const memberId of membersWithUnsentChanges(db)) {
    const member = getMember(db, memberId);
    const events = unsentChanges(db, memberId);
    if (!member || events.length === 0) continue;
    const request: MemberRecordPushRequest = {
      member: {
        id: hqMemberIdOf(db, memberId),
        accountNumber: member.accountNumber,
        legalName: member.legalName,
        entityType: member.entityType,
        city: member.city,
        country: member.country,
        correspondenceLanguage: member.correspondenceLanguage,
      },
      events: events.map((e) => ({ id: e.id, baseVersion: e.version - 1, at: e.at, change: e.change })),
    };
    let answer: MemberRecordAnswer;
    try {
      answer = await transport.send(request);
    } catch (error) {
      if (error instanceof ClientError && error.status === 404) return summary;
      throw error;
    }
    const at = options.now().toISOString();
    db.transaction(() => {
      if (answer.ok) {
        markChangesSent(
          db,
          events.map((e) => e.id),
        );
        setHqMemberId(db, memberId, answer.memberId);
        summary.sent += events.length;
        return;
      }
      const told = toldBy(answer.body);
      const current = answer.body.current;
      if (answer.body.error.code === 'STALE' && current) {
        summary.stale += refuseUnsentChanges(db, memberId, 1, told, at);
        setHqMemberId(db, memberId, current.memberId);
        for (const event of current.events) {
          storeHqChange(
            db,
            memberId,
            event.actor ? { ...event, actorName: actorLabel(event.actor) } : event,
            () => told,
            at,
          );
        }
        return;
      }
      const refusedEvent = events.find((e) => e.id === answer.body.eventId);
      summary.refused += refuseUnsentChanges(db, memberId, refusedEvent?.version ?? 1, told, at);
    }).immediate();
  }
  return summary;
}

/** What a pull page brought of Members and their records. */
export type PulledMemberRecordSummary = { members: number; memberRecordEvents: number };

/**
 * A pulled Member: the local one with HQ's id, else the one with its CTPAT account number (HQ's id is kept
 * beside it), else a new local Member from HQ's details. A Member already here takes HQ's details when HQ's
 * copy is newer than the one it last took.
 */
export function applyPulledMember(db: Db, pulled: PulledMember, at: string, actor: string): string {
  const local = localMemberIdOf(db, pulled.id);
  if (local) {
    followHqDetails(db, local, pulled, at, actor);
    return local;
  }
  const byAccount = stmt(db, 'SELECT id FROM members WHERE account_number = ?').get(pulled.accountNumber) as
    | { id: string }
    | undefined;
  if (byAccount) {
    setHqMemberId(db, byAccount.id, pulled.id);
    followHqDetails(db, byAccount.id, pulled, at, actor);
    return byAccount.id;
  }
  const member: Member = {
    id: pulled.id,
    legalName: pulled.legalName,
    accountNumber: pulled.accountNumber,
    entityType: pulled.entityType,
    city: pulled.city,
    country: pulled.country,
    correspondenceLanguage: pulled.correspondenceLanguage,
    createdAt: at,
  };
  insertMember(db, member);
  if (pulled.updatedAt) stmt(db, 'UPDATE members SET hq_updated_at = ? WHERE id = ?').run(pulled.updatedAt, member.id);
  appendAudit(db, {
    at,
    actor,
    action: 'member.from-hq',
    entity: 'member',
    entityId: member.id,
    before: null,
    after: { ...member, fieldOffice: pulled.fieldOffice },
  });
  return member.id;
}

type MemberDetails = Pick<Member, 'legalName' | 'entityType' | 'city' | 'country' | 'correspondenceLanguage'>;
const DETAIL_FIELDS = ['legalName', 'entityType', 'city', 'country', 'correspondenceLanguage'] as const;

/**
 * HQ's details of a Member this laptop holds, taken only from a copy HQ changed later than the one taken last
 * (an older HQ sends no time: nothing is taken). The language is the record's: a language change made here and
 * still waiting for HQ is kept. The audit log keeps what changed.
 */
function followHqDetails(db: Db, memberId: string, pulled: PulledMember, at: string, actor: string): void {
  if (!pulled.updatedAt) return;
  const row = stmt(
    db,
    `SELECT legal_name AS legalName, entity_type AS entityType, city, country,
       correspondence_language AS correspondenceLanguage, hq_updated_at AS hqUpdatedAt FROM members WHERE id = ?`,
  ).get(memberId) as (MemberDetails & { hqUpdatedAt: string | null }) | undefined;
  if (!row || (row.hqUpdatedAt !== null && pulled.updatedAt <= row.hqUpdatedAt)) return;
  const next: MemberDetails = {
    legalName: pulled.legalName,
    entityType: pulled.entityType,
    city: pulled.city,
    country: pulled.country,
    correspondenceLanguage: hasUnsentDetails(db, memberId) ? row.correspondenceLanguage : pulled.correspondenceLanguage,
  };
  stmt(
    db,
    `UPDATE members SET legal_name = @legalName, entity_type = @entityType, city = @city, country = @country,
       correspondence_language = @correspondenceLanguage, hq_updated_at = @hqUpdatedAt WHERE id = @id`,
  ).run({ ...next, hqUpdatedAt: pulled.updatedAt, id: memberId });
  const changed = DETAIL_FIELDS.filter((field) => row[field] !== next[field]);
  if (changed.length === 0) return;
  appendAudit(db, {
    at,
    actor,
    action: 'member.details-from-hq',
    entity: 'member',
    entityId: memberId,
    before: Object.fromEntries(changed.map((f) => [f, row[f]])),
    after: { ...Object.fromEntries(changed.map((f) => [f, next[f]])), hqUpdatedAt: pulled.updatedAt },
  });
}

/** A pulled change of HQ's record, stored under the local Member; a local change waiting at its version is stale. */
export function applyPulledMemberRecordEvent(db: Db, event: MemberRecordEvent, at: string): boolean {
  const memberId = localMemberIdOf(db, event.memberId);
  // HQ sends each change's Member in the same page; a change of a Member never sent is left to a later pull.
  if (!memberId) return false;
  // Named as this laptop names every enrolled person: "Pat Lane (Supervisor)".
  const named = event.actor ? { ...event, actorName: actorLabel(event.actor) } : event;
  const stored = storeHqChange(
    db,
    memberId,
    named,
    () => message('memberRecord.staleAtHq', { current: event.version, seen: event.version - 1 }),
    at,
  );
  if (stored && event.change.kind === 'DETAILS_SET') {
    setMemberCorrespondenceLanguage(db, memberId, event.change.correspondenceLanguage);
  }
  return stored;
}
