import type { CompletenessProblem } from '../../../../../shared/domain/completeness-types';
import { warningKey } from '../../../../../shared/domain/considered-warnings';

type ProblemCode = CompletenessProblem['code'];

/** What each rule is about, as a group heading. */
const GROUP_TITLES: Record<ProblemCode, string> = {
  UNANSWERED: 'No result recorded',
  DEFICIENT_WITHOUT_FINDING: 'Deficient without a finding',
  FINDING_WITHOUT_REASON: 'Finding without a deficiency reason',
  FINDING_WITHOUT_DUE_DATE: 'Finding without a response due date',
  FINDING_WITHOUT_DESCRIPTION: 'Finding without a description',
  FINDING_ON_NON_DEFICIENT: 'Finding on a criterion not marked Deficient',
  FINDING_CLASSIFICATION_MISMATCH: 'Finding classified against the criterion’s level',
  FINDING_DUE_BEFORE_REPORT_DATE: 'Response due before the report date',
  MUST_NA_WITHOUT_JUSTIFICATION: 'Must criterion Not applicable without a justification',
  CHECKLIST_INCOMPLETE: 'Inspection checklists missing or unfinished',
  CHECKLIST_FAILED_ON_COMPLIANT: 'Compliant, but its own inspection failed an item',
  VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE: 'Compliant without evidence (virtual validation)',
  VIRTUAL_SESSION_MISSING: 'Virtual session log',
  NO_SITES: 'Sites',
  NO_VERIFICATION_METHOD: 'Verification method not recorded',
};

/** "SOME_NEW_RULE" → "Some new rule": never shown as a code, even for a rule this screen does not know yet. */
export function problemGroupTitle(code: ProblemCode): string {
  const known = GROUP_TITLES[code];
  if (known) return known;
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type ProblemGroup = {
  code: ProblemCode;
  title: string;
  problems: CompletenessProblem[];
  /** How many of this group's problems the SCSS marked as considered. */
  considered: number;
};

/**
 * One group per rule, in the order the rules first appear (worksheet order), so 90 warnings of one kind do
 * not bury a different one; each group counts its considered marks.
 */
export function groupProblems(
  problems: ReadonlyArray<CompletenessProblem>,
  consideredKeys: ReadonlySet<string> = new Set(),
): ProblemGroup[] {
  const groups = new Map<ProblemCode, ProblemGroup>();
  for (const problem of problems) {
    let group = groups.get(problem.code);
    if (!group) {
      group = { code: problem.code, title: problemGroupTitle(problem.code), problems: [], considered: 0 };
      groups.set(problem.code, group);
    }
    group.problems.push(problem);
    if (consideredKeys.has(warningKey(problem))) group.considered += 1;
  }
  return [...groups.values()];
}

/** "12 of 68 warnings considered". */
export function consideredSummary(groups: ReadonlyArray<ProblemGroup>): string {
  const total = groups.reduce((n, g) => n + g.problems.length, 0);
  const considered = groups.reduce((n, g) => n + g.considered, 0);
  return `${considered} of ${total} warning${total === 1 ? '' : 's'} considered`;
}
