import type { z } from 'zod';
import { listAuditForEntity } from '../../../db/audit-log';
import { getCatalogEdition } from '../../../db/queries/catalog-editions';
import { type HqCopy, recordsOf } from '../../../db/queries/hq-validations';
import { getMember } from '../../../db/queries/members';
import { readSettings } from '../../../db/queries/settings';
import {
  EvidenceSchema,
  FindingSchema,
  InspectionChecklistSchema,
  ObservationSchema,
  SiteSchema,
  VirtualSessionSchema,
} from '../../../shared/domain/field-work';
import {
  CriterionResponseSchema,
  type Member,
  type Validation,
  ValidationSchema,
} from '../../../shared/domain/validation';
import { AppError } from '../../../shared/ipc/envelope';
import { message } from '../../../shared/messages';
import type { ReportInput } from '../../../shared/report/input';
import { MemberSnapshotSchema } from '../../../shared/sync/protocol';
import { NOT_ENROLLED_ACTOR } from '../identity';
import { loadLifecycle, reportDateOf, responseDueOf } from '../lifecycle-read';
import type { ServiceContext } from '../service-context';
import { fingerprintOf } from '../submission-service';
import { loadValidationContent, type ValidationContent } from '../validation-content';
import { issuedReportSha256 } from '../workflow-service';

/**
 * Gathers a report's input from this computer's store, read-only: the SCSS's own validation from its tables,
 * or a copy pulled from HQ (what a reviewer or supervisor holds) from that copy's records.
 */
export function loadReportInput(ctx: ServiceContext, validationId: string): ReportInput {
  const l = loadLifecycle(ctx, validationId);
  const own = l.validation ? ownSource(ctx, l.validation) : copySource(ctx, l.copy as HqCopy);
  const settings = readSettings(ctx.db);
  const { validation, content } = own;
  const signed = validation.contentSha256;
  return {
    ...content,
    validation,
    member: own.member,
    edition: getCatalogEdition(ctx.db, validation.catalogEditionId) ?? null,
    reviews: [...l.reviews.values()].map(
      ({ sync: _sync, refusedReason: _refused, refusedReasonMessage: _told, ...review }) => review,
    ),
    history: l.history.map((e) => ({ kind: e.kind, at: e.at, actorName: e.actor.name, comment: e.comment })),
    deficiencyReasons: settings.deficiencyReasons,
    scssName: own.scssName,
    fieldOffice: l.fieldOffice,
    workflowState: l.state,
    reportDate: reportDateOf(l),
    responseDueDate: responseDueOf(ctx, l),
    evidenceAttachedBy: own.attachedBy,
    fingerprintMatches: signed ? fingerprintOf(content) === signed : null,
    reportSha256: reportDateOf(l) === null ? null : issuedReportSha256(l),
  };
}

type Source = {
  validation: Validation;
  content: ValidationContent;
  member: ReportInput['member'];
  scssName: string | null;
  attachedBy: Record<string, string>;
};

function ownSource(ctx: ServiceContext, validation: Validation): Source {
  const content = loadValidationContent(ctx, validation);
  const attachedBy: Record<string, string> = {};
  for (const e of content.evidence) {
    const attach = listAuditForEntity(ctx.db, 'evidence', e.id).find((a) => a.action === 'evidence.attach');
    if (attach) attachedBy[e.id] = attach.actor;
  }
  const enrolledName = ctx.person?.name ?? (ctx.actor === NOT_ENROLLED_ACTOR ? null : ctx.actor);
  return {
    validation,
    content,
    member: getMember(ctx.db, validation.memberId) ?? null,
    scssName: validation.signedByName ?? enrolledName,
    attachedBy,
  };
}

const parsed = <T>(copy: HqCopy, entity: string, schema: z.ZodType<T>): T[] =>
  recordsOf(copy, entity)
    .map((r) => schema.safeParse(r.payload).data)
    .filter((x): x is T => x !== undefined);

const orNull = (value: unknown) => (value === undefined ? null : value);

/** The validation as HQ's copy carries it; fields HQ leaves out read as not recorded. */
function copyValidation(copy: HqCopy): Validation {
  const p = copy.payload;
  const result = ValidationSchema.safeParse({
    ...p,
    id: copy.id,
    status: copy.status === 'SUBMITTED' ? 'SUBMITTED' : 'IN_PROGRESS',
    createdAt: p.createdAt ?? copy.pulledAt,
    updatedAt: p.updatedAt ?? copy.pulledAt,
    submittedAt: orNull(p.submittedAt),
    submittedBy: orNull(p.submittedBy),
    signedByName: orNull(p.signedByName),
    contentSha256: orNull(p.contentSha256),
    reopenedAt: orNull(p.reopenedAt),
    reopenReason: orNull(p.reopenReason),
  });
  if (!result.success) {
    throw new AppError('CONFLICT', message('errors.reports.copyUnreadable'));
  }
  return result.data;
}

/** HQ's snapshot names the Member as pulled; the language they are written to is on this computer's record, if any. */
function memberOf(
  snapshot: z.infer<typeof MemberSnapshotSchema> | undefined,
  local: Member | null,
): ReportInput['member'] {
  if (!snapshot) return local;
  return local ? { ...snapshot, correspondenceLanguage: local.correspondenceLanguage } : snapshot;
}

function copySource(ctx: ServiceContext, copy: HqCopy): Source {
  const validation = copyValidation(copy);
  const snapshot = MemberSnapshotSchema.safeParse(copy.payload.member).data;
  const content = {
    validation,
    responses: parsed(copy, 'criterion_response', CriterionResponseSchema),
    findings: parsed(copy, 'finding', FindingSchema),
    observations: parsed(copy, 'observation', ObservationSchema),
    sites: parsed(copy, 'site', SiteSchema),
    evidence: parsed(copy, 'evidence', EvidenceSchema),
    checklists: parsed(copy, 'inspection_checklist', InspectionChecklistSchema),
    virtualSessions: parsed(copy, 'virtual_session', VirtualSessionSchema),
  };
  const scssName = validation.signedByName;
  // Only the SCSS who owns a validation can attach evidence to it.
  const attachedBy = scssName ? Object.fromEntries(content.evidence.map((e) => [e.id, scssName])) : {};
  return {
    validation,
    content,
    member: memberOf(snapshot, getMember(ctx.db, validation.memberId) ?? null),
    scssName,
    attachedBy,
  };
}
