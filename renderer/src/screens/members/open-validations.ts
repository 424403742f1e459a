import type { ValidationListItem } from '../../../../shared/ipc/contract';

/**
 * A validation is open until it is closed (shared/domain/lifecycle.ts): a withdrawn one goes back to In progress,
 * and one that never left the laptop (no workflow state yet) is open too.
 */
export const isOpenValidation = (validation: Pick<ValidationListItem, 'workflowState'>): boolean =>
  validation.workflowState !== 'CLOSED';

/** A Member's open validations, the one scheduled soonest first. */
export function openValidationsOf<V extends Pick<ValidationListItem, 'memberId' | 'workflowState' | 'scheduledDate'>>(
  validations: readonly V[],
  memberId: string,
): V[] {
  return validations
    .filter((v) => v.memberId === memberId && isOpenValidation(v))
    .sort((a, b) => a.scheduledDate.localeCompare(b.scheduledDate));
}
