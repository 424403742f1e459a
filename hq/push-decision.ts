import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { z } from 'zod';
import { earliestLocalDayAt, earliestReportDateAtHq } from '../shared/domain/due-dates';
import {
  EvidenceSchema,
  type Finding,
  FindingSchema,
  InspectionChecklistSchema,
  ObservationSchema,
  SiteSchema,
  VirtualSessionSchema,
} from '../shared/domain/field-work';
import { findingDueDateRefusal } from '../shared/domain/finding-rules';
import { type FingerprintInput, fingerprintContent } from '../shared/domain/fingerprint';
import {
  contentEditable,
  stateAfter,
  transitionRefusal,
  type WorkflowEvent,
  type WorkflowEventKind,
  type WorkflowState,
} from '../shared/domain/lifecycle';
import { type FindingReview, findingReviewEntityId } from '../shared/domain/review';
import { incompleteParams, submissionReadiness } from '../shared/domain/submission-readiness';
import { CriterionResponseSchema, ValidationSchema } from '../shared/domain/validation';
import { type Message, type MessageRef, message } from '../shared/messages';
import { checkSyncPayload } from '../shared/sync/payloads';
import type { Change, Receipt } from '../shared/sync/protocol';
import { type AssignmentAtHq, assignmentStartRefusal } from './assignment-starts';
import type { Principal } from './identity';
import {
  actorOf,
  eventFieldsRefusal,
  expectedReportSha256,
  isEnrolledPerson,
  lifecycleView,
  memberResponseRefusal,
  namesSomeoneElse,
  payloadAfterEvent,
  personOf,
} from './lifecycle';
import { type Refusal, refOf, refusalOf } from './refusal';
import { findingReviewRefusal } from './review';
import { criteriaNamedBy, type Worksheets, worksheetKeyOf } from './worksheets';

/**
 * What HQ decides for each pushed change, with no database: given what the batch read, a refusal or the
 * write the change makes. The writer (push-store.ts) turns the writes into SQL.
 */

export type { Refusal } from './refusal';
export type ValidationStatus = 'IN_PROGRESS' | 'SUBMITTED';

/** A validation as the batch sees it: read (and locked) at the start, then as each applied change leaves it. */
export type ValidationState = {
  ownerUserId: string;
  fieldOffice: string;
  /** IN_PROGRESS while the SCSS may change its content (in progress or returned), SUBMITTED otherwise. */
  status: ValidationStatus;
  /** Where it is in review, approval and the Member's response (shared/domain/lifecycle.ts). */
  workflowState: WorkflowState;
  contentSha256: string | null;
  version: number;
  payload: Record<string, unknown>;
  /** Created by this batch: inserted rather than updated. */
  isNew: boolean;
};

/** Stands for a stored record's payload, read only when a stale receipt has to carry it. */
export const NOT_LOADED: unique symbol = Symbol('payload not loaded');
export type RecordState = {
  validationId: string;
  version: number;
  payload: unknown;
  /** The payload's criterionId as read with a stored record, whose payload is not loaded. */
  criterionId?: string | null;
};
export type RecordKey = { entity: Change['entity']; entityId: string };
export type Held = { contentSha256: string; receivedAt: string };
/**
 * Records of a validation with their payloads, keyed by recordMapKey: all of them for a validation the batch
 * submits (its fingerprint is computed from them), its findings, reviews and Member responses for one whose
 * workflow the batch moves (what the transition rules look at).
 */
export type ValidationContents = Map<string, { entity: Change['entity']; payload: unknown }>;

/** What HQ holds for the changes of one batch, keyed by lower-case ids (PostgreSQL prints UUIDs so). */
export type BatchState = {
  validations: Map<string, ValidationState>;
  records: Map<string, RecordState>;
  /** Record keys HQ held before this batch: the writes update (or delete) these and insert the others. */
  storedRecordKeys: ReadonlySet<string>;
  ledger: Map<string, Held>;
  /** Loaded for the validations a batch submits or moves, and kept current as the batch's changes apply. */
  contents: Map<string, ValidationContents>;
  /** Every response period HQ's policy has had; loaded when the batch approves a validation. */
  responsePeriods?: ReadonlySet<number>;
  /** The worksheets of the validations the batch creates or records criteria on. */
  worksheets: Worksheets;
  /** The assignments the batch's validation creates name (hq/assignment-starts.ts), locked. */
  assignments?: Map<string, AssignmentAtHq>;
};

/** One effect of an applied change: the new state of one validation, or of one record (null = deleted). */
export type Write =
  | { to: 'validation'; validationId: string; next: ValidationState }
  | { to: 'record'; validationId: string; key: RecordKey; next: RecordState | null };
/** An applied change writes one thing, or (a workflow transition) its history entry and the validation. */
export type Decision = { refusal: Refusal } | { writes: Write[] };

/** Entities whose edits carry version + baseVersion: a stale edit is refused, never merged. */
const VERSIONED_ENTITIES = new Set<Change['entity']>([
  'criterion_response',
  'finding',
  'finding_review',
  'member_response',
]);

/** SHA-256 (hex) of the change's RFC 8785 canonical JSON: equal for a retry, different for a reused id. */
export const changeContentSha256 = (change: Change): string => hash('sha256', canonicalize(change) ?? '');

export const recordKeyOf = (change: Change): RecordKey => ({ entity: change.entity, entityId: change.entityId });
export const recordMapKey = (key: RecordKey): string => `${key.entity}\n${key.entityId}`;

const refuse = (outcome: Refusal['outcome'], told: Message, current?: unknown): Decision => ({
  refusal: refusalOf(outcome, told, current),
});
const write = (...writes: Write[]): Decision => ({ writes });

/** What a refused change is shown of the validation: its payload as HQ holds it, with HQ's workflow state. */
export const currentOf = (validation: ValidationState): Record<string, unknown> => ({
  ...validation.payload,
  workflowState: validation.workflowState,
});

/** The history entry HQ writes for an SCSS's submit or reopen, keyed by the change that made it. */
export const ownEventKey = (changeId: string): RecordKey => ({
  entity: 'workflow_event',
  entityId: changeId.toLowerCase(),
});

/** The key a record must travel under, built from its checked payload. */
function expectedEntityId(entity: Change['entity'], payload: Record<string, unknown>): string {
  switch (entity) {
    case 'validation':
      return String(payload.id ?? payload.validationId);
    case 'criterion_response':
      return `${payload.validationId}/${payload.criterionId}`;
    case 'finding_review':
      return findingReviewEntityId(String(payload.validationId), String(payload.findingId));
    default:
      return String(payload.id);
  }
}

/**
 * Checks a change against its entity's schema before anything else: the change keyed as its payload
 * says, or a refusal naming the field.
 */
export function checkChange(change: Change): { change: Change } | { refusal: Refusal } {
  const checked = checkSyncPayload(change.entity, change.operation, change.payload);
  if (!checked.ok) return { refusal: refusalOf('invalid', checked.told) };
  const expected = expectedEntityId(change.entity, checked.payload);
  if (change.entityId.toLowerCase() !== expected.toLowerCase()) {
    return { refusal: refusalOf('invalid', message('hqReason.entityId', { expected, entity: change.entity })) };
  }
  // HQ keeps the payload exactly as the laptop sent it (the signed content); only the key is normalised.
  return { change: { ...change, entityId: expected } };
}

/** The validation a checked change belongs to (lower case). */
export function validationIdOf(change: Change): string {
  const raw = change.entity === 'validation' ? change.entityId : change.payload.validationId;
  return String(raw).toLowerCase();
}

/**
 * Decides one checked change against the batch state: a refusal, or the writes it makes. Checks role,
 * scope, workflow state and versions in that order.
 */
export function decideChange(state: BatchState, principal: Principal, change: Change): Decision {
  const { user } = principal;
  if (change.entity === 'finding_review') return decideFindingReview(state, principal, change);
  if (change.entity === 'workflow_event') return decideWorkflowEvent(state, principal, change);
  if (change.entity === 'member_response') return decideMemberResponse(state, principal, change);
  if (user.role !== 'SCSS') {
    return refuse('forbidden', message('hqReason.scssOwnsContent'));
  }
  const validationId = validationIdOf(change);
  const validation = state.validations.get(validationId);

  if (change.entity === 'validation' && change.operation === 'create') {
    if (validation) {
      return validation.ownerUserId === user.id
        ? refuse('conflict', message('hqReason.alreadyAtHq'), currentOf(validation))
        : refuse('forbidden', message('lifecycle.otherScss'));
    }
    const noWorksheet = worksheetRefusal(state, change.payload);
    if (noWorksheet) return refuse('invalid', noWorksheet);
    const notStartable = assignmentStartRefusal(state.assignments, user.id, validationId, change.payload);
    if (notStartable) return { refusal: notStartable };
    const next: ValidationState = {
      ownerUserId: user.id,
      fieldOffice: user.fieldOffice,
      status: 'IN_PROGRESS',
      workflowState: 'IN_PROGRESS',
      contentSha256: null,
      version: 1,
      payload: change.payload,
      isNew: true,
    };
    return write({ to: 'validation', validationId, next });
  }

  if (!validation) return refuse('invalid', message('hqReason.pushCreateFirst', { id: validationId }));
  if (validation.ownerUserId !== user.id) return refuse('forbidden', message('lifecycle.otherScss'));

  if (change.entity === 'validation' && change.operation === 'reopen') {
    return decideWithdraw(state, principal, validationId, validation, change);
  }
  if (change.entity === 'validation') return decideSubmit(state, principal, validationId, validation, change);

  if (!contentEditable(validation.workflowState)) {
    const told =
      validation.workflowState === 'SUBMITTED'
        ? message('hqReason.immutable')
        : message('hqReason.immutableNow', { state: validation.workflowState });
    return refuse('conflict', told, currentOf(validation));
  }
  const offWorksheet = offWorksheetRefusal(state, validation, change);
  if (offWorksheet) return refuse('invalid', offWorksheet);
  if (change.entity === 'finding' && change.operation === 'upsert') {
    const tooEarly = findingDueDateAtHqRefusal(change.payload);
    if (tooEarly) return refuse('invalid', message('hqReason.field', { field: 'dueDate', problem: [tooEarly] }));
  }
  if (change.entity === 'evidence' && change.operation === 'upsert') {
    const misfiled = evidenceLinkRefusal(state, validationId, change.payload);
    if (misfiled) return refuse('invalid', misfiled);
  }
  return decideRecordChange(state, change, validationId);
}

/** A validation is taken only on a worksheet HQ knows: an edition shipped or published, carrying its entity type. */
function worksheetRefusal(state: BatchState, payload: Record<string, unknown>): Message | null {
  const worksheet = state.worksheets.get(worksheetKeyOf(payload));
  const edition = String(payload.catalogEditionId);
  if (worksheet === undefined || worksheet === null) {
    return message('hqReason.field', {
      field: 'catalogEditionId',
      problem: [refOf(message('hqReason.unknownEdition', { edition }))],
    });
  }
  if (worksheet.ids.size === 0) {
    return message('hqReason.field', {
      field: 'entityType',
      problem: [refOf(message('errors.validation.noCriteria', { edition, entityType: String(payload.entityType) }))],
    });
  }
  return null;
}

/**
 * A record may name only criteria on its validation's worksheet: an answer to "99.1" or to a criterion of
 * another entity type would be counted in HQ's statistics by criterion and category as if it were one.
 */
function offWorksheetRefusal(state: BatchState, validation: ValidationState, change: Change): Message | null {
  const named = criteriaNamedBy(change);
  if (named.length === 0) return null;
  const noWorksheet = worksheetRefusal(state, validation.payload);
  if (noWorksheet) return noWorksheet;
  const worksheet = state.worksheets.get(worksheetKeyOf(validation.payload));
  const stray = named.find((id) => !worksheet?.ids.has(id));
  if (stray === undefined) return null;
  return message('hqReason.field', {
    field: change.entity === 'virtual_session' ? 'segments.criterionIds' : 'criterionId',
    problem: [
      refOf(
        message('errors.response.notOnWorksheet', {
          criterionId: stray,
          edition: String(validation.payload.catalogEditionId),
          entityType: String(validation.payload.entityType),
        }),
      ),
    ],
  });
}

/**
 * Evidence filed under a finding must name a finding HQ holds on the same validation (stored, or applied earlier
 * in this batch) and, when it names a criterion, that finding's: a record must not link another validation's work.
 * HQ answers alike for a finding it lacks and one of another validation, so the refusal reveals nothing.
 */
function evidenceLinkRefusal(
  state: BatchState,
  validationId: string,
  payload: Record<string, unknown>,
): Message | null {
  const { findingId, criterionId } = payload;
  if (typeof findingId !== 'string') return null;
  const finding = state.records.get(recordMapKey({ entity: 'finding', entityId: findingId }));
  if (finding?.validationId !== validationId) {
    return message('hqReason.field', { field: 'findingId', problem: [refOf(message('hqReason.noSuchFinding'))] });
  }
  const findingCriterion = criterionOfRecord(finding);
  if (typeof criterionId !== 'string' || findingCriterion === null || criterionId === findingCriterion) return null;
  return message('hqReason.field', {
    field: 'criterionId',
    problem: [refOf(message('errors.evidence.findingElsewhere', { findingCriterion, criterionId }))],
  });
}

/** A record's criterion: from its payload when the batch wrote it, else as read with it (null: not known). */
function criterionOfRecord(record: RecordState): string | null {
  const criterionId =
    record.payload === NOT_LOADED ? record.criterionId : (record.payload as { criterionId?: unknown }).criterionId;
  return typeof criterionId === 'string' ? criterionId : null;
}

/**
 * A finding's response due date before the report date is refused. HQ does not read the stored copy
 * to see whether the date changed, so it bounds the date by the day the finding was recorded, which is never
 * stricter than the laptop's check at the time.
 */
function findingDueDateAtHqRefusal(payload: Record<string, unknown>): MessageRef | null {
  const finding = payload as Pick<Finding, 'classification' | 'dueDate' | 'createdAt'>;
  const refusal = findingDueDateRefusal(finding, null, earliestReportDateAtHq(finding.createdAt));
  return refusal && refOf(refusal);
}

/** What the batch loaded of a validation it moves; a rule must never see a validation as having no findings. */
function heldContents(state: BatchState, validationId: string): ValidationContents {
  const contents = state.contents.get(validationId);
  if (!contents) throw new Error(`the batch did not load the records of ${validationId} before moving it`);
  return contents;
}

/** The transition rules for a validation as the batch holds it (refusals that may show HQ's copy carry it). */
function transitionCheck(
  state: BatchState,
  principal: Principal,
  validationId: string,
  validation: ValidationState,
  kind: WorkflowEventKind,
  comment = '',
): Decision | null {
  const view = lifecycleView(validation, heldContents(state, validationId).values());
  const refusal = transitionRefusal(actorOf(principal.user), view, kind, comment);
  if (!refusal) return null;
  return refuse(refusal.outcome, refusal.told, refusal.outcome === 'forbidden' ? undefined : currentOf(validation));
}

/**
 * HQ's own history entry for an SCSS's submit or reopen, naming the enrolled person. Its key is the change's
 * id: a workflow event pushed earlier under that id (a laptop's bug) makes the transition a conflict.
 */
function ownEvent(
  state: BatchState,
  principal: Principal,
  validationId: string,
  change: Change,
  event: Pick<WorkflowEvent, 'kind' | 'comment' | 'at'>,
): { write: Write } | { refusal: Refusal } {
  const key = ownEventKey(change.changeId);
  if (state.records.has(recordMapKey(key))) {
    return {
      refusal: refusalOf(
        'conflict',
        message('hqReason.eventIdHeld', { id: key.entityId, operation: change.operation }),
      ),
    };
  }
  const payload: WorkflowEvent = {
    id: key.entityId,
    validationId,
    ...event,
    actor: personOf(principal.user),
    reportDate: null,
    reportSha256: null,
  };
  return { write: { to: 'record', validationId, key, next: { validationId, version: 1, payload } } };
}

/** A reopen is the SCSS withdrawing a validation the field office has not finished with. */
function decideWithdraw(
  state: BatchState,
  principal: Principal,
  validationId: string,
  validation: ValidationState,
  change: Change,
): Decision {
  const refused = transitionCheck(state, principal, validationId, validation, 'WITHDRAW');
  if (refused) return refused;
  const event = ownEvent(state, principal, validationId, change, {
    kind: 'WITHDRAW',
    comment: String(change.payload.reason),
    at: String(change.payload.reopenedAt),
  });
  if ('refusal' in event) return event;
  const next = nextValidation(validation, 'IN_PROGRESS', 'IN_PROGRESS', null, {
    status: 'IN_PROGRESS',
    reopenedAt: change.payload.reopenedAt,
    reopenReason: change.payload.reason,
  });
  return write(event.write, { to: 'validation', validationId, next });
}

/**
 * A submit is taken only from a validation the SCSS may submit (in progress or returned), only when the
 * fingerprint HQ computes from the records it holds is the one the SCSS signed (otherwise HQ would vouch for
 * content it does not have: a change refused and then dropped), and only when that content passes the
 * worksheet rules (every criterion answered, every deficiency with its finding): HQ counts what it takes.
 */
function decideSubmit(
  state: BatchState,
  principal: Principal,
  validationId: string,
  validation: ValidationState,
  change: Change,
): Decision {
  const refused = transitionCheck(state, principal, validationId, validation, 'SUBMIT');
  if (refused) return refused;
  const signed = String(change.payload.contentSha256);
  const held = heldSubmission(validation.payload, heldContents(state, validationId));
  if ('problem' in held) return refuse('invalid', held.problem);
  // Computed exactly as the laptop computes it at submit.
  const sha256 = hash('sha256', fingerprintContent(held.content));
  if (sha256 !== signed) {
    return refuse(
      'conflict',
      message('hqReason.contentDiffers', { held: sha256.slice(0, 12), signed: signed.slice(0, 12) }),
    );
  }
  const incomplete = incompleteRefusal(state, validation, held.content, String(change.payload.submittedAt));
  if (incomplete) return refuse('invalid', incomplete);
  const event = ownEvent(state, principal, validationId, change, {
    kind: 'SUBMIT',
    comment: '',
    at: String(change.payload.submittedAt),
  });
  if ('refusal' in event) return event;
  const next = nextValidation(validation, 'SUBMITTED', 'SUBMITTED', sha256, {
    status: 'SUBMITTED',
    submittedAt: change.payload.submittedAt,
    // Who submitted is the enrolled person whose device pushed it, as with every step; the typed signature stays.
    submittedBy: principal.user.name,
    signedByName: change.payload.signedByName,
    contentSha256: sha256,
    ...(change.payload.worksheetLanguage ? { worksheetLanguage: change.payload.worksheetLanguage } : {}),
  });
  return write(event.write, { to: 'validation', validationId, next });
}

/**
 * A step a reviewer, supervisor or the SCSS takes on a submitted validation (start review, return, approve,
 * issue report, close), in their own name: stored as a history record, and the validation moved on.
 */
function decideWorkflowEvent(state: BatchState, principal: Principal, change: Change): Decision {
  const { user } = principal;
  const event = change.payload as WorkflowEvent;
  if (event.kind === 'SUBMIT' || event.kind === 'WITHDRAW') {
    return refuse(
      'invalid',
      message(event.kind === 'SUBMIT' ? 'hqReason.submitNotEvent' : 'hqReason.withdrawNotEvent'),
    );
  }
  const validationId = validationIdOf(change);
  const validation = state.validations.get(validationId);
  if (!validation) return refuse('invalid', message('hqReason.noValidation', { id: validationId }));
  if (!isEnrolledPerson(event.actor, user)) return refuse('forbidden', namesSomeoneElse('event', user));
  const refused = transitionCheck(state, principal, validationId, validation, event.kind, event.comment);
  if (refused) return refused;
  const expectedReport =
    event.kind === 'ISSUE_REPORT'
      ? expectedReportSha256(validationId, validation, heldContents(state, validationId).values())
      : null;
  const fieldsRefusal = eventFieldsRefusal(
    event,
    expectedReport,
    currentOf(validation),
    validation.payload.submittedAt,
    state.responsePeriods,
  );
  if (fieldsRefusal) return { refusal: fieldsRefusal };
  const key = recordKeyOf(change);
  const stored = state.records.get(recordMapKey(key));
  if (stored) {
    return stored.validationId === validationId
      ? refuse('conflict', message('hqReason.stepTaken', { id: key.entityId }))
      : refuse('forbidden', message('hqReason.otherValidation'));
  }

  const view = lifecycleView(validation, heldContents(state, validationId).values());
  const nextState = stateAfter(event.kind, view);
  // A return hands the validation back to its SCSS to correct: its content is theirs to change again.
  const returned = event.kind === 'RETURN';
  const next = nextValidation(
    validation,
    returned ? 'IN_PROGRESS' : validation.status,
    nextState,
    returned ? null : validation.contentSha256,
    payloadAfterEvent(event, nextState),
  );
  return write(
    { to: 'record', validationId, key, next: { validationId, version: 1, payload: change.payload } },
    { to: 'validation', validationId, next },
  );
}

/** The version of the finding HQ holds on this validation, or null: reviews and Member responses must name one. */
function heldFindingVersion(state: BatchState, validationId: string, findingId: unknown): number | null {
  const finding = state.records.get(recordMapKey({ entity: 'finding', entityId: String(findingId ?? '') }));
  return finding?.validationId === validationId ? finding.version : null;
}

/** A reviewer's decision on a finding, while the field office reviews: versioned like answers. */
function decideFindingReview(state: BatchState, principal: Principal, change: Change): Decision {
  const validationId = validationIdOf(change);
  const validation = state.validations.get(validationId);
  const refusal = findingReviewRefusal(
    principal.user,
    validation && { ...validation, current: currentOf(validation) },
    change.payload as FindingReview,
    heldFindingVersion(state, validationId, change.payload.findingId),
  );
  if (refusal) return { refusal };
  // Stored with the enrolled reviewer's id: the name alone cannot tell two reviewers of one name apart.
  const stamped = { ...change, payload: { ...change.payload, reviewerId: principal.user.id } };
  return decideRecordChange(state, stamped, validationId);
}

/** A Member's answer to a finding, and the SCSS's assessment of it, once the report is out: versioned. */
function decideMemberResponse(state: BatchState, principal: Principal, change: Change): Decision {
  const validationId = validationIdOf(change);
  const validation = state.validations.get(validationId);
  // A response HQ already holds keeps the date it was taken with (an assessment resends it unchanged).
  const held = state.contents.get(validationId)?.get(recordMapKey(recordKeyOf(change)))?.payload as
    | { receivedOn?: unknown }
    | undefined;
  const receivedOn = held?.receivedOn === change.payload.receivedOn ? null : change.payload.receivedOn;
  const refusal = memberResponseRefusal(
    principal.user,
    validation && { ...validation, current: currentOf(validation) },
    { validationId, assessedBy: change.payload.assessedBy ?? null, receivedOn },
    heldFindingVersion(state, validationId, change.payload.findingId) !== null,
  );
  return refusal ? { refusal } : decideRecordChange(state, change, validationId);
}

const FINGERPRINT_PARTS = {
  criterion_response: { key: 'responses', schema: CriterionResponseSchema },
  site: { key: 'sites', schema: SiteSchema },
  finding: { key: 'findings', schema: FindingSchema },
  observation: { key: 'observations', schema: ObservationSchema },
  evidence: { key: 'evidence', schema: EvidenceSchema },
  inspection_checklist: { key: 'checklists', schema: InspectionChecklistSchema },
  virtual_session: { key: 'virtualSessions', schema: VirtualSessionSchema },
} as const satisfies Partial<Record<Change['entity'], { key: keyof FingerprintInput; schema: z.ZodType }>>;

/**
 * What HQ holds of a validation, in the shape the laptop fingerprints and checks at submit: each record as
 * stored (as sent, not the parsed copy: the laptop fingerprints its values untrimmed), once its schema reads it.
 */
function heldSubmission(
  validationPayload: Record<string, unknown>,
  contents: ValidationContents,
): { content: FingerprintInput } | { problem: Message } {
  const validation = ValidationSchema.pick({
    id: true,
    memberId: true,
    entityType: true,
    mode: true,
    catalogEditionId: true,
    scheduledDate: true,
  }).safeParse(validationPayload);
  if (!validation.success) return { problem: message('hqReason.validationUnreadable') };
  const input: Record<string, unknown[]> = {};
  for (const part of Object.values(FINGERPRINT_PARTS)) input[part.key] = [];
  for (const { entity, payload } of contents.values()) {
    const part = (FINGERPRINT_PARTS as Partial<Record<string, { key: string; schema: z.ZodType }>>)[entity];
    if (!part) continue;
    const parsed = part.schema.safeParse(payload);
    if (!parsed.success) return { problem: message('hqReason.recordUnreadable', { entity }) };
    input[part.key]?.push(payload);
  }
  return { content: { ...(input as unknown as FingerprintInput), validation: validation.data } };
}

/**
 * Why HQ cannot take the submit of this content: the worksheet rules the laptop ran before the SCSS signed, run
 * again on what HQ holds. Due dates are held to the earliest day the laptop could have read as today.
 */
function incompleteRefusal(
  state: BatchState,
  validation: ValidationState,
  content: FingerprintInput,
  submittedAt: string,
): Message | null {
  const worksheet = state.worksheets.get(worksheetKeyOf(validation.payload));
  if (!worksheet || worksheet.ids.size === 0) return worksheetRefusal(state, validation.payload);
  const report = submissionReadiness(
    content.validation.mode,
    worksheet.criteria,
    content,
    earliestLocalDayAt(submittedAt),
  );
  if (report.ready) return null;
  return message('hqReason.incomplete', incompleteParams(report));
}

function decideRecordChange(state: BatchState, change: Change, validationId: string): Decision {
  const key = recordKeyOf(change);
  const stored = state.records.get(recordMapKey(key));
  if (stored && stored.validationId !== validationId) {
    return refuse('forbidden', message('hqReason.otherValidation'));
  }
  if (change.operation === 'delete') return write({ to: 'record', validationId, key, next: null });

  const { baseVersion, ...payload } = change.payload;
  let version = (stored?.version ?? 0) + 1;
  if (VERSIONED_ENTITIES.has(change.entity)) {
    const storedVersion = stored?.version ?? 0;
    if (storedVersion !== baseVersion) {
      return refuse(
        'stale',
        message('hqReason.staleVersion', { held: storedVersion, base: String(baseVersion) }),
        stored ? { version: stored.version, payload: stored.payload } : null,
      );
    }
    version = Number(payload.version);
  }
  return write({ to: 'record', validationId, key, next: { validationId, version, payload } });
}

/**
 * The validation after a transition: `payload || patch` (with its new workflow state) and one version more, as
 * HQ stores it, so a pull sends it again.
 */
function nextValidation(
  current: ValidationState,
  status: ValidationStatus,
  workflowState: WorkflowState,
  contentSha256: string | null,
  patch: Record<string, unknown>,
): ValidationState {
  return {
    ...current,
    status,
    workflowState,
    contentSha256,
    version: current.version + 1,
    payload: { ...current.payload, ...patch, workflowState },
  };
}

/** Applies a decided write to the batch state, so later changes of the batch are decided against it. */
export function applyWrite(state: BatchState, write: Write): void {
  if (write.to === 'validation') {
    state.validations.set(write.validationId, write.next);
    return;
  }
  const id = recordMapKey(write.key);
  if (write.next) state.records.set(id, write.next);
  else state.records.delete(id);
  const contents = state.contents.get(write.validationId);
  if (!contents) return;
  if (write.next) contents.set(id, { entity: write.key.entity, payload: write.next.payload });
  else contents.delete(id);
}

export function heldReceipt(changeId: string, held: Held, contentSha256: string): Receipt {
  return held.contentSha256 === contentSha256
    ? { changeId, outcome: 'duplicate', receivedAt: held.receivedAt }
    : { changeId, ...refusalOf('conflict', message('hqReason.changeIdReused')), receivedAt: held.receivedAt };
}
