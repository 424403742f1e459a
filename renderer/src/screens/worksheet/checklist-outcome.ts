import type { TFunction } from 'i18next';
import { checklistItemsFor } from '../../../../shared/catalog/checklists';
import type { InspectionChecklist } from '../../../../shared/domain/field-work';
import { checklistTitle, groupLabel, itemLabel } from '../inspections/checklist-labels';

export type ChecklistOutcome = {
  /** "7-point container inspection: TGHU 884120-3". */
  title: string;
  /** "7 of 7 items recorded: 6 passed, 1 failed". */
  tally: string;
  failed: ReadonlyArray<{ label: string; note: string }>;
};

/**
 * What one recorded inspection came to, in words of the interface's language: how much was recorded and which
 * items failed, with their notes.
 */
export function checklistOutcome(
  t: TFunction,
  checklist: Pick<InspectionChecklist, 'kind' | 'refrigerated' | 'label' | 'items'>,
): ChecklistOutcome {
  const items = checklistItemsFor(checklist.kind, checklist.refrigerated);
  const byKey = new Map(checklist.items.map((item) => [item.key, item]));
  const statusOf = (key: string) => byKey.get(key)?.status ?? null;
  const count = (status: 'PASS' | 'FAIL' | 'NOT_APPLICABLE') => items.filter((i) => statusOf(i.key) === status).length;
  const recorded = items.filter((i) => statusOf(i.key) !== null).length;
  const parts = [
    count('PASS') > 0 && t('worksheet.lockedSummary.passed', { count: count('PASS') }),
    count('FAIL') > 0 && t('worksheet.lockedSummary.failedCount', { count: count('FAIL') }),
    count('NOT_APPLICABLE') > 0 && t('worksheet.lockedSummary.notApplicable', { count: count('NOT_APPLICABLE') }),
  ].filter((p): p is string => typeof p === 'string');
  const name = checklistTitle(t, checklist.kind, checklist.refrigerated);
  const tally = t('worksheet.lockedSummary.tally', { recorded, count: items.length });
  return {
    title: checklist.label ? t('fieldwork.checklist.titleWithLabel', { name, label: checklist.label }) : name,
    tally:
      parts.length > 0
        ? t('worksheet.lockedSummary.tallyWithParts', {
            tally,
            parts: parts.join(t('worksheet.lockedSummary.partsSeparator')),
          })
        : tally,
    failed: items
      .filter((i) => statusOf(i.key) === 'FAIL')
      .map((i) => ({
        label: i.group ? `${groupLabel(t, i.group)}: ${itemLabel(t, i)}` : itemLabel(t, i),
        note: byKey.get(i.key)?.note ?? '',
      })),
  };
}
