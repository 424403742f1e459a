import { z } from 'zod';
import { EntityTypeSchema } from '../entity-types';
import type { WorkflowStateSchema } from '../lifecycle';
import { IsoDateSchema, UuidSchema } from '../primitives';
import { ValidationModeSchema } from '../validation';
import { currentAssignment } from './assignment';
import { anniversaryInYear } from './calendar';
import type { MemberRecordState } from './fold';
import { nextValidationDueOn, profileReviewView } from './view';

export const WORK_PLAN_KINDS = ['VALIDATION', 'REVALIDATION', 'PROFILE_REVIEW'] as const;
export const WorkPlanKindSchema = z.enum(WORK_PLAN_KINDS);
export type WorkPlanKind = z.infer<typeof WorkPlanKindSchema>;

/** Where a planned item is: validations by their work, profile reviews by their review state. */
export const WORK_PLAN_STATES = [
  'PLANNED',
  'ASSIGNED',
  'IN_PROGRESS',
  'SUBMITTED',
  'DONE',
  'OVERDUE',
  'NOT_OPEN',
  'OPEN',
  'RECEIVED',
  'RETURNED',
  'APPROVED',
] as const;
export const WorkPlanStateSchema = z.enum(WORK_PLAN_STATES);
export type WorkPlanState = z.infer<typeof WorkPlanStateSchema>;

export const WorkPlanRowSchema = z.object({
  memberId: UuidSchema,
  legalName: z.string(),
  accountNumber: z.string(),
  entityType: EntityTypeSchema,
  kind: WorkPlanKindSchema,
  dueOn: IsoDateSchema,
  state: WorkPlanStateSchema,
  /** Who does it: the SCSS who started the validation, or the assignment's SCSS; null while unassigned. */
  assignee: z.string().nullable(),
  /** Assigned to, or started by, the person at this laptop. */
  mine: z.boolean(),
  validationId: UuidSchema.nullable(),
  /** The validation is a copy pulled for review (a reviewer's or supervisor's laptop): it opens in Reviews. */
  reviewCopy: z.boolean().default(false),
  /** A supervisor's assignment on the record (SCSS_ASSIGNED): the SCSS's HQ id, the mode and the target date. */
  assignedUserId: UuidSchema.nullable().default(null),
  mode: ValidationModeSchema.nullable().default(null),
  targetDate: IsoDateSchema.nullable().default(null),
  /** The record version the row was built from: an assignment made from the row is made against it. */
  recordVersion: z.number().int().nonnegative().default(0),
  /** HQ's word that another laptop of the same SCSS started this assignment: when, and that laptop's name. */
  startedElsewhere: z.object({ at: z.string(), device: z.string() }).nullable().default(null),
});
export type WorkPlanRow = z.infer<typeof WorkPlanRowSchema>;

export type WorkPlanMember = {
  id: string;
  legalName: string;
  accountNumber: string;
  entityType: WorkPlanRow['entityType'];
  record: MemberRecordState;
};
export type WorkPlanValidation = {
  id: string;
  memberId: string;
  status: 'DRAFT' | 'IN_PROGRESS' | 'SUBMITTED';
  workflowState: z.infer<typeof WorkflowStateSchema> | null;
  createdBy: string;
  createdAt: string;
  /** Pulled for review from HQ, not done on this laptop. */
  reviewCopy?: boolean;
  /** Started from an assignment HQ withdrew (given to another SCSS): kept on the laptop, no longer the plan's work. */
  assignmentWithdrawn?: boolean;
};
export type WorkPlanAssignment = {
  memberId: string;
  targetDate: string;
  assignee: string;
  mine: boolean;
  started: boolean;
  /** Started on another laptop of the same SCSS, as HQ's pull said: the validation is not on this one. */
  startedElsewhere?: { at: string; device: string } | null;
};

const APPROVED_OR_LATER = new Set(['APPROVED', 'AWAITING_RESPONSE', 'CLOSED']);

/**
 * The field office's plan for a calendar year: each Member's validation or revalidation due in it (or overdue
 * from before it), and its profile review due in it, with who does it and where it is on `today`.
 */
export function buildWorkPlan(input: {
  year: number;
  today: string;
  members: readonly WorkPlanMember[];
  validations: readonly WorkPlanValidation[];
  assignments: readonly WorkPlanAssignment[];
  me: string;
  /** The enrolled person's HQ id: an assignment on the record names them by it. */
  meUserId?: string | null;
}): WorkPlanRow[] {
  const { year, today } = input;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const rows: WorkPlanRow[] = [];
  for (const member of input.members) {
    const { record } = member;
    if (record.status === 'REMOVED' || record.status === null) continue;
    const base = {
      memberId: member.id,
      legalName: member.legalName,
      accountNumber: member.accountNumber,
      entityType: member.entityType,
      assignedUserId: null,
      mode: null,
      targetDate: null,
      recordVersion: record.version,
      startedElsewhere: null,
    };
    const dueOn = nextValidationDueOn(record);
    const kind: WorkPlanKind = record.lastValidatedOn ? 'REVALIDATION' : 'VALIDATION';
    const open = input.validations
      .filter(
        (v) => v.memberId === member.id && !APPROVED_OR_LATER.has(v.workflowState ?? '') && !v.assignmentWithdrawn,
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const assignment = input.assignments.find((a) => a.memberId === member.id && !a.started);
    // The supervisor's assignment on the record is the field office's word on who does it.
    const assigned = currentAssignment(record);
    // Due this year, or due before it and not yet done: an overdue validation stays on every plan until done.
    if (dueOn && dueOn <= yearEnd && (dueOn >= yearStart || year === Number(today.slice(0, 4)))) {
      const elsewhere = open ? null : (assignment?.startedElsewhere ?? null);
      const state: WorkPlanState = open
        ? open.status === 'SUBMITTED'
          ? 'SUBMITTED'
          : 'IN_PROGRESS'
        : elsewhere
          ? 'IN_PROGRESS'
          : assigned || assignment
            ? 'ASSIGNED'
            : dueOn < today
              ? 'OVERDUE'
              : 'PLANNED';
      rows.push({
        ...base,
        kind,
        dueOn,
        state,
        assignee: open ? open.createdBy : (assigned?.scss.name ?? assignment?.assignee ?? null),
        mine: open
          ? open.createdBy === input.me
          : assigned
            ? assigned.scss.userId === input.meUserId
            : (assignment?.mine ?? false),
        validationId: open?.id ?? null,
        reviewCopy: open?.reviewCopy ?? false,
        assignedUserId: assigned?.scss.userId ?? null,
        mode: assigned?.mode ?? null,
        targetDate: assigned?.targetDate ?? null,
        startedElsewhere: elsewhere,
      });
    }
    // A validation approved this year is this year's work done, though the next one is now years away.
    if (record.lastValidatedOn && record.lastValidatedOn >= yearStart && record.lastValidatedOn <= yearEnd) {
      const done = input.validations
        .filter((v) => v.memberId === member.id && APPROVED_OR_LATER.has(v.workflowState ?? ''))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      rows.push({
        ...base,
        kind: record.validatedOn.length > 1 ? 'REVALIDATION' : 'VALIDATION',
        dueOn: record.lastValidatedOn,
        state: 'DONE',
        assignee: done?.createdBy ?? null,
        mine: done ? done.createdBy === input.me : false,
        validationId: done?.id ?? null,
        reviewCopy: done?.reviewCopy ?? false,
      });
    }
    const anniversaryOn = record.certifiedOn ? anniversaryInYear(record.certifiedOn, year) : null;
    if (anniversaryOn) {
      const review = profileReviewView(record, today, anniversaryOn);
      if (review) {
        rows.push({
          ...base,
          kind: 'PROFILE_REVIEW',
          dueOn: review.dueOn,
          state: review.state,
          assignee: null,
          mine: false,
          validationId: null,
          reviewCopy: false,
        });
      }
    }
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.legalName.localeCompare(b.legalName));
}

export const WorkPlanFiltersSchema = z.strictObject({
  kind: WorkPlanKindSchema.nullable().default(null),
  state: WorkPlanStateSchema.nullable().default(null),
  mineOnly: z.boolean().default(false),
  search: z.string().max(200).default(''),
});
export type WorkPlanFilters = z.infer<typeof WorkPlanFiltersSchema>;

/** The rows the screen shows and the CSV holds for the same filters. */
export function filterWorkPlan(rows: readonly WorkPlanRow[], filters: WorkPlanFilters): WorkPlanRow[] {
  const needle = filters.search.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (filters.kind === null || r.kind === filters.kind) &&
      (filters.state === null || r.state === filters.state) &&
      (!filters.mineOnly || r.mine) &&
      (needle === '' ||
        r.legalName.toLocaleLowerCase().includes(needle) ||
        r.accountNumber.toLocaleLowerCase().includes(needle)),
  );
}
