import { checklistItemsFor } from '../../../../shared/catalog/checklists';
import type { InspectionChecklist } from '../../../../shared/domain/field-work';
import { checklistName } from '../../../../shared/domain/inspection-rules';

export type ChecklistOutcome = {
  /** "7-point container inspection: TGHU 884120-3". */
  title: string;
  /** "7 of 7 items recorded: 6 passed, 1 failed". */
  tally: string;
  failed: ReadonlyArray<{ label: string; note: string }>;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What one recorded inspection came to, in words: how much was recorded and which items failed, with their notes. */
export function checklistOutcome(
  checklist: Pick<InspectionChecklist, 'kind' | 'refrigerated' | 'label' | 'items'>,
): ChecklistOutcome {
  const items = checklistItemsFor(checklist.kind, checklist.refrigerated);
  const byKey = new Map(checklist.items.map((item) => [item.key, item]));
  const statusOf = (key: string) => byKey.get(key)?.status ?? null;
  const count = (status: 'PASS' | 'FAIL' | 'NOT_APPLICABLE') => items.filter((i) => statusOf(i.key) === status).length;
  const recorded = items.filter((i) => statusOf(i.key) !== null).length;
  const parts = [
    count('PASS') > 0 && `${count('PASS')} passed`,
    count('FAIL') > 0 && `${count('FAIL')} failed`,
    count('NOT_APPLICABLE') > 0 && `${count('NOT_APPLICABLE')} not applicable`,
  ].filter((p): p is string => typeof p === 'string');
  const name = checklistName(checklist.kind, checklist.refrigerated);
  return {
    title: checklist.label ? `${name}: ${checklist.label}` : name,
    tally: `${recorded} of ${plural(items.length, 'item', 'items')} recorded${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
    failed: items
      .filter((i) => statusOf(i.key) === 'FAIL')
      .map((i) => ({ label: i.group ? `${i.group}: ${i.label}` : i.label, note: byKey.get(i.key)?.note ?? '' })),
  };
}
