import './inspections.css';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistItemsFor } from '../../../../shared/catalog/checklists';
import type { Criterion } from '../../../../shared/catalog/schema';
import type { ChecklistKind } from '../../../../shared/domain/field-work';
import { checklistLabels } from '../../../../shared/domain/inspection-rules';
import { call, errorMessage } from '../../api';
import { FormField } from '../../components/FormField';
import { useWorksheetStore } from '../../state/worksheet-store';
import { ChecklistRecord } from './ChecklistRecord';
import { kindChoiceLabel, labelExample, labelFieldName } from './checklist-labels';

/**
 * The inspection checklists a criterion calls for (5.3: containers and trucks; 6.7: VVTT seal checks),
 * one per container, truck or seal inspected, each recorded item by item.
 */
export function ChecklistPanel({
  validationId,
  criterion,
  locked,
}: {
  validationId: string;
  criterion: Criterion;
  locked: boolean;
}) {
  const all = useWorksheetStore((s) => s.worksheet?.checklists);
  const entityType = useWorksheetStore((s) => s.worksheet?.validation.entityType);
  const checklists = useMemo(() => (all ?? []).filter((c) => c.criterionId === criterion.id), [all, criterion.id]);
  const labels = useMemo(() => checklistLabels(checklists), [checklists]);
  const { t } = useTranslation();
  const kinds = criterion.checklists ?? [];
  if (kinds.length === 0) return null;

  const headingId = `checklists-${criterion.id}-heading`;
  return (
    <section className="checklist-panel" aria-labelledby={headingId} data-testid="checklist-panel">
      <h4 id={headingId} className="checklist-panel__heading">
        {t('fieldwork.checklist.heading', { criterion: criterion.id })}
      </h4>
      <p className="checklist-panel__count">
        {checklists.length === 0
          ? t('fieldwork.checklist.none')
          : t('fieldwork.checklist.count', { count: checklists.length })}
      </p>
      {checklists.map((checklist) => (
        <ChecklistRecord
          key={checklist.id}
          checklist={checklist}
          number={checklist.label.trim() === '' ? labels.get(checklist.id) : undefined}
          locked={locked}
        />
      ))}
      {!locked && (
        <AddInspectionForm
          validationId={validationId}
          criterionId={criterion.id}
          kinds={kinds}
          // Highway carriers inspect trucks; importers and manufacturers mostly containers (5.3 guidance).
          defaultKind={
            entityType === 'HC' && kinds.includes('TRACTOR_TRAILER_17_POINT') ? 'TRACTOR_TRAILER_17_POINT' : kinds[0]
          }
        />
      )}
    </section>
  );
}

function AddInspectionForm({
  validationId,
  criterionId,
  kinds,
  defaultKind,
}: {
  validationId: string;
  criterionId: string;
  kinds: ChecklistKind[];
  defaultKind: ChecklistKind | undefined;
}) {
  const apply = useWorksheetStore((s) => s.apply);
  const [kind, setKind] = useState<ChecklistKind | undefined>(defaultKind);
  const [label, setLabel] = useState('');
  const [refrigerated, setRefrigerated] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { t } = useTranslation();
  // The form is held (disabled) while the inspection is added, which takes the focus away from the button or field
  // it was on: it goes back there once the form is free again, and the polite message says what was added.
  const focusedBefore = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (adding || !focusedBefore.current) return;
    const back = focusedBefore.current;
    focusedBefore.current = null;
    const active = document.activeElement;
    if (back.isConnected && (active === null || active === document.body)) back.focus();
  }, [adding]);
  if (!kind) return null;
  const idPrefix = `add-inspection-${criterionId}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const active = document.activeElement;
    focusedBefore.current =
      active instanceof HTMLElement &&
      event.currentTarget instanceof HTMLElement &&
      event.currentTarget.contains(active)
        ? active
        : null;
    setAdding(true);
    setError(null);
    setAdded(null);
    const withFan = kind === 'CONTAINER_7_POINT' && refrigerated;
    try {
      const saved = await call('checklists:save', {
        validationId,
        criterionId,
        kind,
        label: label.trim(),
        refrigerated: withFan,
        items: checklistItemsFor(kind, withFan).map((item) => ({ key: item.key, status: null, note: '' })),
      });
      apply('checklists', saved);
      setLabel('');
      setRefrigerated(false);
      setAdded(
        saved.label ? t('fieldwork.checklist.added', { label: saved.label }) : t('fieldwork.checklist.addedNoLabel'),
      );
    } catch (failure) {
      // What was typed stays in the form so the SCSS can try again.
      setError(errorMessage(failure));
    } finally {
      setAdding(false);
    }
  };

  return (
    <form
      className="checklist-add"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={t('fieldwork.checklist.addTo', { criterion: criterionId })}
    >
      {/* Held while the inspection is added: the answer empties the form, which would drop what was typed meanwhile. */}
      <fieldset className="usa-fieldset" disabled={adding}>
        <legend className="usa-legend checklist-add__legend">{t('fieldwork.checklist.add')}</legend>
        {kinds.length > 1 && (
          <div className="checklist-add__kinds">
            {kinds.map((k) => (
              <div className="usa-radio" key={k}>
                <input
                  className="usa-radio__input"
                  type="radio"
                  id={`${idPrefix}-${k}`}
                  name={`${idPrefix}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <label className="usa-radio__label" htmlFor={`${idPrefix}-${k}`}>
                  {kindChoiceLabel(t, k)}
                </label>
              </div>
            ))}
          </div>
        )}
        {kinds.length === 1 && <p className="checklist-add__kind">{kindChoiceLabel(t, kind)}</p>}
        <div className="checklist-add__row">
          <FormField id={`${idPrefix}-label`} label={labelFieldName(t, kind)} hint={labelExample(t, kind)}>
            {(control) => (
              <input
                className="usa-input"
                maxLength={120}
                value={label}
                {...control}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </FormField>
          {kind === 'CONTAINER_7_POINT' && (
            <div className="usa-checkbox checklist-add__refrigerated">
              <input
                className="usa-checkbox__input"
                type="checkbox"
                id={`${idPrefix}-refrigerated`}
                checked={refrigerated}
                onChange={(e) => setRefrigerated(e.target.checked)}
              />
              <label className="usa-checkbox__label" htmlFor={`${idPrefix}-refrigerated`}>
                {t('fieldwork.checklist.refrigerated')}
              </label>
            </div>
          )}
          <button className="usa-button usa-button--outline checklist-add__button" type="submit">
            {adding ? t('fieldwork.checklist.adding') : t('fieldwork.checklist.addButton')}
          </button>
        </div>
        <p className="checklist-add__message" aria-live="polite">
          {added}
        </p>
        {error && (
          <p className="save-indicator save-indicator--error" role="alert">
            {t('fieldwork.checklist.notAdded', { error })}
          </p>
        )}
      </fieldset>
    </form>
  );
}
