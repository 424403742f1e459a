import type { z } from 'zod';
import { stmt } from '../../db/statements';
import type { Finding } from '../../shared/domain/field-work';
import {
  type FindingReview,
  FindingReviewSchema,
  findingReviewEntityId,
  type SaveFindingReviewRequestSchema,
} from '../../shared/domain/review';
import type { ReviewQueueItem } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { MemberSnapshotSchema } from '../../shared/sync/protocol';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';

type PulledRecord = { entity: string; entityId: string; version: number; payload: Record<string, unknown> };
type HqValidationRow = { id: string; payload_json: string; records_json: string; status: string };
type ReviewRow = {
  validation_id: string;
  finding_id: string;
  decision: FindingReview['decision'];
  comment: string;
  reviewed_at: string;
  reviewed_by: string;
  version: number;
};

const toReview = (row: ReviewRow): FindingReview =>
  FindingReviewSchema.parse({
    validationId: row.validation_id,
    findingId: row.finding_id,
    decision: row.decision,
    comment: row.comment,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    version: row.version,
  });

/** Submitted validations pulled from HQ into this reviewer's scope, each finding with its review so far. */
export function listReviewQueue(ctx: ServiceContext): ReviewQueueItem[] {
  const rows = stmt(
    ctx.db,
    `SELECT id, payload_json, records_json, status FROM hq_validations WHERE status = 'SUBMITTED'
     ORDER BY json_extract(payload_json, '$.submittedAt') DESC`,
  ).all() as HqValidationRow[];
  const localReviews = stmt(ctx.db, 'SELECT * FROM finding_reviews WHERE validation_id = ?');
  const memberName = stmt(ctx.db, 'SELECT legal_name FROM members WHERE id = ?').pluck();
  return rows.map((row) => {
    const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
    const records = JSON.parse(row.records_json) as PulledRecord[];
    const mine = new Map((localReviews.all(row.id) as ReviewRow[]).map((r) => [r.finding_id, toReview(r)] as const));
    const atHq = new Map(
      records
        .filter((r) => r.entity === 'finding_review')
        .map((r) => [String(r.payload.findingId), FindingReviewSchema.safeParse(r.payload).data ?? null] as const),
    );
    const findings = records
      .filter((r) => r.entity === 'finding')
      .map((r) => r.payload as unknown as Finding)
      .sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true }));
    return {
      validationId: row.id,
      memberName:
        MemberSnapshotSchema.safeParse(payload.member).data?.legalName ??
        (memberName.get(String(payload.memberId)) as string | undefined) ??
        null,
      entityType: String(payload.entityType),
      mode: String(payload.mode),
      scheduledDate: String(payload.scheduledDate),
      submittedAt: typeof payload.submittedAt === 'string' ? payload.submittedAt : null,
      signedByName: typeof payload.signedByName === 'string' ? payload.signedByName : null,
      findings: findings.map((f) => ({
        id: f.id,
        criterionId: f.criterionId,
        classification: f.classification,
        description: f.description,
        dueDate: f.dueDate,
        review: mine.get(f.id) ?? atHq.get(f.id) ?? null,
      })),
    };
  });
}

/**
 * Records a reviewer's decision on a finding of a pulled, submitted validation and queues it for HQ. The
 * base version is what HQ last held (this laptop's previous review, or a newer one pulled from HQ), so HQ
 * refuses the edit as stale if another reviewer got there first.
 */
export function saveFindingReview(
  ctx: ServiceContext,
  request: z.output<typeof SaveFindingReviewRequestSchema>,
): FindingReview {
  return ctx.db
    .transaction(() => {
      const row = stmt(ctx.db, 'SELECT id, payload_json, records_json, status FROM hq_validations WHERE id = ?').get(
        request.validationId,
      ) as HqValidationRow | undefined;
      if (!row) {
        throw new AppError('NOT_FOUND', 'That validation is not in your review list; sync to receive it from HQ.');
      }
      if (row.status !== 'SUBMITTED') {
        throw new AppError('CONFLICT', 'Only a submitted validation can be reviewed; this one was reopened.');
      }
      const records = JSON.parse(row.records_json) as PulledRecord[];
      if (!records.some((r) => r.entity === 'finding' && r.entityId === request.findingId)) {
        throw new AppError('NOT_FOUND', 'That finding is not part of this validation as HQ holds it.');
      }
      const entityId = findingReviewEntityId(request.validationId, request.findingId);
      const hqVersion = records.find((r) => r.entity === 'finding_review' && r.entityId === entityId)?.version ?? 0;
      const before = stmt(ctx.db, 'SELECT * FROM finding_reviews WHERE validation_id = ? AND finding_id = ?').get(
        request.validationId,
        request.findingId,
      ) as ReviewRow | undefined;
      const baseVersion = Math.max(before?.version ?? 0, hqVersion);
      const review: FindingReview = {
        validationId: request.validationId,
        findingId: request.findingId,
        decision: request.decision,
        comment: request.comment,
        reviewedAt: isoNow(ctx),
        reviewedBy: ctx.actor,
        version: baseVersion + 1,
      };
      stmt(
        ctx.db,
        `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, reviewed_at, reviewed_by, version, base_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (validation_id, finding_id) DO UPDATE SET decision = excluded.decision, comment = excluded.comment,
           reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by, version = excluded.version,
           base_version = excluded.base_version`,
      ).run(
        review.validationId,
        review.findingId,
        review.decision,
        review.comment,
        review.reviewedAt,
        review.reviewedBy,
        review.version,
        baseVersion,
      );
      recordChange(ctx, {
        action: 'finding_review.save',
        entity: 'finding_review',
        entityId,
        before: before ? toReview(before) : null,
        after: review,
        outbox: { operation: 'upsert', payload: { ...review, baseVersion } },
        at: review.reviewedAt,
      });
      return review;
    })
    .immediate();
}
