import { randomUUID } from 'node:crypto';
import { assertValidationAuditable } from '../../db/audit-log';
import { recordsOf } from '../../db/queries/hq-validations';
import {
  getMemberResponse,
  insertMemberResponseFile,
  listMemberResponseFiles,
  type MemberResponseFile,
  upsertMemberResponse,
} from '../../db/queries/workflow';
import type { Finding } from '../../shared/domain/field-work';
import {
  findingResolved,
  type MemberResponse,
  responseOverdue,
  responseRequired,
  responsesOpen,
} from '../../shared/domain/lifecycle';
import type { MemberResponsesView, ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { recordChange } from './change-log';
import type { PickedFileRegistry } from './evidence-service';
import { storeCheckedFile } from './evidence-service';
import { requirePerson } from './identity';
import {
  lifecycleViewOf,
  loadLifecycle,
  reportDateOf,
  reportIssuedOnOf,
  responseDueOf,
  responsesFor,
  todayOf,
  type ValidationLifecycle,
} from './lifecycle-read';
import { type EnrolledPerson, isoNow, type ServiceContext } from './service-context';
import { lifecycleView, recordWorkflowEvent } from './workflow-service';

/**
 * The Member's answers once the report is issued (ctpat-facts §2.1 step 4): one or more responses per Action
 * Required finding, each with the date it arrived, the corrective action and the files the Member sent, and
 * the SCSS's assessment. A finding is resolved when its latest response is accepted; accepting the last open
 * one closes the validation in the same transaction. A Recommendation may be answered and assessed the same
 * way, but closing never waits for it.
 */

const byReceipt = (a: MemberResponse, b: MemberResponse) =>
  a.receivedOn.localeCompare(b.receivedOn) || a.updatedAt.localeCompare(b.updatedAt);

/**
 * Each finding with its responses and whether it is resolved, Action Required findings first, then the
 * Recommendations (answered optionally); for any validation here.
 */
export function listMemberResponsesOf(ctx: ServiceContext, validationId: string): MemberResponsesView {
  const l = loadLifecycle(ctx, validationId);
  const dueDate = responseDueOf(ctx, l);
  const files = l.own ? listMemberResponseFiles(ctx.db, validationId) : [];
  const state = l.state;
  return {
    validationId,
    state,
    reportDate: reportDateOf(l),
    reportIssuedOn: reportIssuedOnOf(l),
    dueDate,
    overdue: state === 'AWAITING_RESPONSE' && dueDate !== null && responseOverdue(dueDate, todayOf(ctx)),
    // The same rule that refuses a response: the screen never offers what saving would refuse.
    canRecord: ctx.person ? responsesRefusal(ctx.person, l) === null : false,
    findings: [...l.findings]
      .sort((a, b) => Number(responseRequired(b.classification)) - Number(responseRequired(a.classification)))
      .map((finding) => {
        const responses = responsesFor(l, finding.id).sort(byReceipt);
        return {
          finding,
          resolved: findingResolved(responses),
          responses,
          files: files.filter((f) => f.findingId === finding.id),
        };
      }),
  };
}

/** Why `person` cannot record a Member response here now, the most specific reason first; null when they can. */
function responsesRefusal(person: EnrolledPerson, l: ValidationLifecycle): AppError | null {
  if (person.role !== 'SCSS') return new AppError('FORBIDDEN', message('errors.memberResponse.scssOnly'));
  if (l.ownerUserId !== null && l.ownerUserId !== person.userId) {
    return new AppError('FORBIDDEN', message('errors.memberResponse.otherScss'));
  }
  if (!l.own) return new AppError('FORBIDDEN', message('errors.memberResponse.onOwnComputer'));
  const state = l.state ?? 'IN_PROGRESS';
  if (!responsesOpen(state)) return new AppError('CONFLICT', message('errors.memberResponse.notOpen', { state }));
  return null;
}

/** The SCSS's own validation while the Member's responses are awaited, and the enrolled SCSS who owns it. */
function requireOpenForResponses(
  ctx: ServiceContext,
  validationId: string,
): { l: ValidationLifecycle; person: EnrolledPerson } {
  const person = requirePerson(ctx, 'memberResponse');
  const l = loadLifecycle(ctx, validationId);
  const refusal = responsesRefusal(person, l);
  if (refusal) throw refusal;
  assertValidationAuditable(ctx.db, validationId);
  return { l, person };
}

/** Any finding of the validation: an Action Required one, or a Recommendation the Member chose to answer. */
function requireFinding(l: ValidationLifecycle, findingId: string): Finding {
  const finding = l.findings.find((f) => f.id === findingId);
  if (!finding) throw new AppError('NOT_FOUND', message('errors.memberResponse.findingNotHere'));
  return finding;
}

/** HQ's version of a response, so an edit is made on what HQ last held. */
const hqVersionOf = (l: ValidationLifecycle, id: string): number =>
  recordsOf(l.copy ?? { records: [] }, 'member_response').find((r) => r.entityId === id)?.version ?? 0;

function storeResponse(
  ctx: ServiceContext,
  l: ValidationLifecycle,
  action: string,
  before: MemberResponse | undefined,
  next: Omit<MemberResponse, 'version'>,
): MemberResponse {
  const baseVersion = Math.max(before?.version ?? 0, hqVersionOf(l, next.id));
  const response: MemberResponse = { ...next, version: baseVersion + 1 };
  upsertMemberResponse(ctx.db, response);
  recordChange(ctx, {
    at: response.updatedAt,
    action,
    entity: 'member_response',
    entityId: response.id,
    before: before ?? null,
    after: response,
    outbox: { operation: 'upsert', payload: { ...response, baseVersion } },
  });
  l.responses = [...l.responses.filter((r) => r.id !== response.id), response];
  return response;
}

/** Records (or corrects, until it is assessed) a Member's response to a finding (Action Required or not). */
export function saveMemberResponse(ctx: ServiceContext, request: ParsedRequestOf<'replies:save'>): MemberResponse {
  return ctx.db
    .transaction(() => {
      const { l } = requireOpenForResponses(ctx, request.validationId);
      requireFinding(l, request.findingId);
      if (request.receivedOn > todayOf(ctx)) {
        throw new AppError('BAD_REQUEST', message('errors.memberResponse.receivedInFuture'));
      }
      const known = new Set(listMemberResponseFiles(ctx.db, request.validationId).map((f) => f.sha256));
      const missing = request.evidenceSha256.filter((sha) => !known.has(sha));
      if (missing.length > 0) {
        throw new AppError('BAD_REQUEST', message('errors.memberResponse.attachFirst'));
      }
      const before = request.id ? getMemberResponse(ctx.db, request.id) : undefined;
      if (request.id && (!before || before.validationId !== request.validationId)) {
        throw new AppError('NOT_FOUND', message('errors.memberResponse.notHere'));
      }
      if (before && before.findingId !== request.findingId) {
        throw new AppError('BAD_REQUEST', message('errors.memberResponse.staysWithFinding'));
      }
      if (before && before.assessment !== null) {
        throw new AppError('CONFLICT', message('errors.memberResponse.assessedNoChange'));
      }
      // A response recorded before this rule keeps the date it was taken with.
      const issuedOn = reportIssuedOnOf(l);
      if (issuedOn !== null && request.receivedOn < issuedOn && request.receivedOn !== before?.receivedOn) {
        throw new AppError('BAD_REQUEST', message('errors.memberResponse.receivedBeforeIssue', { issuedOn }));
      }
      return storeResponse(ctx, l, before ? 'member_response.update' : 'member_response.record', before, {
        id: before?.id ?? randomUUID(),
        validationId: request.validationId,
        findingId: request.findingId,
        receivedOn: request.receivedOn,
        correctiveAction: request.correctiveAction,
        evidenceSha256: [...new Set(request.evidenceSha256)],
        assessment: null,
        assessmentNote: '',
        assessedAt: null,
        assessedBy: null,
        updatedAt: isoNow(ctx),
      });
    })
    .immediate();
}

/**
 * The SCSS's assessment of a response: accepted, not accepted (what is still needed) or more information
 * requested. Accepting the last unresolved Action Required finding closes the validation (queued right after);
 * assessing a Recommendation's response never does, nor do Recommendations hold closing up.
 */
export function assessMemberResponse(ctx: ServiceContext, request: ParsedRequestOf<'replies:assess'>) {
  return ctx.db
    .transaction(() => {
      const { l, person } = requireOpenForResponses(ctx, request.validationId);
      const before = getMemberResponse(ctx.db, request.responseId);
      if (!before || before.validationId !== request.validationId) {
        throw new AppError('NOT_FOUND', message('errors.memberResponse.notHere'));
      }
      if (before.assessment !== null) {
        throw new AppError('CONFLICT', message('errors.memberResponse.alreadyAssessed'));
      }
      const at = isoNow(ctx);
      const response = storeResponse(ctx, l, 'member_response.assess', before, {
        ...before,
        assessment: request.assessment,
        assessmentNote: request.note,
        assessedAt: at,
        assessedBy: { userId: person.userId, name: person.name, role: person.role },
        updatedAt: at,
      });
      const open = lifecycleViewOf(l).findings.filter((f) => responseRequired(f.classification) && !f.resolved);
      const answersRequired = l.findings.some((f) => f.id === before.findingId && responseRequired(f.classification));
      const closed = request.assessment === 'ACCEPTED' && answersRequired && open.length === 0;
      if (closed) {
        recordWorkflowEvent(
          ctx,
          l,
          'CLOSE',
          'Every Action Required finding is resolved: the Member’s corrective actions were accepted.',
        );
      }
      return { response, closed, lifecycle: lifecycleView(ctx, request.validationId, l) };
    })
    .immediate();
}

/** Stores a file the Member sent (checked and hashed as evidence is), for listing in a response. */
export async function attachMemberResponseFile(
  ctx: ServiceContext,
  request: ParsedRequestOf<'replies:attach'>,
  registry: PickedFileRegistry,
): Promise<MemberResponseFile> {
  requireFinding(requireOpenForResponses(ctx, request.validationId).l, request.findingId);
  const stored = await storeCheckedFile(ctx, request, registry);
  return ctx.db
    .transaction(() => {
      const { l } = requireOpenForResponses(ctx, request.validationId);
      requireFinding(l, request.findingId);
      const file = insertMemberResponseFile(ctx.db, {
        validationId: request.validationId,
        sha256: stored.sha256,
        findingId: request.findingId,
        fileName: stored.fileName,
        mediaType: stored.mediaType,
        sizeBytes: stored.sizeBytes,
        hasThumbnail: stored.hasThumbnail,
        createdAt: isoNow(ctx),
      });
      recordChange(ctx, {
        at: file.createdAt,
        action: 'member_response.file_attach',
        entity: 'member_response_file',
        entityId: `${request.validationId}/${file.sha256}`,
        before: null,
        after: file,
      });
      return file;
    })
    .immediate();
}
