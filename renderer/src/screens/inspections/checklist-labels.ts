import type { TFunction } from 'i18next';
import type { ChecklistItemDefinition } from '../../../../shared/catalog/checklists';
import type { ChecklistKind } from '../../../../shared/domain/field-work';
import type { fieldwork } from '../../i18n/locales/en/fieldwork';

type ItemKey = keyof typeof fieldwork.checklist.items;
type GroupKey = keyof typeof fieldwork.checklist.groups;

/** What the SCSS types to tell one inspection from another under the same criterion. */
export const labelFieldName = (t: TFunction, kind: ChecklistKind) => t(`fieldwork.checklist.labelField.${kind}`);

export const labelExample = (t: TFunction, kind: ChecklistKind) => t(`fieldwork.checklist.labelExample.${kind}`);

/** Names for the "add" choice: "Container / IIT inspection (7-point; 8-point refrigerated)". */
export const kindChoiceLabel = (t: TFunction, kind: ChecklistKind) => t(`fieldwork.checklist.kind.${kind}`);

/** One recorded inspection's name, as shared/domain/inspection-rules.ts checklistName gives it in English. */
export const checklistTitle = (t: TFunction, kind: ChecklistKind, refrigerated: boolean) =>
  t(`fieldwork.checklist.name.${kind === 'CONTAINER_7_POINT' && refrigerated ? 'CONTAINER_8_POINT' : kind}`);

/** A checklist item's label; an item the catalog does not know yet keeps the checklist definition's own words. */
export const itemLabel = (t: TFunction, def: ChecklistItemDefinition) =>
  t(`fieldwork.checklist.items.${def.key as ItemKey}`, { defaultValue: def.label });

export const groupLabel = (t: TFunction, group: string) =>
  t(`fieldwork.checklist.groups.${group as GroupKey}`, { defaultValue: group });
