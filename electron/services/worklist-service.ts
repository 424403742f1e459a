import { differenceInCalendarDays, parseISO } from 'date-fns';
import { listOthersHqCopies } from '../../db/queries/hq-validations';
import { pluckStmt, stmt } from '../../db/statements';
import { findingResolved, responseRequired, reviewOpen } from '../../shared/domain/lifecycle';
import { standingDecision } from '../../shared/domain/review';
import type {
  ParsedRequestOf,
  ResponseOf,
  ResponseWorkItem,
  ResponseWorkStatus,
  ValidationWorkItem,
} from '../../shared/ipc/contract';
import { MemberSnapshotSchema } from '../../shared/sync/protocol';
import {
  inCurrentRound,
  lifecycleViewOf,
  loadLifecycle,
  outboxReadOnce,
  responseDueOf,
  responsesFor,
  todayOf,
  type ValidationLifecycle,
  wasReturned,
} from './lifecycle-read';
import type { ServiceContext } from './service-context';
import { changesSinceLastReview } from './workflow-service';

/**
 * The work lists, built from what pull brought: the reviewer's queue (awaiting review, returned, resubmitted),
 * the supervisor's (awaiting approval, approved awaiting the report) and the Member responses (due within
 * 14 days, overdue, received and awaiting assessment; a Recommendation only once answered, never due).
 * Filtered and sorted as the request says.
 */

export const DUE_SOON_DAYS = 14;
const DEFAULT_RESPONSE_STATUSES: ResponseWorkStatus[] = ['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT'];

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

type MemberInfo = { name: string | null; accountNumber: string | null };

function memberInfo(ctx: ServiceContext, l: ValidationLifecycle): MemberInfo {
  if (l.validation) {
    const row = stmt(ctx.db, 'SELECT legal_name, account_number FROM members WHERE id = ?').get(
      l.validation.memberId,
    ) as { legal_name: string; account_number: string } | undefined;
    return { name: row?.legal_name ?? null, accountNumber: row?.account_number ?? null };
  }
  const snapshot = MemberSnapshotSchema.safeParse(l.copy?.payload.member).data;
  return { name: snapshot?.legalName ?? null, accountNumber: snapshot?.accountNumber ?? null };
}

/** Matches member name, account number, or a finding's criterion (case-insensitive). */
function matches(search: string | undefined, ...fields: (string | null)[]): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  return fields.some((f) => f?.toLowerCase().includes(needle));
}

function validationItem(ctx: ServiceContext, l: ValidationLifecycle, queue: ValidationWorkItem['queue']) {
  const payload = l.copy?.payload ?? {};
  const member = memberInfo(ctx, l);
  const decided = l.findings.filter((f) => {
    const review = l.reviews.get(f.id);
    return review !== undefined && inCurrentRound(l, review);
  });
  const changes = queue === 'RESUBMITTED' ? changesSinceLastReview(ctx, l) : null;
  return {
    validationId: l.validationId,
    memberName: member.name,
    memberAccountNumber: member.accountNumber,
    entityType: String(payload.entityType ?? l.validation?.entityType ?? ''),
    mode: String(payload.mode ?? l.validation?.mode ?? ''),
    scheduledDate: String(payload.scheduledDate ?? l.validation?.scheduledDate ?? ''),
    submittedAt: l.submittedAt,
    signedByName: str(payload.signedByName),
    state: l.state ?? 'SUBMITTED',
    queue,
    findingCount: l.findings.length,
    // A concurrence with words the SCSS changed since does not count (shared/domain/review.ts).
    concurredCount: l.findings.filter((f) => standingDecision(l.reviews.get(f.id), f) === 'CONCUR').length,
    undecidedCount: l.findings.length - decided.length,
    changedSinceLastReview: changes ? changes.changes.length : null,
    lastEventAt: l.history.at(-1)?.at ?? null,
  } satisfies ValidationWorkItem;
}

function reviewQueueOf(l: ValidationLifecycle): ValidationWorkItem['queue'] | null {
  if (l.state === 'RETURNED') return 'RETURNED';
  if (l.state === null || !reviewOpen(l.state)) return null;
  return wasReturned(l) ? 'RESUBMITTED' : 'AWAITING_REVIEW';
}

function approvalQueueOf(l: ValidationLifecycle): ValidationWorkItem['queue'] | null {
  if (l.state === 'APPROVED') return 'AWAITING_REPORT';
  if (l.state === null || !reviewOpen(l.state)) return null;
  const view = lifecycleViewOf(l);
  return view.findings.every((f) => f.decision === 'CONCUR') ? 'AWAITING_APPROVAL' : null;
}

function sortValidations(items: ValidationWorkItem[], sort: { by: string; direction: 'asc' | 'desc' } | undefined) {
  const by = sort?.by ?? 'submittedAt';
  // Oldest first by default: the longest-waiting validation is at the top.
  const sign = (sort?.direction ?? 'asc') === 'asc' ? 1 : -1;
  const key = (i: ValidationWorkItem): string =>
    by === 'memberName' ? (i.memberName ?? '') : by === 'scheduledDate' ? i.scheduledDate : (i.submittedAt ?? '');
  return items.sort(
    (a, b) => sign * key(a).localeCompare(key(b), 'en') || a.validationId.localeCompare(b.validationId),
  );
}

function responseItems(ctx: ServiceContext): ResponseWorkItem[] {
  const today = todayOf(ctx);
  // A laptop handed over keeps the earlier SCSS's validations to read: their Member responses are not this
  // person's work.
  const own = pluckStmt(
    ctx.db,
    `SELECT id FROM validations WHERE workflow_state IN ('AWAITING_RESPONSE', 'CLOSED')
       AND (owner_user_id IS NULL OR @userId IS NULL OR owner_user_id = @userId)`,
  ).all({ userId: ctx.person?.userId ?? null }) as string[];
  // Nor are the copies HQ sent the earlier person: an SCSS's list is their own work, as on any laptop; a reviewer
  // or supervisor sees the earlier person's read-only, as they would any copy.
  const heldHere = new Set(
    ctx.person?.role === 'SCSS' ? (pluckStmt(ctx.db, 'SELECT id FROM validations').all() as string[]) : [],
  );
  const pulled = listOthersHqCopies(ctx.db, ctx.person?.userId ?? null)
    .filter((c) => c.workflowState === 'AWAITING_RESPONSE' || c.workflowState === 'CLOSED')
    .filter((c) => !heldHere.has(c.id))
    .map((c) => c.id);
  const items: ResponseWorkItem[] = [];
  const outbox = outboxReadOnce(ctx);
  for (const id of [...own, ...pulled]) {
    const l = loadLifecycle(ctx, id, outbox);
    const dueDate = responseDueOf(ctx, l);
    const reportDate = l.history.filter((e) => e.kind === 'APPROVE').at(-1)?.reportDate ?? null;
    if (dueDate === null || reportDate === null) continue;
    const member = memberInfo(ctx, l);
    for (const finding of l.findings) {
      const responses = responsesFor(l, finding.id).sort(
        (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.updatedAt.localeCompare(b.updatedAt),
      );
      const required = responseRequired(finding.classification);
      // A Recommendation the Member has not answered is nobody's work.
      if (!required && responses.length === 0) continue;
      const latest = responses.at(-1) ?? null;
      const daysLeft = required ? differenceInCalendarDays(parseISO(dueDate), parseISO(today)) : null;
      const status: ResponseWorkStatus = findingResolved(responses)
        ? 'RESOLVED'
        : latest && latest.assessment === null
          ? 'AWAITING_ASSESSMENT'
          : daysLeft === null
            ? 'OPEN'
            : daysLeft < 0
              ? 'OVERDUE'
              : daysLeft <= DUE_SOON_DAYS
                ? 'DUE_SOON'
                : 'OPEN';
      items.push({
        validationId: id,
        own: l.own,
        memberName: member.name,
        memberAccountNumber: member.accountNumber,
        findingId: finding.id,
        criterionId: finding.criterionId,
        classification: finding.classification,
        description: finding.description,
        state: l.state ?? 'AWAITING_RESPONSE',
        reportDate,
        dueDate: required ? dueDate : null,
        daysLeft,
        status,
        latestResponse: latest ? { id: latest.id, receivedOn: latest.receivedOn, assessment: latest.assessment } : null,
      });
    }
  }
  return items;
}

function sortResponses(items: ResponseWorkItem[], sort: { by: string; direction: 'asc' | 'desc' } | undefined) {
  const by = sort?.by ?? 'dueDate';
  const sign = (sort?.direction ?? 'asc') === 'asc' ? 1 : -1;
  const key = (i: ResponseWorkItem): string =>
    by === 'memberName'
      ? (i.memberName ?? '')
      : by === 'receivedOn'
        ? (i.latestResponse?.receivedOn ?? '')
        : (i.dueDate ?? '');
  // By due date, Recommendations (never due) come last either way.
  const undated = (i: ResponseWorkItem) => Number(by === 'dueDate' && i.dueDate === null);
  return items.sort(
    (a, b) =>
      undated(a) - undated(b) ||
      sign * key(a).localeCompare(key(b), 'en') ||
      a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true }) ||
      a.findingId.localeCompare(b.findingId),
  );
}

type WorklistRequest = ParsedRequestOf<'worklists:get'>;
type Worklist = ResponseOf<'worklists:get'>;

export function getWorklist(
  ctx: ServiceContext,
  request: Extract<WorklistRequest, { list: 'RESPONSES' }>,
): Extract<Worklist, { list: 'RESPONSES' }>;
export function getWorklist(
  ctx: ServiceContext,
  request: Extract<WorklistRequest, { list: 'REVIEW' | 'APPROVAL' }>,
): Extract<Worklist, { list: 'REVIEW' | 'APPROVAL' }>;
export function getWorklist(ctx: ServiceContext, request: WorklistRequest): Worklist;
export function getWorklist(ctx: ServiceContext, request: WorklistRequest): Worklist {
  const today = todayOf(ctx);
  if (request.list === 'RESPONSES') {
    const statuses = new Set(request.statuses ?? DEFAULT_RESPONSE_STATUSES);
    const items = responseItems(ctx).filter(
      (i) => statuses.has(i.status) && matches(request.search, i.memberName, i.memberAccountNumber, i.criterionId),
    );
    return { list: 'RESPONSES', today, items: sortResponses(items, request.sort) };
  }
  const queueOf = request.list === 'REVIEW' ? reviewQueueOf : approvalQueueOf;
  const wanted = request.queues ? new Set<string>(request.queues) : null;
  const items: ValidationWorkItem[] = [];
  const outbox = outboxReadOnce(ctx);
  for (const copy of listOthersHqCopies(ctx.db, ctx.person?.userId ?? null)) {
    const l = loadLifecycle(ctx, copy.id, outbox);
    const queue = queueOf(l);
    if (queue === null || (wanted && !wanted.has(queue))) continue;
    const item = validationItem(ctx, l, queue);
    if (matches(request.search, item.memberName, item.memberAccountNumber, item.signedByName)) items.push(item);
  }
  return { list: request.list, today, items: sortValidations(items, request.sort) };
}
