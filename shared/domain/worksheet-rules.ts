import type { ValidationStatus } from './validation';

export class WorksheetLockedError extends Error {
  constructor() {
    super('This validation has been submitted and is locked. Reopen it to make changes.');
  }
}

/** The first answer moves a validation from Not started to In progress; submitted ones are locked. */
export function statusAfterAnswer(status: ValidationStatus): ValidationStatus {
  if (status === 'SUBMITTED') throw new WorksheetLockedError();
  return 'IN_PROGRESS';
}

export type CategoryProgress = { category: number; answered: number; total: number };

/** Progress counts a criterion as done once it has a result; notes alone do not count. */
export function worksheetProgress(
  criteria: ReadonlyArray<{ id: string; category: number }>,
  responses: ReadonlyArray<{ criterionId: string; result: string | null }>,
): { byCategory: CategoryProgress[]; answered: number; total: number } {
  const answered = new Set(responses.filter((r) => r.result !== null).map((r) => r.criterionId));
  const byCategory: CategoryProgress[] = [];
  for (let category = 1; category <= 12; category++) {
    const inCategory = criteria.filter((c) => c.category === category);
    byCategory.push({
      category,
      total: inCategory.length,
      answered: inCategory.filter((c) => answered.has(c.id)).length,
    });
  }
  const total = criteria.length;
  const answeredTotal = criteria.filter((c) => answered.has(c.id)).length;
  return { byCategory, answered: answeredTotal, total };
}
