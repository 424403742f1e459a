import type { CatalogEdition } from '../catalog/schema';
import type {
  DeficiencyReason,
  Evidence,
  Finding,
  InspectionChecklist,
  Observation,
  Site,
  VirtualSession,
} from '../domain/field-work';
import type { WorkflowEventKind, WorkflowState } from '../domain/lifecycle';
import type { FindingReview } from '../domain/review';
import type { CriterionResponse, Member, Validation } from '../domain/validation';

/**
 * Everything a report is made from, gathered by a loader (the laptop's store, a pulled copy, HQ's database)
 * so that building the report itself stays a pure function of data.
 */
export type ReportInput = {
  validation: Validation;
  /**
   * Null when this computer never saw the Member's record (a copy pulled without its snapshot). The correspondence
   * language is missing when only HQ's snapshot is here (it carries none): the Member report is then in English.
   */
  member:
    | (Pick<Member, 'legalName' | 'accountNumber' | 'city' | 'country'> &
        Partial<Pick<Member, 'correspondenceLanguage'>>)
    | null;
  /** The validation's pinned catalog edition; null when it is not installed here. */
  edition: CatalogEdition | null;
  responses: readonly CriterionResponse[];
  findings: readonly Finding[];
  observations: readonly Observation[];
  sites: readonly Site[];
  evidence: readonly Evidence[];
  checklists: readonly InspectionChecklist[];
  virtualSessions: readonly VirtualSession[];
  /** The latest decision on each finding, where one was taken. */
  reviews: readonly FindingReview[];
  /** The validation's workflow history, oldest first. */
  history: ReadonlyArray<{ kind: WorkflowEventKind; at: string; actorName: string; comment: string }>;
  /** Settings' reasons, inactive ones included: an old finding may name one. */
  deficiencyReasons: ReadonlyArray<Pick<DeficiencyReason, 'code' | 'label'>>;
  /** The SCSS who performed the validation. */
  scssName: string | null;
  fieldOffice: string | null;
  /** HQ's workflow state; null before the first submit. */
  workflowState: WorkflowState | null;
  /** The date approval fixed; the Member's response period counts from it. */
  reportDate: string | null;
  /** The day the Member's responses are due, as approval fixed it; null before approval. */
  responseDueDate: string | null;
  /** Who attached each evidence file (by evidence id), as the audit log names them. */
  evidenceAttachedBy: Readonly<Record<string, string>>;
  /** Whether the content recomputed now gives the fingerprint signed at submit; null when not submitted. */
  fingerprintMatches: boolean | null;
  /** Once approved: the fingerprint of what the report asserts (report-fingerprint.ts), as issuing records it. */
  reportSha256?: string | null;
};
