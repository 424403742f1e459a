import { compareCriterionIds } from '../catalog/load';
import type { CatalogEdition, Criterion } from '../catalog/schema';
import type { CatalogTranslation } from '../catalog/translation-schema';
import { catalogTranslation, localizeChecklist, localizeEdition } from '../catalog/translations';
import type { FindingClassification } from '../domain/field-work';
import { responseRequired, shownDueDate } from '../domain/lifecycle';
import { shownActorName } from '../domain/people';
import { reasonLabelIn } from '../domain/reason-label';
import type { ResponseResult } from '../domain/validation';
import { fill, REPORT_DOMAIN_LABELS, REPORT_TEXT, type ReportLanguage, type ReportText } from './i18n';
import type { ReportInput } from './input';

/**
 * The report model: one typed value every format renders from. The Member-facing report is the base; the
 * internal report adds `internal`. A Member report has no `internal` key at all, so a renderer cannot show
 * notes, reviews or the evidence manifest to a Member by mistake: the data is not there.
 */

export const REPORT_FORMAT = 'ctpat-validation-report/1';
export type ReportAudience = 'MEMBER' | 'INTERNAL';
export const DEFAULT_MARKING = 'CUI';

/** What a finding says under "Response due": its date, that approval sets it, or that no answer is required. */
export const responseDueText = (
  f: Pick<ReportFinding, 'classification' | 'responseDueDate'>,
  format: (d: string) => string,
  text: ReportText = REPORT_TEXT.en,
) =>
  f.responseDueDate
    ? format(f.responseDueDate)
    : f.classification === 'RECOMMENDATION'
      ? text.finding.noResponseRequired
      : text.finding.setAtApproval;

/** A Recommendation's reason is optional: none is shown rather than "Not given"; Action Required always says. */
export const reasonShown = (f: Pick<ReportFinding, 'classification' | 'reason'>): boolean =>
  f.reason !== null || f.classification !== 'RECOMMENDATION';

/** A photo the report shows, named by its SHA-256; the caller supplies its bytes (or not) at render time. */
export type ReportPhoto = { sha256: string; fileName: string; caption: string };

export type ReportCover = {
  memberName: string;
  accountNumber: string;
  memberLocation: string;
  entityType: string;
  mode: string;
  /** The validation's scheduled date (YYYY-MM-DD). */
  validationDate: string;
  sitesVisited: Array<{ name: string; address: string; siteType: string; visitDate: string | null }>;
  /** Dates of the virtual sessions (YYYY-MM-DD), when the validation was virtual. */
  sessionDates: string[];
  scssName: string | null;
  fieldOffice: string | null;
  edition: { id: string; title: string | null; publishedOn: string | null };
  status: string;
  submittedAt: string | null;
  reportDate: string | null;
  /** The date the Member's written response is due, once the report date is fixed. */
  responseDueDate: string | null;
  /** The validation's content fingerprint (SHA-256) signed at submit. */
  fingerprint: string | null;
  /** Once approved: what the report asserts, as the issue step records it and HQ recomputes it. */
  reportFingerprint: string | null;
};

export type CategorySummary = {
  category: number;
  name: string;
  criteria: number;
  assessed: number;
  compliant: number;
  deficient: number;
  notApplicable: number;
  notAssessed: number;
};

export type ReportRequirement = { key: string; level: string; text: string };

export type ReportFinding = {
  id: string;
  criterionId: string;
  category: number;
  categoryName: string;
  criterionSummary: string | null;
  criterionLevel: string | null;
  requirements: ReportRequirement[];
  classification: FindingClassification;
  classificationLabel: string;
  reason: string | null;
  description: string;
  responseDueDate: string | null;
  photos: ReportPhoto[];
};

export type ReportBestPractice = { category: number; categoryName: string; text: string };

export type ReportCriterion = {
  id: string;
  category: number;
  categoryName: string;
  level: string | null;
  summary: string | null;
  result: ResponseResult | null;
  resultLabel: string;
};

/** What the Member must send back, and by when. */
export type ReportResponseRequest = {
  dueDate: string | null;
  items: Array<{ criterionId: string; criterionSummary: string | null; dueDate: string | null }>;
  recommendationCount: number;
};

export type ReportBase = {
  format: typeof REPORT_FORMAT;
  audience: ReportAudience;
  /** The language of the report's fixed text, domain names and criterion text (never of what the SCSS typed). */
  language: ReportLanguage;
  /** The Member-facing report's language: the Member's correspondence language, the interface's when not known here. */
  memberLanguage: ReportLanguage;
  /** The criterion text comes from a translation not yet checked against CBP's documents: the report says so. */
  unofficialCatalogText: boolean;
  title: string;
  marking: string;
  /** The validation is not submitted: every page carries a DRAFT watermark. */
  draft: boolean;
  generatedAt: string;
  cover: ReportCover;
  summary: { categories: CategorySummary[]; totals: Omit<CategorySummary, 'category' | 'name'> };
  actionRequired: ReportFinding[];
  recommendations: ReportFinding[];
  bestPractices: ReportBestPractice[];
  responseRequest: ReportResponseRequest;
  criteria: ReportCriterion[];
};

export type ReportCriterionDetail = {
  criterionId: string;
  summary: string | null;
  resultLabel: string;
  notes: string;
  verificationMethods: string[];
  siteName: string | null;
  naJustification: string;
  evidenceCount: number;
};

export type ReportReview = {
  findingId: string;
  criterionId: string;
  classificationLabel: string;
  decision: string | null;
  comment: string;
  proposedClassification: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

export type ReportVirtualSession = {
  platform: string;
  startedAt: string | null;
  endedAt: string | null;
  participants: Array<{ name: string; role: string; organization: string }>;
  documents: Array<{ title: string; requestedAt: string | null; receivedAt: string | null }>;
  segments: Array<{ at: string; area: string; criterionIds: string[]; note: string }>;
};

export type ReportChecklist = {
  criterionId: string;
  title: string;
  label: string;
  refrigerated: boolean;
  items: Array<{ label: string; group: string | null; status: string; note: string }>;
};

export type ReportEvidenceEntry = {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  attachedBy: string | null;
  attachedAt: string;
  observedRemotely: boolean;
  attachedTo: string;
  caption: string;
};

export type ReportSignature = {
  signedByName: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  contentSha256: string | null;
  fingerprintMatches: boolean | null;
};

export type InternalSections = {
  criterionDetails: ReportCriterionDetail[];
  reviews: ReportReview[];
  virtualSessions: ReportVirtualSession[];
  checklists: ReportChecklist[];
  evidenceManifest: ReportEvidenceEntry[];
  history: Array<{ at: string; event: string; by: string; comment: string }>;
  signature: ReportSignature;
};

export type MemberReport = ReportBase & { audience: 'MEMBER' };
export type InternalReport = ReportBase & { audience: 'INTERNAL'; internal: InternalSections };
export type ReportModel = MemberReport | InternalReport;

export type ReportOptions<A extends ReportAudience = ReportAudience> = {
  audience: A;
  marking?: string;
  generatedAt: string;
  /** English unless given (reportLanguageFor says which one each audience reads). */
  language?: ReportLanguage;
};

/**
 * The language a report is written in: a Member reads theirs (their correspondence language; the SCSS's interface
 * language when this computer does not know the Member, e.g. a copy pulled from HQ without the Member record);
 * the internal report is for CBP, in the language of the SCSS's interface.
 */
export function reportLanguageFor(
  audience: ReportAudience,
  memberLanguage: ReportLanguage | null | undefined,
  interfaceLanguage: ReportLanguage | undefined,
): ReportLanguage {
  return (audience === 'MEMBER' ? (memberLanguage ?? interfaceLanguage) : interfaceLanguage) ?? 'en';
}

/** What a report's language needs: its text, domain names, and the edition's overlay in that language (if any). */
type Localized = {
  language: ReportLanguage;
  text: ReportText;
  labels: (typeof REPORT_DOMAIN_LABELS)[ReportLanguage];
  translation: CatalogTranslation | null;
  edition: CatalogEdition | null;
};

function localized(input: ReportInput, language: ReportLanguage): Localized {
  const translation = input.edition ? catalogTranslation(input.edition.id, language) : null;
  return {
    language,
    text: REPORT_TEXT[language],
    labels: REPORT_DOMAIN_LABELS[language],
    translation,
    edition: input.edition && translation ? localizeEdition(input.edition, translation) : input.edition,
  };
}

const shownActorNameOrNull = (name: string | undefined, notEnrolledWords: string): string | null =>
  name === undefined ? null : shownActorName(name, notEnrolledWords);
const isImage = (mediaType: string) => mediaType.startsWith('image/');
const categoryOfId = (criterionId: string) => Number(criterionId.split('.')[0]);
const byCriterionId = (a: { criterionId: string }, b: { criterionId: string }) =>
  compareCriterionIds(a.criterionId, b.criterionId);

/** Criteria on the worksheet: the edition's for the entity type, plus any answered ID the edition lacks. */
function worksheetCriteria(
  input: ReportInput,
  edition: CatalogEdition | null,
): Array<Pick<Criterion, 'id' | 'category'> & Partial<Criterion>> {
  const fromCatalog = (edition?.criteria ?? []).filter((c) => c.appliesTo.includes(input.validation.entityType));
  const known = new Set(fromCatalog.map((c) => c.id));
  const extra = input.responses
    .filter((r) => !known.has(r.criterionId))
    .map((r) => ({ id: r.criterionId, category: categoryOfId(r.criterionId) }));
  return [...fromCatalog, ...extra].sort((a, b) => compareCriterionIds(a.id, b.id));
}

function buildBase(input: ReportInput, options: ReportOptions, l: Localized): ReportBase {
  const v = input.validation;
  const { text, labels } = l;
  const categoryName = (n: number) =>
    l.edition?.categories.find((c) => c.number === n)?.name ?? fill(text.summary.categoryOf, { number: n });
  const criteria = worksheetCriteria(input, l.edition);
  const criterionOf = new Map(criteria.map((c) => [c.id, c]));
  const resultOf = new Map(input.responses.map((r) => [r.criterionId, r.result]));
  const reasonLabel = new Map(input.deficiencyReasons.map((r) => [r.code, reasonLabelIn(l.language, r)]));
  const validationDue = input.responseDueDate;

  const toFinding = (f: ReportInput['findings'][number]): ReportFinding => {
    const c = criterionOf.get(f.criterionId);
    return {
      id: f.id,
      criterionId: f.criterionId,
      category: c?.category ?? categoryOfId(f.criterionId),
      categoryName: categoryName(c?.category ?? categoryOfId(f.criterionId)),
      criterionSummary: c?.summary ?? null,
      criterionLevel: c?.level ? text.level[c.level] : null,
      requirements: (c?.requirements ?? []).map((r) => ({
        key: r.key,
        level: text.level[r.level],
        text: r.text,
      })),
      classification: f.classification,
      classificationLabel: labels.classification[f.classification],
      reason: f.reasonCode === null ? null : (reasonLabel.get(f.reasonCode) ?? f.reasonCode),
      description: f.description,
      // Once approval fixes the report date, every response is due a set period after it; a Recommendation's
      // answer is optional and never due.
      responseDueDate: responseRequired(f.classification) ? shownDueDate(f, validationDue).due : null,
      photos: input.evidence
        .filter((e) => isImage(e.mediaType))
        .filter((e) => e.findingId === f.id || (e.findingId === null && e.criterionId === f.criterionId))
        .map((e) => ({ sha256: e.sha256, fileName: e.fileName, caption: e.caption })),
    };
  };
  const findings = [...input.findings].sort(byCriterionId).map(toFinding);
  const actionRequired = findings.filter((f) => f.classification === 'ACTION_REQUIRED');
  const recommendations = findings.filter((f) => f.classification === 'RECOMMENDATION');

  const tally = (ids: readonly string[]) => {
    const results = ids.map((id) => resultOf.get(id) ?? null);
    const count = (r: ResponseResult) => results.filter((x) => x === r).length;
    const compliant = count('COMPLIANT');
    const deficient = count('DEFICIENT');
    const notApplicable = count('NOT_APPLICABLE');
    const assessed = compliant + deficient + notApplicable;
    return { criteria: ids.length, assessed, compliant, deficient, notApplicable, notAssessed: ids.length - assessed };
  };
  const categoryNumbers = [...new Set(criteria.map((c) => c.category))].sort((a, b) => a - b);
  const categories = categoryNumbers.map((n) => ({
    category: n,
    name: categoryName(n),
    ...tally(criteria.filter((c) => c.category === n).map((c) => c.id)),
  }));

  const siteVisits = [...input.sites].sort(
    (a, b) => (a.visitDate ?? '9999').localeCompare(b.visitDate ?? '9999') || a.name.localeCompare(b.name),
  );
  const sessionDates = [
    ...new Set(input.virtualSessions.map((s) => s.startedAt?.slice(0, 10)).filter((d): d is string => !!d)),
  ].sort();
  const draft = v.status !== 'SUBMITTED';
  return {
    format: REPORT_FORMAT,
    audience: options.audience,
    language: l.language,
    // Unknown here: the Member-facing report follows the interface, the language this report was asked in.
    memberLanguage: input.member?.correspondenceLanguage ?? l.language,
    unofficialCatalogText: l.translation !== null && !l.translation.verified,
    title: text.title,
    marking: options.marking?.trim() || DEFAULT_MARKING,
    draft,
    generatedAt: options.generatedAt,
    cover: {
      memberName: input.member?.legalName ?? text.cover.memberUnknown,
      accountNumber: input.member?.accountNumber ?? '—',
      memberLocation: [input.member?.city, input.member?.country].filter(Boolean).join(', '),
      entityType: labels.entityType[v.entityType],
      mode: labels.mode[v.mode],
      validationDate: v.scheduledDate,
      sitesVisited: siteVisits.map((s) => ({
        name: s.name,
        address: s.address,
        siteType: labels.siteType[s.siteType],
        visitDate: s.visitDate,
      })),
      sessionDates,
      scssName: input.scssName,
      fieldOffice: input.fieldOffice,
      edition: {
        id: v.catalogEditionId,
        // The edition's title in the report's language (the overlay's), English without one.
        title: l.edition?.title ?? null,
        publishedOn: input.edition?.publishedOn ?? null,
      },
      status: draft
        ? text.cover.statusDraft
        : input.workflowState
          ? labels.workflowState[input.workflowState]
          : text.cover.statusSubmitted,
      submittedAt: v.submittedAt,
      reportDate: input.reportDate,
      responseDueDate: validationDue,
      fingerprint: v.contentSha256,
      reportFingerprint: input.reportSha256 ?? null,
    },
    summary: { categories, totals: tally(criteria.map((c) => c.id)) },
    actionRequired,
    recommendations,
    bestPractices: [...input.observations]
      .sort((a, b) => a.category - b.category || a.createdAt.localeCompare(b.createdAt))
      .map((o) => ({ category: o.category, categoryName: categoryName(o.category), text: o.text })),
    responseRequest: {
      dueDate: validationDue,
      items: actionRequired.map((f) => ({
        criterionId: f.criterionId,
        criterionSummary: f.criterionSummary,
        dueDate: f.responseDueDate,
      })),
      recommendationCount: recommendations.length,
    },
    criteria: criteria.map((c) => {
      const result = resultOf.get(c.id) ?? null;
      return {
        id: c.id,
        category: c.category,
        categoryName: categoryName(c.category),
        level: c.level ? text.level[c.level] : null,
        summary: c.summary ?? null,
        result,
        resultLabel: result ? labels.result[result] : text.criteria.notAnswered,
      };
    }),
  };
}

function buildInternal(input: ReportInput, base: ReportBase, l: Localized): InternalSections {
  const v = input.validation;
  const { text, labels } = l;
  const responseOf = new Map(input.responses.map((r) => [r.criterionId, r]));
  const siteName = new Map(input.sites.map((s) => [s.id, s.name]));
  const reviewOf = new Map(input.reviews.map((r) => [r.findingId, r]));
  const findingOf = new Map(input.findings.map((f) => [f.id, f]));
  const evidenceCount = (criterionId: string) =>
    input.evidence.filter(
      (e) => e.criterionId === criterionId || findingOf.get(e.findingId ?? '')?.criterionId === criterionId,
    ).length;
  const attachedTo = (e: ReportInput['evidence'][number]) => {
    const finding = e.findingId ? findingOf.get(e.findingId) : undefined;
    if (finding) return fill(text.manifest.toFinding, { criterion: finding.criterionId });
    return e.criterionId ? fill(text.manifest.toCriterion, { criterion: e.criterionId }) : text.manifest.toValidation;
  };
  return {
    criterionDetails: base.criteria.map((c) => {
      const r = responseOf.get(c.id);
      return {
        criterionId: c.id,
        summary: c.summary,
        resultLabel: c.resultLabel,
        notes: r?.notes ?? '',
        verificationMethods: (r?.verificationMethods ?? []).map((m) => labels.method[m]),
        siteName: r?.siteId ? (siteName.get(r.siteId) ?? null) : null,
        naJustification: r?.naJustification ?? '',
        evidenceCount: evidenceCount(c.id),
      };
    }),
    reviews: [...base.actionRequired, ...base.recommendations].sort(byCriterionId).map((f) => {
      const review = reviewOf.get(f.id);
      return {
        findingId: f.id,
        criterionId: f.criterionId,
        classificationLabel: f.classificationLabel,
        decision: review ? labels.reviewDecision[review.decision] : null,
        comment: review?.comment ?? '',
        proposedClassification: review?.proposedClassification
          ? labels.proposedClassification[review.proposedClassification]
          : null,
        reviewedBy: review?.reviewedBy ?? null,
        reviewedAt: review?.reviewedAt ?? null,
      };
    }),
    virtualSessions: [...input.virtualSessions]
      .sort((a, b) => (a.startedAt ?? a.createdAt).localeCompare(b.startedAt ?? b.createdAt))
      .map((s) => ({
        platform: s.platform,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        participants: s.participants.map((p) => ({ ...p, role: labels.participantRole[p.role] })),
        documents: s.documents,
        segments: [...s.segments].sort((a, b) => a.at.localeCompare(b.at)),
      })),
    checklists: [...input.checklists]
      .sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId) || a.createdAt.localeCompare(b.createdAt))
      .map((c) => {
        const recorded = new Map(c.items.map((i) => [i.key, i]));
        const definition = localizeChecklist(c.kind, l.translation);
        return {
          criterionId: c.criterionId,
          title: definition.title,
          label: c.label,
          refrigerated: c.refrigerated,
          items: definition.items
            .filter((item) => !item.refrigeratedOnly || c.refrigerated)
            .map((item) => {
              const record = recorded.get(item.key);
              return {
                label: item.label,
                group: item.group ?? null,
                status: record?.status ? text.checklists.status[record.status] : text.checklists.notRecorded,
                note: record?.note ?? '',
              };
            }),
        };
      }),
    evidenceManifest: [...input.evidence]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((e) => ({
        fileName: e.fileName,
        sha256: e.sha256,
        sizeBytes: e.sizeBytes,
        mediaType: e.mediaType,
        attachedBy: shownActorNameOrNull(input.evidenceAttachedBy[e.id], text.notEnrolledActor),
        attachedAt: e.createdAt,
        observedRemotely: e.observedRemotely,
        attachedTo: attachedTo(e),
        caption: e.caption,
      })),
    history: input.history.map((h) => ({
      at: h.at,
      event: labels.workflowEvent[h.kind],
      by: shownActorName(h.actorName, text.notEnrolledActor),
      comment: h.comment,
    })),
    signature: {
      signedByName: v.signedByName,
      submittedBy: v.submittedBy,
      submittedAt: v.submittedAt,
      contentSha256: v.contentSha256,
      fingerprintMatches: input.fingerprintMatches,
    },
  };
}

/** Builds the report for one audience; pure, so every format and every host (laptop, harness, HQ) agrees. */
export function buildReportModel(input: ReportInput, options: ReportOptions<'MEMBER'>): MemberReport;
export function buildReportModel(input: ReportInput, options: ReportOptions<'INTERNAL'>): InternalReport;
export function buildReportModel(input: ReportInput, options: ReportOptions): ReportModel;
export function buildReportModel(input: ReportInput, options: ReportOptions): ReportModel {
  const l = localized(input, options.language ?? 'en');
  const base = buildBase(input, options, l);
  if (options.audience === 'MEMBER') return { ...base, audience: 'MEMBER' };
  return { ...base, audience: 'INTERNAL', internal: buildInternal(input, base, l) };
}

/** Every photo the report shows, once each: what the caller must load before rendering. */
export function reportPhotos(model: ReportModel): ReportPhoto[] {
  const seen = new Map<string, ReportPhoto>();
  for (const f of [...model.actionRequired, ...model.recommendations]) {
    for (const p of f.photos) if (!seen.has(p.sha256)) seen.set(p.sha256, p);
  }
  return [...seen.values()];
}

export const isInternal = (model: ReportModel): model is InternalReport => model.audience === 'INTERNAL';
