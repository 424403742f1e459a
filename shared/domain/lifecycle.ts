import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import { type Message, message } from '../messages';
import { type FindingClassification, FindingClassificationSchema } from './field-work';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from './primitives';

/**
 * A validation's life after the worksheet (ctpat-facts §2): submitted, reviewed by the field office (returned
 * for correction as often as needed), approved by a supervisor, report issued, answered by the Member, closed.
 * One pure module decides every transition, so HQ (which enforces it) and the laptops (which offer only what
 * HQ will take) agree.
 */

export const UserRoleSchema = z.enum(['SCSS', 'FIELD_OFFICE_REVIEWER', 'SUPERVISOR', 'HQ_ANALYST']);
export type UserRole = z.infer<typeof UserRoleSchema>;
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  SCSS: 'Supply Chain Security Specialist',
  FIELD_OFFICE_REVIEWER: 'Field office reviewer',
  SUPERVISOR: 'Supervisor',
  HQ_ANALYST: 'HQ analyst',
};

/** The enrolled person as HQ knows them: what signatures, decisions and audit entries name. */
export const PersonSchema = z.strictObject({
  userId: UuidSchema,
  name: z.string().trim().min(1).max(200),
  role: UserRoleSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** Where a validation is after its worksheet. A laptop's "Not started" (DRAFT) never reaches HQ. */
export const WorkflowStateSchema = z.enum([
  'IN_PROGRESS',
  'SUBMITTED',
  'IN_REVIEW',
  'RETURNED',
  'APPROVED',
  'AWAITING_RESPONSE',
  'CLOSED',
]);
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;
export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = {
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  RETURNED: 'Returned for correction',
  APPROVED: 'Approved',
  AWAITING_RESPONSE: 'Report issued, awaiting Member response',
  CLOSED: 'Closed',
};

/**
 * What moves a validation. SUBMIT and WITHDRAW are the SCSS's submit and reopen changes (HQ writes their
 * history entries); the others travel as workflow events.
 */
export const WorkflowEventKindSchema = z.enum([
  'SUBMIT',
  'WITHDRAW',
  'START_REVIEW',
  'RETURN',
  'APPROVE',
  'ISSUE_REPORT',
  'CLOSE',
]);
export type WorkflowEventKind = z.infer<typeof WorkflowEventKindSchema>;
export const WORKFLOW_EVENT_LABELS: Record<WorkflowEventKind, string> = {
  SUBMIT: 'Submitted',
  WITHDRAW: 'Withdrawn by the SCSS',
  START_REVIEW: 'Review started',
  RETURN: 'Returned for correction',
  APPROVE: 'Approved',
  ISSUE_REPORT: 'Report issued',
  CLOSE: 'Closed',
};
/** The kinds a laptop sends as workflow events; SUBMIT and WITHDRAW go as the validation's own changes. */
export const SENT_EVENT_KINDS = ['START_REVIEW', 'RETURN', 'APPROVE', 'ISSUE_REPORT', 'CLOSE'] as const;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Must be a SHA-256 in lower-case hex' });

/** One step in a validation's history, as HQ holds it (a record of entity workflow_event, never edited). */
export const WorkflowEventSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  kind: WorkflowEventKindSchema,
  /** Why (a return needs one); shown in the history. */
  comment: z.string().trim().max(5_000),
  at: IsoDateTimeSchema,
  actor: PersonSchema,
  /** APPROVE: the report date, from which the Member's response due dates are counted. */
  reportDate: IsoDateSchema.nullable(),
  /**
   * APPROVE: the day the Member's responses are due, fixed with the report date (the response period in force at
   * approval), so a later policy change does not move a report already out. Absent on approvals made before it
   * was fixed: those are dated with the period in force now.
   */
  responseDueDate: IsoDateSchema.nullable().optional(),
  /** ISSUE_REPORT: the fingerprint of the report issued (the validation's, until reports carry their own). */
  reportSha256: Sha256HexSchema.nullable(),
});
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;

export const MIN_RETURN_COMMENT = 10;

// ─── Review decisions and Member responses, as the rules need them ─────────────────────────────────────────

export const ReviewDecisionSchema = z.enum(['CONCUR', 'NON_CONCUR', 'RETURN_FOR_CORRECTION']);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
/** What a reviewer who does not concur proposes instead. */
export const ProposedClassificationSchema = z.enum([...FindingClassificationSchema.options, 'NO_FINDING']);
export type ProposedClassification = z.infer<typeof ProposedClassificationSchema>;

export const ResponseAssessmentSchema = z.enum(['ACCEPTED', 'NOT_ACCEPTED', 'MORE_INFO_REQUESTED']);
export type ResponseAssessment = z.infer<typeof ResponseAssessmentSchema>;
export const RESPONSE_ASSESSMENT_LABELS: Record<ResponseAssessment, string> = {
  ACCEPTED: 'Accepted',
  NOT_ACCEPTED: 'Not accepted',
  MORE_INFO_REQUESTED: 'More information requested',
};

/**
 * A Member's answer to one finding and the SCSS's assessment of it (entity member_response, versioned). Required
 * for an Action Required finding, optional for a Recommendation (see responseRequired).
 */
export const MemberResponseSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  findingId: UuidSchema,
  receivedOn: IsoDateSchema,
  correctiveAction: z.string().trim().min(1, { error: 'Say what the Member did or will do' }).max(20_000),
  /** SHA-256 of each file the Member sent, held as evidence of this validation. */
  evidenceSha256: z.array(Sha256HexSchema).max(100),
  assessment: ResponseAssessmentSchema.nullable(),
  /** With NOT_ACCEPTED or MORE_INFO_REQUESTED: what is still needed. */
  assessmentNote: z.string().trim().max(5_000),
  assessedAt: IsoDateTimeSchema.nullable(),
  assessedBy: PersonSchema.nullable(),
  version: z.number().int().positive(),
  updatedAt: IsoDateTimeSchema,
});
export type MemberResponse = z.infer<typeof MemberResponseSchema>;

// ─── The rules ─────────────────────────────────────────────────────────────────────────────────────────────

/** What the rules look at: the validation's state, whose it is, and each finding with its latest decision. */
export type LifecycleView = {
  state: WorkflowState;
  ownerUserId: string;
  fieldOffice: string;
  findings: ReadonlyArray<{
    id: string;
    classification: z.infer<typeof FindingClassificationSchema>;
    decision: ReviewDecision | null;
    /** Its latest Member response was accepted. */
    resolved: boolean;
  }>;
};

/** Who asks: the enrolled person and their field office. */
export type Actor = { userId: string; role: UserRole; fieldOffice: string };

/** `reason` is the English HQ keeps in its receipts; `told` its catalog message, for the interface. */
export type TransitionRefusal = { outcome: 'forbidden' | 'conflict' | 'invalid'; reason: string; told: Message };

const REVIEWERS: ReadonlySet<UserRole> = new Set(['FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);

type Rule = {
  from: ReadonlySet<WorkflowState>;
  /** Who may: a refusal reason, or null. */
  who: (actor: Actor, view: LifecycleView) => Message | null;
  /** What must hold of the validation beyond its state: a refusal reason, or null. */
  ready?: (view: LifecycleView, comment: string) => Message | null;
};

const ownerOnly = (actor: Actor, view: LifecycleView) =>
  actor.role !== 'SCSS'
    ? message('lifecycle.scssOnly')
    : actor.userId !== view.ownerUserId
      ? message('lifecycle.otherScss')
      : null;
const officeReviewer = (actor: Actor, view: LifecycleView) =>
  !REVIEWERS.has(actor.role)
    ? message('lifecycle.reviewersOnly')
    : actor.fieldOffice !== view.fieldOffice
      ? message('lifecycle.otherOffice')
      : null;
const officeSupervisor = (actor: Actor, view: LifecycleView) =>
  actor.role !== 'SUPERVISOR'
    ? message('lifecycle.supervisorsOnly')
    : actor.fieldOffice !== view.fieldOffice
      ? message('lifecycle.otherOffice')
      : actor.userId === view.ownerUserId
        ? message('lifecycle.ownValidation')
        : null;

const actionRequired = (view: LifecycleView) => view.findings.filter((f) => responseRequired(f.classification));

const RULES: Record<WorkflowEventKind, Rule> = {
  SUBMIT: { from: new Set(['IN_PROGRESS', 'RETURNED']), who: ownerOnly },
  WITHDRAW: { from: new Set(['SUBMITTED', 'IN_REVIEW']), who: ownerOnly },
  START_REVIEW: { from: new Set(['SUBMITTED']), who: officeReviewer },
  RETURN: {
    from: new Set(['SUBMITTED', 'IN_REVIEW']),
    who: officeReviewer,
    ready: (_view, comment) =>
      comment.trim().length < MIN_RETURN_COMMENT
        ? message('lifecycle.returnComment', { min: MIN_RETURN_COMMENT })
        : null,
  },
  APPROVE: {
    from: new Set(['SUBMITTED', 'IN_REVIEW']),
    who: officeSupervisor,
    ready: (view) => {
      const open = view.findings.filter((f) => f.decision !== 'CONCUR').length;
      return open === 0 ? null : message('lifecycle.notConcurred', { count: open });
    },
  },
  ISSUE_REPORT: { from: new Set(['APPROVED']), who: officeSupervisor },
  CLOSE: {
    from: new Set(['AWAITING_RESPONSE']),
    who: (actor, view) => (ownerOnly(actor, view) === null ? null : officeSupervisor(actor, view)),
    ready: (view) => {
      const open = actionRequired(view).filter((f) => !f.resolved).length;
      return open === 0 ? null : message('lifecycle.notResolved', { count: open });
    },
  },
};

/** Why this actor may not make this transition now, or null when they may. Role, then scope, then state. */
export function transitionRefusal(
  actor: Actor,
  view: LifecycleView,
  kind: WorkflowEventKind,
  comment = '',
): TransitionRefusal | null {
  const rule = RULES[kind];
  const notAllowed = rule.who(actor, view);
  if (notAllowed) return { outcome: 'forbidden', reason: notAllowed.message, told: notAllowed };
  if (!rule.from.has(view.state)) {
    const told = message('lifecycle.wrongState', { event: kind, state: view.state });
    return { outcome: 'conflict', reason: told.message, told };
  }
  const notReady = rule.ready?.(view, comment) ?? null;
  return notReady ? { outcome: 'conflict', reason: notReady.message, told: notReady } : null;
}

/** The state a transition leads to. Issuing a report with nothing for the Member to answer closes it. */
export function stateAfter(kind: WorkflowEventKind, view: LifecycleView): WorkflowState {
  switch (kind) {
    case 'SUBMIT':
      return 'SUBMITTED';
    case 'WITHDRAW':
      return 'IN_PROGRESS';
    case 'START_REVIEW':
      return 'IN_REVIEW';
    case 'RETURN':
      return 'RETURNED';
    case 'APPROVE':
      return 'APPROVED';
    case 'ISSUE_REPORT':
      return actionRequired(view).length > 0 ? 'AWAITING_RESPONSE' : 'CLOSED';
    case 'CLOSE':
      return 'CLOSED';
  }
}

/** The SCSS may change content only while the validation is theirs to work on. */
export const contentEditable = (state: WorkflowState): boolean => state === 'IN_PROGRESS' || state === 'RETURNED';

/** Reviewers record decisions on findings while the field office reviews. */
export const reviewOpen = (state: WorkflowState): boolean => state === 'SUBMITTED' || state === 'IN_REVIEW';

/** Member responses are recorded once the report is out, until the validation closes. */
export const responsesOpen = (state: WorkflowState): boolean => state === 'AWAITING_RESPONSE';

export const DEFAULT_RESPONSE_DAYS = 90;

/** The date a Member's response is due: the report date plus the response period, in calendar days. */
export const responseDueDate = (reportDate: string, responseDays = DEFAULT_RESPONSE_DAYS): string =>
  format(addDays(parseISO(reportDate), responseDays), 'yyyy-MM-dd');

/** Only an Action Required finding must be answered; the Member may answer a Recommendation, which never blocks closure. */
export const responseRequired = (classification: FindingClassification): boolean =>
  classification === 'ACTION_REQUIRED';

/** When the Member's response to this finding is due: null before the report date, and for a Recommendation. */
export const findingResponseDueDate = (
  classification: FindingClassification,
  reportDate: string | null,
  responseDays = DEFAULT_RESPONSE_DAYS,
): string | null =>
  reportDate === null || !responseRequired(classification) ? null : responseDueDate(reportDate, responseDays);

/**
 * The due date a finding shows: once approval set the validation's response due date, that date for an Action
 * Required finding; before, the date the SCSS proposed. `proposed` is the SCSS's date when it differs from the one
 * shown, so the screen can keep it beside.
 */
export function shownDueDate(
  finding: { classification: FindingClassification; dueDate: string | null },
  validationDue: string | null,
): { due: string | null; proposed: string | null } {
  const due = responseRequired(finding.classification) && validationDue !== null ? validationDue : finding.dueDate;
  return {
    due,
    proposed: due !== null && finding.dueDate !== null && finding.dueDate !== due ? finding.dueDate : null,
  };
}

/** A response is overdue once its due date has passed (today, as a YYYY-MM-DD date, is after it); never without one. */
export const responseOverdue = (dueDate: string | null, today: string): boolean => dueDate !== null && today > dueDate;

/** A finding is resolved when its latest Member response (by receipt, then update) was accepted. */
export function findingResolved(
  responses: ReadonlyArray<Pick<MemberResponse, 'receivedOn' | 'updatedAt' | 'assessment'>>,
) {
  const latest = [...responses]
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.updatedAt.localeCompare(b.updatedAt))
    .at(-1);
  return latest?.assessment === 'ACCEPTED';
}
