import { createHash, randomUUID } from 'node:crypto';
import { bundledEditions } from '../../shared/catalog/index';
import { criteriaForEntity } from '../../shared/catalog/load';
import type { EntityType } from '../../shared/domain/entity-types';
import { type FingerprintInput, fingerprintContent } from '../../shared/domain/fingerprint';
import type {
  Person,
  ProposedClassification,
  ResponseAssessment,
  ReviewDecision,
  WorkflowEventKind,
} from '../../shared/domain/lifecycle';
import type { Validation } from '../../shared/domain/validation';
import { type ReportFacts, reportFactsText } from '../../shared/report/report-fingerprint';
import type { Change } from '../../shared/sync/protocol';

/** Validations and changes as a laptop pushes them; free of vitest so the benchmarks can build theirs too. */

export const AT = '2026-11-20T15:00:00.000Z';

export function makeValidation(id = randomUUID(), overrides: Partial<Validation> = {}): Validation {
  return {
    id,
    memberId: randomUUID(),
    entityType: 'IMP',
    mode: 'IN_PERSON',
    catalogEditionId: 'MSC-2019-11',
    status: 'IN_PROGRESS',
    scheduledDate: '2026-11-20',
    createdAt: AT,
    updatedAt: AT,
    submittedAt: null,
    submittedBy: null,
    signedByName: null,
    contentSha256: null,
    reopenedAt: null,
    reopenReason: null,
    ...overrides,
  };
}

/** The criterion ids of a worksheet on the bundled edition, the default of makeValidation: all HQ takes answers to. */
export const worksheetCriterionIds = (entityType: EntityType = 'IMP'): string[] =>
  criteriaForEntity(bundledEditions()[0] as NonNullable<ReturnType<typeof bundledEditions>[0]>, entityType).map(
    (c) => c.id,
  );

export function change(
  entity: Change['entity'],
  entityId: string,
  operation: Change['operation'],
  payload: Record<string, unknown>,
): Change {
  return { changeId: randomUUID(), entity, entityId, operation, payload, createdAt: AT };
}

export function siteChange(validationId: string, siteId: string, operation: 'upsert' | 'delete', name = 'Dock 1') {
  return change(
    'site',
    siteId,
    operation,
    operation === 'upsert'
      ? {
          id: siteId,
          validationId,
          name,
          address: '1 Port Rd, Houston, TX',
          siteType: 'WAREHOUSE',
          visitDate: null,
          createdAt: AT,
          updatedAt: AT,
        }
      : { id: siteId, validationId },
  );
}

export function findingChange(
  validationId: string,
  findingId: string,
  overrides: {
    criterionId?: string;
    version?: number;
    baseVersion?: number;
    description?: string;
    classification?: 'ACTION_REQUIRED' | 'RECOMMENDATION';
  } = {},
) {
  const version = overrides.version ?? 1;
  return change('finding', findingId, 'upsert', {
    id: findingId,
    validationId,
    criterionId: overrides.criterionId ?? '4.1',
    classification: overrides.classification ?? 'ACTION_REQUIRED',
    reasonCode: 'NOT_IMPLEMENTED',
    description: overrides.description ?? 'Unique logins are not enforced on the warehouse terminals.',
    dueDate: '2027-02-18',
    version,
    createdAt: AT,
    updatedAt: AT,
    baseVersion: overrides.baseVersion ?? version - 1,
  });
}

export function evidenceChange(validationId: string, sha256: string, fileName = 'dock-door.jpg', sizeBytes = 10) {
  const id = randomUUID();
  return change('evidence', id, 'upsert', {
    id,
    validationId,
    criterionId: '9.6',
    findingId: null,
    sha256,
    fileName,
    mediaType: 'image/jpeg',
    sizeBytes,
    caption: '',
    observedRemotely: false,
    hasThumbnail: false,
    createdAt: AT,
  });
}

export const reopenChange = (validationId: string, reopenedAt = '2026-11-21T09:00:00.000Z') =>
  change('validation', validationId, 'reopen', { validationId, reason: 'Member sent new documents', reopenedAt });

const FINGERPRINT_KEYS: Partial<Record<Change['entity'], keyof FingerprintInput>> = {
  criterion_response: 'responses',
  site: 'sites',
  finding: 'findings',
  observation: 'observations',
  evidence: 'evidence',
  inspection_checklist: 'checklists',
  virtual_session: 'virtualSessions',
};

/**
 * The fingerprint a laptop signs for this validation after these content changes (applied in order: an
 * upsert replaces the record, a delete removes it), computed with the laptop's own function.
 */
export function fingerprintOf(validation: Validation, content: readonly Change[] = []): string {
  const held = new Map<string, Change>();
  for (const c of content) {
    const key = `${c.entity}\n${c.entityId}`;
    if (c.operation === 'delete') held.delete(key);
    else held.set(key, c);
  }
  const input: FingerprintInput = {
    validation,
    responses: [],
    findings: [],
    observations: [],
    sites: [],
    evidence: [],
    checklists: [],
    virtualSessions: [],
  };
  for (const c of held.values()) {
    const key = FINGERPRINT_KEYS[c.entity];
    if (key && key !== 'validation') (input[key] as unknown[]).push(c.payload);
  }
  return createHash('sha256').update(fingerprintContent(input), 'utf8').digest('hex');
}

/** The submit a laptop pushes: signed over the content it holds (the fingerprint of `content`). */
export const submitChange = (validation: Validation, content: readonly Change[] = [], submittedAt = AT) =>
  change('validation', validation.id, 'submit', {
    validationId: validation.id,
    contentSha256: fingerprintOf(validation, content),
    signedByName: 'Dana Ruiz',
    submittedAt,
    submittedBy: 'Dana Ruiz',
  });

/**
 * Answers to each criterion of the validation's worksheet that `content` leaves unanswered, as an SCSS completes
 * the worksheet before signing: Deficient where an Action Required finding stands, Compliant elsewhere.
 */
export function answersCompleting(
  validation: Validation,
  content: readonly Change[] = [],
  criterionIds: readonly string[] = worksheetCriterionIds(validation.entityType),
): Change[] {
  const live = (c: Change) => c.operation === 'upsert';
  const answered = new Set(
    content.filter((c) => c.entity === 'criterion_response' && live(c)).map((c) => c.payload.criterionId),
  );
  const deficient = new Set(
    content
      .filter((c) => c.entity === 'finding' && live(c) && c.payload.classification === 'ACTION_REQUIRED')
      .map((c) => c.payload.criterionId),
  );
  return criterionIds
    .filter((criterionId) => !answered.has(criterionId))
    .map((criterionId) =>
      change('criterion_response', `${validation.id}/${criterionId}`, 'upsert', {
        validationId: validation.id,
        criterionId,
        result: deficient.has(criterionId) ? 'DEFICIENT' : 'COMPLIANT',
        notes: '',
        siteId: null,
        verificationMethods: ['OBSERVED_ON_SITE'],
        naJustification: '',
        version: 1,
        updatedAt: AT,
        updatedBy: 'Dana Ruiz',
        baseVersion: 0,
      }),
    );
}

/** The content with the worksheet completed: what a laptop holds when the SCSS may sign it. */
export const completed = (
  validation: Validation,
  content: readonly Change[] = [],
  criterionIds?: readonly string[],
): Change[] => [...content, ...answersCompleting(validation, content, criterionIds)];

/** A reviewer's decision on a finding, in the name of the enrolled reviewer (`reviewedBy`). */
export function reviewChange(
  validationId: string,
  findingId: string,
  opts: {
    reviewedBy: string;
    decision?: ReviewDecision;
    version?: number;
    baseVersion?: number;
    comment?: string;
    proposedClassification?: ProposedClassification | null;
    reviewedAt?: string;
    /** The finding's version the reviewer decided on: its first unless said. */
    findingVersion?: number;
  },
) {
  const version = opts.version ?? 1;
  return change('finding_review', `${validationId}/${findingId}`, 'upsert', {
    validationId,
    findingId,
    decision: opts.decision ?? 'CONCUR',
    comment: opts.comment ?? '',
    ...(opts.proposedClassification !== undefined ? { proposedClassification: opts.proposedClassification } : {}),
    reviewedAt: opts.reviewedAt ?? AT,
    reviewedBy: opts.reviewedBy,
    version,
    baseVersion: opts.baseVersion ?? version - 1,
    findingVersion: opts.findingVersion ?? 1,
  });
}

/** A step a laptop sends (start review, return, approve, issue report, close), taken by `actor`. */
export function workflowEventChange(
  validationId: string,
  kind: WorkflowEventKind,
  actor: Person,
  opts: {
    id?: string;
    comment?: string;
    at?: string;
    reportDate?: string | null;
    responseDueDate?: string | null;
    reportSha256?: string | null;
  } = {},
) {
  const id = opts.id ?? randomUUID();
  return change('workflow_event', id, 'create', {
    id,
    validationId,
    kind,
    comment: opts.comment ?? '',
    at: opts.at ?? AT,
    actor,
    reportDate: opts.reportDate ?? null,
    ...(opts.responseDueDate !== undefined ? { responseDueDate: opts.responseDueDate } : {}),
    reportSha256: opts.reportSha256 ?? null,
  });
}

/** A Member's answer to a finding, recorded (and perhaps assessed) by the SCSS. */
export function memberResponseChange(
  validationId: string,
  findingId: string,
  opts: {
    id?: string;
    version?: number;
    baseVersion?: number;
    receivedOn?: string;
    assessment?: ResponseAssessment | null;
    assessedBy?: Person | null;
    assessedAt?: string | null;
    updatedAt?: string;
    /** The files the Member sent, by SHA-256. */
    evidenceSha256?: string[];
  } = {},
) {
  const id = opts.id ?? randomUUID();
  const version = opts.version ?? 1;
  const assessment = opts.assessment ?? null;
  const receivedOn = opts.receivedOn ?? '2026-12-01';
  // Recorded, and assessed, on the day it was received unless the test says otherwise.
  const updatedAt = opts.updatedAt ?? `${receivedOn}T15:00:00.000Z`;
  return change('member_response', id, 'upsert', {
    id,
    validationId,
    findingId,
    receivedOn,
    correctiveAction: 'Unique logins are now enforced on every warehouse terminal.',
    evidenceSha256: opts.evidenceSha256 ?? [],
    assessment,
    assessmentNote: assessment === 'ACCEPTED' || assessment === null ? '' : 'Send the new password policy.',
    assessedAt: opts.assessedAt !== undefined ? opts.assessedAt : assessment ? updatedAt : null,
    assessedBy: opts.assessedBy ?? null,
    version,
    updatedAt,
    baseVersion: opts.baseVersion ?? version - 1,
  });
}

/**
 * The fingerprint an issued report of this validation must carry (shared/report/report-fingerprint.ts), from the
 * test's own changes: the submitted fingerprint, the approval's report date (and due date, when it fixed one), the
 * findings and the decisions.
 */
export function issuedReportSha256(
  validationId: string,
  contentSha256: string,
  reportDate: string,
  findings: ReadonlyArray<{ payload: Record<string, unknown> }>,
  decisions: ReportFacts['decisions'] = [],
  responseDueDate: string | null = null,
): string {
  const text = reportFactsText({
    validationId,
    contentSha256,
    reportDate,
    responseDueDate,
    findings: findings.map(({ payload: p }) => ({
      id: String(p.id),
      criterionId: String(p.criterionId),
      classification: String(p.classification),
      reasonCode: p.reasonCode === null || p.reasonCode === undefined ? null : String(p.reasonCode),
      description: String(p.description),
    })),
    decisions,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
