import type { z } from 'zod';
import { getCatalogEdition } from '../../db/queries/catalog-editions';
import { listOthersHqCopies, recordsOf } from '../../db/queries/hq-validations';
import { readSettings } from '../../db/queries/settings';
import { stmt } from '../../db/statements';
import { criteriaForEntity } from '../../shared/catalog/load';
import type { Criterion } from '../../shared/catalog/schema';
import type { EntityType } from '../../shared/domain/entity-types';
import {
  type Evidence,
  EvidenceSchema,
  type InspectionChecklist,
  InspectionChecklistSchema,
  type Observation,
  ObservationSchema,
  type Site,
  SiteSchema,
  type VirtualSession,
  VirtualSessionSchema,
} from '../../shared/domain/field-work';
import { reviewOpen } from '../../shared/domain/lifecycle';
import {
  decisionOutdated,
  type FindingReview,
  findingReviewEntityId,
  type ReviewDecision,
  type SaveFindingReviewRequestSchema,
} from '../../shared/domain/review';
import { type CriterionResponse, CriterionResponseSchema } from '../../shared/domain/validation';
import type { ParsedRequestOf, ReviewQueueItem, ReviewValidationView } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { MemberSnapshotSchema } from '../../shared/sync/protocol';
import { recordChange } from './change-log';
import { requirePerson } from './identity';
import {
  byCriterion,
  type EffectiveReview,
  inCurrentRound,
  loadLifecycle,
  outboxReadOnce,
  toFindingReview,
  type ValidationLifecycle,
  wasReturned,
} from './lifecycle-read';
import { type EnrolledPerson, isoNow, type ServiceContext } from './service-context';
import { changesSinceLastReview, lifecycleView, startReviewIfSubmitted } from './workflow-service';

const REVIEWER_ROLES = new Set(['FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);

/** The member's name as the validation carries it (a reviewer's laptop may never have seen the Member). */
function memberOf(ctx: ServiceContext, payload: Record<string, unknown>) {
  const snapshot = MemberSnapshotSchema.safeParse(payload.member).data;
  const local = stmt(ctx.db, 'SELECT legal_name, account_number FROM members WHERE id = ?').get(
    String(payload.memberId),
  ) as { legal_name: string; account_number: string } | undefined;
  return {
    name: snapshot?.legalName ?? local?.legal_name ?? null,
    accountNumber: snapshot?.accountNumber ?? local?.account_number ?? null,
  };
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Submitted validations pulled from HQ into this reviewer's scope, each finding with its review so far: the
 * ones open for review (submitted or in review), not this laptop's own.
 */
export function listReviewQueue(ctx: ServiceContext): ReviewQueueItem[] {
  const outbox = outboxReadOnce(ctx);
  return listOthersHqCopies(ctx.db, ctx.person?.userId ?? null)
    .map((copy) => loadLifecycle(ctx, copy.id, outbox))
    .filter((l) => l.copy && l.state !== null && reviewOpen(l.state))
    .sort((a, b) => (str(b.copy?.payload.submittedAt) ?? '').localeCompare(str(a.copy?.payload.submittedAt) ?? ''))
    .map((l) => {
      const payload = l.copy?.payload ?? {};
      return {
        validationId: l.validationId,
        memberName: memberOf(ctx, payload).name,
        entityType: String(payload.entityType),
        mode: String(payload.mode),
        scheduledDate: String(payload.scheduledDate),
        submittedAt: str(payload.submittedAt),
        signedByName: str(payload.signedByName),
        workflowState: l.state ?? 'SUBMITTED',
        resubmitted: wasReturned(l),
        findings: l.findings.map((f) => {
          const review = l.reviews.get(f.id);
          return {
            id: f.id,
            criterionId: f.criterionId,
            classification: f.classification,
            description: f.description,
            dueDate: f.dueDate,
            review: review ? stripSync(review) : null,
            decisionOutdated: review !== undefined && decisionOutdated(review, f),
          };
        }),
      };
    });
}

const stripSync = ({
  sync: _sync,
  refusedReason: _refused,
  refusedReasonMessage: _told,
  ...review
}: EffectiveReview): FindingReview => review;

// ─── Recording decisions ────────────────────────────────────────────────────────────────────────────────────

/** Refuses anyone but a reviewer or supervisor of the validation's field office, and a validation not in review. */
function requireReviewable(ctx: ServiceContext, l: ValidationLifecycle): EnrolledPerson {
  const person = requirePerson(ctx, 'reviewDecision');
  if (!l.copy || l.own) {
    throw new AppError('NOT_FOUND', message('errors.review.notInList'));
  }
  if (!REVIEWER_ROLES.has(person.role)) {
    throw new AppError('FORBIDDEN', message('errors.review.reviewersOnly'));
  }
  if (person.fieldOffice !== l.fieldOffice) {
    throw new AppError('FORBIDDEN', message('errors.review.otherOffice'));
  }
  const state = l.state ?? 'IN_PROGRESS';
  if (!reviewOpen(state)) {
    throw new AppError(
      'CONFLICT',
      state === 'IN_PROGRESS' ? message('errors.review.reopened') : message('errors.review.notInReview', { state }),
    );
  }
  return person;
}

type ReviewRow = Parameters<typeof toFindingReview>[0];

/** Writes one decision in the caller's transaction: stored, audited and queued, on the version HQ last held. */
function writeDecision(
  ctx: ServiceContext,
  l: ValidationLifecycle,
  person: EnrolledPerson,
  findingId: string,
  decision: ReviewDecision,
  comment: string,
  proposedClassification: FindingReview['proposedClassification'],
): FindingReview {
  const finding = l.findings.find((f) => f.id === findingId);
  if (!finding) {
    throw new AppError('NOT_FOUND', message('errors.review.findingNotAtHq'));
  }
  startReviewIfSubmitted(ctx, l);
  const entityId = findingReviewEntityId(l.validationId, findingId);
  const hqVersion =
    recordsOf(l.copy ?? { records: [] }, 'finding_review').find((r) => r.entityId === entityId)?.version ?? 0;
  const before = stmt(ctx.db, 'SELECT * FROM finding_reviews WHERE validation_id = ? AND finding_id = ?').get(
    l.validationId,
    findingId,
  ) as ReviewRow | undefined;
  const baseVersion = Math.max(before?.version ?? 0, hqVersion);
  const review: FindingReview = {
    validationId: l.validationId,
    findingId,
    decision,
    comment,
    proposedClassification: decision === 'NON_CONCUR' ? (proposedClassification ?? null) : null,
    reviewedAt: isoNow(ctx),
    // The enrolled reviewer's name as HQ knows it: HQ refuses any other.
    reviewedBy: person.name,
    version: baseVersion + 1,
    // The finding as this reviewer read it: HQ refuses the decision if the SCSS has changed it since.
    findingVersion: finding.version,
  };
  stmt(
    ctx.db,
    `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, proposed_classification, reviewed_at,
                                  reviewed_by, version, base_version, finding_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (validation_id, finding_id) DO UPDATE SET decision = excluded.decision, comment = excluded.comment,
       proposed_classification = excluded.proposed_classification, reviewed_at = excluded.reviewed_at,
       reviewed_by = excluded.reviewed_by, version = excluded.version, base_version = excluded.base_version,
       finding_version = excluded.finding_version`,
  ).run(
    review.validationId,
    review.findingId,
    review.decision,
    review.comment,
    review.proposedClassification,
    review.reviewedAt,
    review.reviewedBy,
    review.version,
    baseVersion,
    review.findingVersion,
  );
  const changeId = recordChange(ctx, {
    action: 'finding_review.save',
    entity: 'finding_review',
    entityId,
    before: before ? toFindingReview(before) : null,
    after: review,
    outbox: { operation: 'upsert', payload: { ...review, baseVersion } },
    at: review.reviewedAt,
  });
  l.reviews.set(findingId, { ...review, sync: changeId === null ? 'LOCAL_ONLY' : 'WAITING', refusedReason: null });
  return review;
}

/**
 * Records a reviewer's decision on a finding of a pulled validation under review and queues it for HQ: Concur,
 * Non-concur (with the classification proposed instead) or Return for correction. The first decision on a
 * submitted validation starts its review. The base version is what HQ last held, so HQ refuses the edit as
 * stale if another reviewer got there first.
 */
export function saveFindingReview(
  ctx: ServiceContext,
  request: z.output<typeof SaveFindingReviewRequestSchema>,
): FindingReview {
  return ctx.db
    .transaction(() => {
      const l = loadLifecycle(ctx, request.validationId);
      const person = requireReviewable(ctx, l);
      return writeDecision(
        ctx,
        l,
        person,
        request.findingId,
        request.decision,
        request.comment,
        request.proposedClassification ?? null,
      );
    })
    .immediate();
}

/**
 * "Concur with all remaining": a concurrence on every finding without a decision in this round and not
 * already concurred with as it is now. Decisions the reviewer made in this round are left as they are.
 */
export function concurWithAllRemaining(ctx: ServiceContext, request: ParsedRequestOf<'reviews:concurall'>) {
  return ctx.db
    .transaction(() => {
      const l = loadLifecycle(ctx, request.validationId);
      const person = requireReviewable(ctx, l);
      const remaining = l.findings.filter((f) => {
        const review = l.reviews.get(f.id);
        if (!review || decisionOutdated(review, f)) return true;
        return review.decision !== 'CONCUR' && !inCurrentRound(l, review);
      });
      const reviews = remaining.map((f) => writeDecision(ctx, l, person, f.id, 'CONCUR', request.comment, null));
      return { reviews, lifecycle: lifecycleView(ctx, request.validationId, l) };
    })
    .immediate();
}

// ─── The whole validation, read-only ────────────────────────────────────────────────────────────────────────

function parsedRecords<T>(l: ValidationLifecycle, entity: string, schema: z.ZodType<T>): T[] {
  return recordsOf(l.copy ?? { records: [] }, entity)
    .map((r) => schema.safeParse(r.payload).data)
    .filter((x): x is T => x !== undefined);
}

/**
 * Everything a reviewer judges, from the pulled copy: each criterion with its catalog text and level and the
 * SCSS's answer, findings with reason, notes, site, verification methods, evidence and review, the evidence
 * metadata, checklists, session log, history, and what changed since the validation was last returned.
 */
export function reviewValidationView(ctx: ServiceContext, validationId: string): ReviewValidationView {
  const l = loadLifecycle(ctx, validationId);
  if (!l.copy || l.own) {
    throw new AppError('NOT_FOUND', message('errors.review.notInList'));
  }
  const payload = l.copy.payload;
  const editionId = String(payload.catalogEditionId ?? '');
  const edition = getCatalogEdition(ctx.db, editionId);
  const catalog: Criterion[] = edition ? criteriaForEntity(edition, payload.entityType as EntityType) : [];
  const responses = parsedRecords<CriterionResponse>(l, 'criterion_response', CriterionResponseSchema);
  const sites = parsedRecords<Site>(l, 'site', SiteSchema);
  const evidence = parsedRecords<Evidence>(l, 'evidence', EvidenceSchema).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  const checklists = parsedRecords<InspectionChecklist>(l, 'inspection_checklist', InspectionChecklistSchema);
  const sessions = parsedRecords<VirtualSession>(l, 'virtual_session', VirtualSessionSchema);
  const observations = parsedRecords<Observation>(l, 'observation', ObservationSchema);
  const reasons = new Map(readSettings(ctx.db).deficiencyReasons.map((r) => [r.code, r.label]));
  const responseOf = new Map(responses.map((r) => [r.criterionId, r]));
  const criterionOf = new Map(catalog.map((c) => [c.id, c]));
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const changes = changesSinceLastReview(ctx, l);
  const changedCriteria = new Set(changes?.changes.map((c) => c.criterionId).filter((c) => c !== null));
  const criterionIds = [...new Set([...catalog.map((c) => c.id), ...responses.map((r) => r.criterionId)])].sort(
    (a, b) => a.localeCompare(b, 'en', { numeric: true }),
  );
  const member = memberOf(ctx, payload);
  return {
    validationId,
    memberName: member.name,
    memberAccountNumber: member.accountNumber,
    entityType: String(payload.entityType),
    mode: String(payload.mode),
    scheduledDate: String(payload.scheduledDate),
    submittedAt: str(payload.submittedAt),
    signedByName: str(payload.signedByName),
    contentSha256: l.contentSha256,
    edition: { id: editionId, title: edition?.title ?? null, installed: edition !== undefined },
    lifecycle: lifecycleView(ctx, validationId, l),
    criteria: criterionIds.map((id) => {
      const criterion = criterionOf.get(id);
      const response = responseOf.get(id) ?? null;
      return {
        criterionId: id,
        category: criterion?.category ?? Number(id.split('.')[0]),
        level: criterion?.level ?? null,
        summary: criterion?.summary ?? null,
        requirements: criterion?.requirements ?? [],
        response,
        siteName: response?.siteId ? (siteName.get(response.siteId) ?? null) : null,
        changedSinceLastReview: changedCriteria.has(id),
      };
    }),
    findings: l.findings.sort(byCriterion).map((f) => {
      const response = responseOf.get(f.criterionId) ?? null;
      const criterion = criterionOf.get(f.criterionId);
      const review = l.reviews.get(f.id) ?? null;
      return {
        ...f,
        reasonLabel: f.reasonCode ? (reasons.get(f.reasonCode) ?? f.reasonCode) : null,
        criterionSummary: criterion?.summary ?? null,
        criterionLevel: criterion?.level ?? null,
        notes: response?.notes ?? '',
        siteName: response?.siteId ? (siteName.get(response.siteId) ?? null) : null,
        verificationMethods: response?.verificationMethods ?? [],
        evidence: evidence.filter((e) => e.findingId === f.id || e.criterionId === f.criterionId),
        review,
        decidedThisRound: review !== null && inCurrentRound(l, review),
        decisionOutdated: review !== null && decisionOutdated(review, f),
        changedSinceLastReview: changedCriteria.has(f.criterionId),
      };
    }),
    sites,
    observations,
    evidence,
    checklists,
    virtualSessions: sessions,
    changesSinceLastReview: changes,
  };
}
