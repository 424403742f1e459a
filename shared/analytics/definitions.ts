import { format, parseISO, subDays } from 'date-fns';
import type { CatalogEdition } from '../catalog/schema';
import type { FindingClassification } from '../domain/field-work';
import type { ProposedClassification, ReviewDecision } from '../domain/lifecycle';
import type { ResponseResult } from '../domain/validation';

/**
 * What the MSC performance views count, in one place so HQ (SQL) and the laptop (SQLite) give the
 * same numbers from the same data. Pure: HQ's SQL embeds these constants rather than restating them.
 */

/** Findings of these classifications can be deficiencies; best-practice observations are not findings at all. */
export const DEFICIENCY_CLASSIFICATIONS: readonly FindingClassification[] = ['ACTION_REQUIRED', 'RECOMMENDATION'];

/**
 * A deficiency is a criterion not met. An Action Required finding says so by itself (it stands only on a Deficient
 * Must); any other finding counts only on a criterion the SCSS found Deficient (a Should not in place), never as
 * advice on a Compliant criterion.
 */
export const SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS: readonly FindingClassification[] = ['ACTION_REQUIRED'];
/** The result that marks a criterion not met. */
export const DEFICIENT_RESULT: ResponseResult = 'DEFICIENT';

/** A reviewer who does not concur and proposes "no finding" has decided the finding is not a deficiency. */
export const NO_FINDING_DECISION: { decision: ReviewDecision; proposedClassification: ProposedClassification } = {
  decision: 'NON_CONCUR',
  proposedClassification: 'NO_FINDING',
};

/** A criterion is assessed when the SCSS found it compliant or deficient (not N/A, not unverified). */
export const ASSESSED_RESULTS: readonly ResponseResult[] = ['COMPLIANT', 'DEFICIENT'];

export type DeficiencyCandidate = {
  classification: string;
  /** The result the SCSS recorded on the finding's criterion, if any. */
  criterionResult: string | null;
  /** The finding's latest review decision, if any. */
  review: { decision: string; proposedClassification?: string | null } | null;
  /** The validation has been submitted (it ever left the SCSS's hands: any state but in progress, or a submittedAt). */
  validationSubmitted: boolean;
};

/**
 * A deficiency: on a submitted validation, an Action Required finding, or a Recommendation on a criterion found
 * Deficient, unless a reviewer ruled it no finding.
 */
export function isDeficiency(finding: DeficiencyCandidate): boolean {
  if (!finding.validationSubmitted) return false;
  if (!(DEFICIENCY_CLASSIFICATIONS as readonly string[]).includes(finding.classification)) return false;
  const notMet =
    (SELF_EVIDENT_DEFICIENCY_CLASSIFICATIONS as readonly string[]).includes(finding.classification) ||
    finding.criterionResult === DEFICIENT_RESULT;
  return notMet && !isRuledNoFinding(finding.review);
}

export const isRuledNoFinding = (review: DeficiencyCandidate['review']): boolean =>
  review !== null &&
  review.decision === NO_FINDING_DECISION.decision &&
  review.proposedClassification === NO_FINDING_DECISION.proposedClassification;

export const isAssessed = (result: string | null): boolean =>
  result !== null && (ASSESSED_RESULTS as readonly string[]).includes(result);

/** Ever submitted, as HQ's pull decides it: a withdrawn validation keeps its submittedAt and still counts. */
export const isSubmitted = (workflowState: string, submittedAt: string | null | undefined): boolean =>
  workflowState !== 'IN_PROGRESS' || (submittedAt ?? null) !== null;

/**
 * A Member response is overdue (responsesOverdue) on an Action Required deficiency of a validation awaiting the
 * Member's response, whose latest response was not accepted, once today is after the due date the screens show
 * (lifecycle-read's responseDueOf, then responseOverdue): the due date the latest approval fixed (its report date
 * plus the response period in force then). An approval made before approvals fixed one is dated with the period of
 * the policy in force now (HQ's current policy; on a laptop, its Settings: HQ's copy as last synced): today >
 * responseDueDate(reportDate, responseDays), which holds exactly when the report date is before the day this
 * gives. The finding's own dueDate is the SCSS's proposal, which approval replaces for an Action Required finding
 * (shownDueDate).
 */
export const overdueIfReportedBefore = (today: string, responseDays: number): string =>
  format(subDays(parseISO(today), responseDays), 'yyyy-MM-dd');

/**
 * numerator ÷ denominator rounded half away from zero to `decimals` places, in integer arithmetic so that
 * 191/1417 gives 13.48 and 1/8 gives 0.13 exactly (floating point would turn some .5 cases down). Integers
 * in, 0 when the denominator is 0 (an empty view has no share).
 */
export function roundedRatio(numerator: number, denominator: number, decimals = 2): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError('roundedRatio takes whole numbers');
  }
  if (denominator === 0) return 0;
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = BigInt(Math.abs(numerator)) * 10n ** BigInt(decimals);
  const d = BigInt(Math.abs(denominator));
  const scaled = (2n * n + d) / (2n * d); // floor(n/d + 1/2): half rounds up, away from zero for |x|
  const value = Number(scaled) / 10 ** decimals;
  return sign < 0 ? -value : value;
}

/** count as a percent of total, rounded half away from zero to 2 decimals (13.48 for 191 of 1,417). */
export const percentOf = (count: number, total: number): number => roundedRatio(count * 100, total);

/** A criterion's category is its ID's first number (the catalog schema enforces it: 4.17 is in category 4). */
export const categoryOfCriterion = (criterionId: string): number => Number(criterionId.split('.')[0]);

/** Category number → name, from a catalog edition (every edition names all twelve). */
export const categoryNames = (edition: {
  categories: ReadonlyArray<Pick<CatalogEdition['categories'][number], 'number' | 'name'>>;
}): ReadonlyMap<number, string> => new Map(edition.categories.map((c) => [c.number, c.name]));

/** The median of whole counts: the middle value, or the mean of the two middle ones; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * First quartile, median and third quartile by linear interpolation between closest ranks, as PostgreSQL's
 * percentile_cont computes them, so the laptop's figures match HQ's; null when there are no values.
 */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number => {
    const position = (sorted.length - 1) * fraction;
    const below = sorted[Math.floor(position)] ?? 0;
    const above = sorted[Math.ceil(position)] ?? below;
    return below + (above - below) * (position - Math.floor(position));
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** Whole seconds (or their quartiles, which are quarter seconds) as minutes rounded half away from zero to 2 decimals. */
export const minutesOfSeconds = (seconds: number): number => roundedRatio(Math.round(seconds * 4), 240);

/** The calendar quarter of a YYYY-MM month or YYYY-MM-DD day: 2026-03 is in 2026-Q1. */
export function quarterOf(monthOrDay: string): string {
  const [year, month] = monthOrDay.split('-');
  const m = Number(month);
  if (!year || !Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`Not a month: ${monthOrDay}`);
  return `${year}-Q${Math.ceil(m / 3)}`;
}
