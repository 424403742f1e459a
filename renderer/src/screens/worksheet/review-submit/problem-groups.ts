import type { CompletenessProblem } from '../../../../../shared/domain/completeness-types';
import { warningKey } from '../../../../../shared/domain/considered-warnings';

type ProblemCode = CompletenessProblem['code'];

export type ProblemGroup = {
  code: ProblemCode;
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
      group = { code: problem.code, problems: [], considered: 0 };
      groups.set(problem.code, group);
    }
    group.problems.push(problem);
    if (consideredKeys.has(warningKey(problem))) group.considered += 1;
  }
  return [...groups.values()];
}
