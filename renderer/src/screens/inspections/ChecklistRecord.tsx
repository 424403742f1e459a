import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChecklistItemDefinition, checklistItemsFor } from '../../../../shared/catalog/checklists';
import type { ChecklistItemStatus, InspectionChecklist } from '../../../../shared/domain/field-work';
import { checklistProgress } from '../../../../shared/domain/inspection-rules';
import { call, errorMessage } from '../../api';
import { FormField } from '../../components/FormField';
import { rovingRadio } from '../../components/rovingRadio';
import { useWorksheetStore } from '../../state/worksheet-store';
import { checklistTitle, groupLabel, itemLabel, labelFieldName } from './checklist-labels';
import { type PanelSaveState, PanelSaveStatus } from './save-status';

const TEXT_SAVE_DELAY_MS = 700;

/** The item results, in the order offered; each has a short visible name and a spoken one (catalog keys). */
const STATUS_CHOICES: ChecklistItemStatus[] = ['PASS', 'FAIL', 'NOT_APPLICABLE'];

type Draft = Pick<InspectionChecklist, 'label' | 'refrigerated' | 'items'>;

/** The item list for a refrigerated flag, keeping what was already recorded for items that stay. */
function itemsFor(checklist: Pick<InspectionChecklist, 'kind'>, refrigerated: boolean, current: Draft['items']) {
  const byKey = new Map(current.map((item) => [item.key, item]));
  return checklistItemsFor(checklist.kind, refrigerated).map(
    (def) => byKey.get(def.key) ?? { key: def.key, status: null, note: '' },
  );
}

function groupsOf(defs: ChecklistItemDefinition[]): { group: string | null; items: ChecklistItemDefinition[] }[] {
  const groups: { group: string | null; items: ChecklistItemDefinition[] }[] = [];
  for (const def of defs) {
    const name = def.group ?? null;
    const last = groups.at(-1);
    if (last && last.group === name) last.items.push(def);
    else groups.push({ group: name, items: [def] });
  }
  return groups;
}

/**
 * One recorded inspection (one container, truck or seal). Every choice is saved at once; notes and the
 * label after a short pause or on leaving the field. Saves run one after another and always send the
 * latest state, so a slow save never overwrites a newer choice, and a failed one keeps the screen as typed.
 */
export function ChecklistRecord({
  checklist,
  number,
  locked,
  headingLevel = 5,
}: {
  checklist: InspectionChecklist;
  /** Its number among unlabelled inspections of its name under the criterion (checklistLabels), if it needs one. */
  number?: string | undefined;
  locked: boolean;
  headingLevel?: 4 | 5;
}) {
  const apply = useWorksheetStore((s) => s.apply);
  const remove = useWorksheetStore((s) => s.remove);
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => ({
    label: checklist.label,
    refrigerated: checklist.refrigerated,
    items: itemsFor(checklist, checklist.refrigerated, checklist.items),
  }));
  const draftRef = useRef(draft);
  const [saveState, setSaveState] = useState<PanelSaveState>({ kind: 'idle' });
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latestTicket = useRef(0);
  const textTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textUnsaved = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const kept = useRef(false);
  // Keyboard users land on the question's answer, not on the page top, when the Remove button goes away; and back
  // on the Remove button when they keep the inspection after all.
  useEffect(() => {
    if (confirmingRemove) confirmButton.current?.focus();
    else if (kept.current) removeButton.current?.focus();
    kept.current = false;
  }, [confirmingRemove]);

  const persist = () => {
    clearTimeout(textTimer.current);
    textUnsaved.current = false;
    const ticket = ++latestTicket.current;
    setSaveState({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      // A newer save is queued behind this one and will carry the newer state.
      if (ticket !== latestTicket.current) return;
      const current = draftRef.current;
      try {
        const saved = await call('checklists:save', {
          validationId: checklist.validationId,
          id: checklist.id,
          criterionId: checklist.criterionId,
          kind: checklist.kind,
          label: current.label,
          refrigerated: current.refrigerated,
          items: current.items,
        });
        apply('checklists', saved);
        if (ticket === latestTicket.current) setSaveState({ kind: 'saved', at: saved.updatedAt });
      } catch (error) {
        if (ticket === latestTicket.current) setSaveState({ kind: 'error', message: errorMessage(error) });
      }
    });
  };

  const change = (next: Draft, when: 'now' | 'after-pause') => {
    draftRef.current = next;
    setDraft(next);
    if (when === 'now') {
      persist();
    } else {
      textUnsaved.current = true;
      clearTimeout(textTimer.current);
      textTimer.current = setTimeout(persist, TEXT_SAVE_DELAY_MS);
    }
  };
  const flushText = () => {
    if (textUnsaved.current) persist();
  };
  // Leaving the category (unmount) must not lose a note typed just before.
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush only on unmount
  useEffect(() => flushText, []);

  const setItem = (key: string, patch: { status?: ChecklistItemStatus; note?: string }) => ({
    ...draftRef.current,
    items: draftRef.current.items.map((item) => (item.key === key ? { ...item, ...patch } : item)),
  });

  const removeInspection = async () => {
    setRemoveError(null);
    try {
      await call('checklists:delete', { validationId: checklist.validationId, id: checklist.id });
      // The inspection leaves the page with the focused button: the focus goes to the panel's Add an inspection form.
      const addLabel = document.getElementById(`add-inspection-${checklist.criterionId}-label`);
      remove('checklists', checklist.id);
      addLabel?.focus();
    } catch (error) {
      setRemoveError(errorMessage(error));
    }
  };

  const name = checklistTitle(t, checklist.kind, draft.refrigerated);
  const label = draft.label.trim() || number;
  const title = label ? t('fieldwork.checklist.titleWithLabel', { name, label }) : name;
  const { recorded, total } = checklistProgress({ kind: checklist.kind, ...draft });
  const failed = draft.items.filter((item) => item.status === 'FAIL').length;
  const statusByKey = new Map(draft.items.map((item) => [item.key, item]));
  const headingId = `inspection-${checklist.id}-heading`;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const idPrefix = `inspection-${checklist.id}`;

  return (
    <section className="inspection" aria-labelledby={headingId} data-testid="inspection">
      <header className="inspection__header">
        <Heading id={headingId} className="inspection__title">
          {title}
        </Heading>
        <span className="inspection__status">
          <PanelSaveStatus state={saveState} onRetry={persist} />
        </span>
      </header>
      <p className="inspection__progress" data-testid="inspection-progress" aria-live="polite">
        {t('fieldwork.checklist.progress', { recorded, total })}
        {failed > 0 ? t('fieldwork.checklist.failed', { count: failed }) : ''}
      </p>

      <div className="inspection__fields">
        <FormField
          id={`${idPrefix}-label`}
          label={labelFieldName(t, checklist.kind)}
          className="inspection__label-field"
        >
          {(control) => (
            <input
              className="usa-input"
              maxLength={120}
              value={draft.label}
              disabled={locked}
              {...control}
              onChange={(e) => change({ ...draftRef.current, label: e.target.value }, 'after-pause')}
              onBlur={flushText}
            />
          )}
        </FormField>
        {checklist.kind === 'CONTAINER_7_POINT' && (
          <div className="usa-checkbox inspection__refrigerated">
            <input
              className="usa-checkbox__input"
              type="checkbox"
              id={`${idPrefix}-refrigerated`}
              checked={draft.refrigerated}
              disabled={locked}
              onChange={(e) => {
                const refrigerated = e.target.checked;
                change(
                  {
                    ...draftRef.current,
                    refrigerated,
                    items: itemsFor(checklist, refrigerated, draftRef.current.items),
                  },
                  'now',
                );
              }}
            />
            <label className="usa-checkbox__label" htmlFor={`${idPrefix}-refrigerated`}>
              {t('fieldwork.checklist.refrigeratedRecord')}
            </label>
          </div>
        )}
      </div>

      {groupsOf(checklistItemsFor(checklist.kind, draft.refrigerated)).map(({ group, items }) => (
        <table className="usa-table usa-table--borderless usa-table--compact inspection__table" key={group ?? 'items'}>
          {group && (
            <caption className="inspection__group">
              {t('fieldwork.checklist.groupCaption', { group: groupLabel(t, group), count: items.length })}
            </caption>
          )}
          <thead>
            <tr>
              <th scope="col">{t('fieldwork.checklist.item')}</th>
              <th scope="col">{t('fieldwork.checklist.result')}</th>
              <th scope="col">{t('fieldwork.checklist.noteOptional')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((def) => {
              const record = statusByKey.get(def.key);
              // One Tab stop per item: focusing an item's choice makes the card active, a re-render that left to
              // itself gave an unrecorded item two stops in Chromium.
              const tabIndexOf = rovingRadio(STATUS_CHOICES, record?.status);
              const label = itemLabel(t, def);
              const itemName = group
                ? t('fieldwork.checklist.itemInGroup', { group: groupLabel(t, group), item: label.toLowerCase() })
                : label;
              return (
                <tr key={def.key} data-item={def.key}>
                  <th scope="row" className="inspection__item">
                    {label}
                  </th>
                  <td>
                    <fieldset className="usa-fieldset inspection__choices" disabled={locked}>
                      <legend className="usa-sr-only">{itemName}</legend>
                      {STATUS_CHOICES.map((status) => {
                        const id = `${idPrefix}-${def.key}-${status}`;
                        return (
                          <div
                            className={`usa-radio inspection__choice inspection__choice--${status.toLowerCase()}`}
                            key={status}
                          >
                            <input
                              className="usa-radio__input"
                              type="radio"
                              id={id}
                              name={`${idPrefix}-${def.key}`}
                              value={status}
                              checked={record?.status === status}
                              tabIndex={tabIndexOf(status)}
                              onChange={() => change(setItem(def.key, { status }), 'now')}
                            />
                            <label className="usa-radio__label" htmlFor={id}>
                              <span className="usa-sr-only">
                                {t('fieldwork.checklist.choiceName', {
                                  item: itemName,
                                  result: t(`fieldwork.checklist.status.${status}.spoken`),
                                })}
                              </span>
                              <span aria-hidden="true">{t(`fieldwork.checklist.status.${status}.short`)}</span>
                            </label>
                          </div>
                        );
                      })}
                    </fieldset>
                  </td>
                  <td>
                    <input
                      className="usa-input inspection__note"
                      aria-label={t('fieldwork.checklist.noteOn', { item: itemName })}
                      maxLength={2000}
                      value={record?.note ?? ''}
                      disabled={locked}
                      onChange={(e) => change(setItem(def.key, { note: e.target.value }), 'after-pause')}
                      onBlur={flushText}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}

      {!locked && (
        <div className="inspection__remove">
          {confirmingRemove ? (
            <fieldset className="usa-fieldset inspection__confirm">
              <legend className="inspection__confirm-question">{t('fieldwork.checklist.removeQuestion')}</legend>
              <button
                ref={confirmButton}
                type="button"
                className="usa-button usa-button--secondary"
                onClick={() => void removeInspection()}
              >
                {t('fieldwork.checklist.removeYes')}
              </button>
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => {
                  kept.current = true;
                  setConfirmingRemove(false);
                  setRemoveError(null);
                }}
              >
                {t('fieldwork.checklist.keep')}
              </button>
            </fieldset>
          ) : (
            <button
              ref={removeButton}
              type="button"
              className="usa-button usa-button--unstyled inspection__remove-button"
              onClick={() => setConfirmingRemove(true)}
            >
              {t('fieldwork.checklist.remove')}
              <span className="usa-sr-only"> {title}</span>
            </button>
          )}
          {removeError && (
            <span className="save-indicator save-indicator--error" role="alert">
              {t('fieldwork.checklist.notRemoved', { error: removeError })}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
