import { useState } from 'react';
import type { Criterion } from '../../../shared/catalog/schema';
import { FINDING_CLASSIFICATION_LABELS, FindingClassificationSchema } from '../../../shared/domain/field-work';
import { defaultFinding, type FindingFields } from '../../../shared/domain/finding-defaults';
import { call, errorMessage } from '../api';
import { useAutosaveText } from '../components/useAutosaveText';
import { displayedResponse, useWorksheetStore } from '../state/worksheet-store';
import { EvidencePanel } from './evidence/EvidencePanel';
import { ReturnedFindingNote } from './worksheet/ReturnedBanner';

export function FindingEditor({
  validationId,
  criterion,
  locked,
}: {
  validationId: string;
  criterion: Criterion;
  locked: boolean;
}) {
  const finding = useWorksheetStore((s) => s.worksheet?.findings.find((f) => f.criterionId === criterion.id));
  const settings = useWorksheetStore((s) => s.worksheet?.settings);
  const apply = useWorksheetStore((s) => s.apply);
  const remove = useWorksheetStore((s) => s.remove);
  const result = useWorksheetStore((s) => displayedResponse(s, criterion.id).result);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  const persist = async (change: Partial<FindingFields>) => {
    if (!settings) return;
    const base = finding ?? defaultFinding(criterion.level, settings.responseDays);
    setState({ kind: 'saving' });
    try {
      const saved = await call('findings:save', {
        validationId,
        criterionId: criterion.id,
        classification: base.classification,
        reasonCode: base.reasonCode,
        description: base.description,
        dueDate: base.dueDate,
        ...change,
      });
      apply('findings', saved);
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  const description = useAutosaveText(finding?.description ?? '', (value) => void persist({ description: value }));

  const prefix = `finding-${criterion.id}`;
  if (!finding) {
    return (
      <div className="finding-editor finding-editor--missing">
        <p>This criterion is Deficient. Record the finding the Member must respond to.</p>
        <button
          type="button"
          className="usa-button usa-button--secondary"
          disabled={locked || !settings}
          onClick={() => void persist({})}
        >
          Record finding for {criterion.id}
        </button>
        {state.kind === 'error' && (
          <p className="usa-error-message" role="alert">
            {state.message}
          </p>
        )}
      </div>
    );
  }
  const removeFinding = async () => {
    setState({ kind: 'saving' });
    try {
      await call('findings:delete', { validationId, criterionId: criterion.id });
      remove('findings', finding.id);
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  const activeReasons = settings?.deficiencyReasons.filter((r) => r.active || r.code === finding.reasonCode) ?? [];
  return (
    <fieldset className="usa-fieldset finding-editor" disabled={locked} data-testid="finding-editor">
      <legend className="finding-editor__legend">Finding for {criterion.id}</legend>
      <ReturnedFindingNote findingId={finding.id} />
      {result !== 'DEFICIENT' && (
        <div className="usa-alert usa-alert--warning usa-alert--slim finding-editor__orphan">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {criterion.id} is no longer Deficient.{' '}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => void removeFinding()}>
                Remove this finding
              </button>
            </p>
          </div>
        </div>
      )}
      <div className="finding-editor__grid">
        <div className="finding-editor__classification">
          <span className="usa-label finding-editor__label">Classification</span>
          {FindingClassificationSchema.options.map((classification) => (
            <div className="usa-radio" key={classification}>
              <input
                className="usa-radio__input"
                type="radio"
                id={`${prefix}-${classification}`}
                name={`${prefix}-classification`}
                checked={finding.classification === classification}
                onChange={() => void persist({ classification })}
              />
              <label className="usa-radio__label" htmlFor={`${prefix}-${classification}`}>
                {FINDING_CLASSIFICATION_LABELS[classification]}
              </label>
            </div>
          ))}
        </div>
        <div>
          <label className="usa-label finding-editor__label" htmlFor={`${prefix}-reason`}>
            Deficiency reason
          </label>
          <select
            className="usa-select"
            id={`${prefix}-reason`}
            value={finding.reasonCode ?? ''}
            onChange={(e) => void persist({ reasonCode: e.target.value || null })}
          >
            <option value="">- Select a reason -</option>
            {activeReasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="usa-label finding-editor__label" htmlFor={`${prefix}-due`}>
            Member response due
          </label>
          <input
            className="usa-input"
            type="date"
            id={`${prefix}-due`}
            value={finding.dueDate ?? ''}
            onChange={(e) => void persist({ dueDate: e.target.value || null })}
          />
        </div>
      </div>
      <label className="usa-label finding-editor__label" htmlFor={`${prefix}-description`}>
        Description of the deficiency
      </label>
      <textarea
        className="usa-textarea finding-editor__description"
        id={`${prefix}-description`}
        rows={3}
        value={description.value}
        data-saved={description.saved}
        onChange={(e) => description.onChange(e.target.value)}
        onBlur={description.onBlur}
      />
      <div className="finding-editor__status" aria-live="polite">
        {state.kind === 'saving' && 'Saving finding…'}
        {state.kind === 'saved' && 'Finding saved'}
        {state.kind === 'error' && (
          <span className="usa-error-message" role="alert">
            Finding not saved: {state.message}
          </span>
        )}
      </div>
      <EvidencePanel validationId={validationId} criterionId={null} findingId={finding.id} locked={locked} />
    </fieldset>
  );
}
