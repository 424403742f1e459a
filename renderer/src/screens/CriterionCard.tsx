import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Criterion } from '../../../shared/catalog/schema';
import { VERIFICATION_METHOD_LABELS, VerificationMethodSchema } from '../../../shared/domain/field-work';
import {
  NOTES_MAX_LENGTH,
  RESPONSE_RESULT_LABELS,
  type ResponseResult,
  ResponseResultSchema,
} from '../../../shared/domain/validation';
import { formatDate } from '../components/format';
import { SaveIndicator } from '../components/SaveIndicator';
import { useAutosaveText } from '../components/useAutosaveText';
import { displayedResponse, useWorksheetStore } from '../state/worksheet-store';
import { EvidencePanel } from './evidence/EvidencePanel';
import { FindingEditor, findingAreaShown } from './FindingEditor';
import { ChecklistPanel } from './inspections/ChecklistPanel';
import { ReturnedFindingNote } from './worksheet/ReturnedBanner';

const LEVEL_LABEL = { MUST: 'Must', SHOULD: 'Should', MIXED: 'Must + Should' } as const;

/** Keyboard shortcut for each result, also shown on the result buttons. */
export const RESULT_SHORTCUTS: Record<ResponseResult, string> = {
  COMPLIANT: 'c',
  DEFICIENT: 'd',
  NOT_APPLICABLE: 'n',
  NOT_VERIFIED: 'v',
};

function LevelTag({ level }: { level: keyof typeof LEVEL_LABEL }) {
  return <span className={`usa-tag level-tag level-tag--${level.toLowerCase()}`}>{LEVEL_LABEL[level]}</span>;
}

function PreviousResult({ criterionId, current }: { criterionId: string; current: ResponseResult | null }) {
  const previous = useWorksheetStore((s) => s.worksheet?.previousResults.find((p) => p.criterionId === criterionId));
  if (!previous?.result) return null;
  const repeat = previous.result === 'DEFICIENT' && current === 'DEFICIENT';
  return (
    <>
      <span
        className="usa-tag previous-tag"
        title={`Result in the validation of ${formatDate(previous.scheduledDate)}`}
      >
        Last validation: {RESPONSE_RESULT_LABELS[previous.result]}
      </span>
      {repeat && (
        <span className="usa-tag repeat-tag" data-testid="repeat-deficiency">
          Repeat deficiency
        </span>
      )}
    </>
  );
}

export const CriterionCard = memo(function CriterionCard({
  criterion,
  locked,
  active,
}: {
  criterion: Criterion;
  locked: boolean;
  active: boolean;
}) {
  const shown = useWorksheetStore(useShallow((s) => displayedResponse(s, criterion.id)));
  const saved = useWorksheetStore((s) => s.responses[criterion.id]);
  const saveState = useWorksheetStore((s) => s.saveStates[criterion.id]);
  const sites = useWorksheetStore((s) => s.worksheet?.sites);
  const validationId = useWorksheetStore((s) => s.worksheet?.validation.id ?? '');
  const hasFinding = useWorksheetStore((s) => s.worksheet?.findings.some((f) => f.criterionId === criterion.id));
  const evidenceCount = useWorksheetStore(
    (s) => s.worksheet?.evidence.filter((e) => e.criterionId === criterion.id && e.findingId === null).length ?? 0,
  );
  // A finding the field office sent back: marked on the card, the reviewer's words next to the finding.
  const returned = useWorksheetStore((s) =>
    s.worksheet?.lifecycle.returned?.findings.find((f) => f.criterionId === criterion.id),
  );
  const returnedFindingShown = useWorksheetStore(
    (s) => returned !== undefined && (s.worksheet?.findings.some((f) => f.id === returned.findingId) ?? false),
  );
  const save = useWorksheetStore((s) => s.save);
  const record = useWorksheetStore((s) => s.record);
  const setActive = useWorksheetStore((s) => s.setActiveCriterion);

  const notes = useAutosaveText(saved?.notes ?? '', (value) => void save(criterion.id, { notes: value }));
  const justification = useAutosaveText(
    saved?.naJustification ?? '',
    (value) => void save(criterion.id, { naJustification: value }),
  );

  const headingId = `criterion-${criterion.id}-heading`;
  const groupName = `result-${criterion.id}`;
  const toggleMethod = (method: (typeof shown.verificationMethods)[number]) => {
    const next = shown.verificationMethods.includes(method)
      ? shown.verificationMethods.filter((m) => m !== method)
      : [...shown.verificationMethods, method];
    void record(criterion.id, {
      verificationMethods: VerificationMethodSchema.options.filter((m) => next.includes(m)),
    });
  };

  return (
    <article
      className={`criterion-card${active ? ' criterion-card--active' : ''}${shown.result ? ` criterion-card--${shown.result.toLowerCase()}` : ''}${returned ? ' criterion-card--returned' : ''}`}
      aria-labelledby={headingId}
      data-criterion={criterion.id}
      data-testid="criterion-card"
      tabIndex={-1}
      onFocusCapture={() => setActive(criterion.id)}
    >
      <header className="criterion-card__header">
        <h3 id={headingId} className="criterion-card__id">
          {criterion.id}
        </h3>
        <LevelTag level={criterion.level} />
        {!criterion.verified && (
          <span
            className="usa-tag unverified-tag"
            title="This row has not yet been checked against CBP's published MSC for every entity type."
          >
            Unverified
          </span>
        )}
        <PreviousResult criterionId={criterion.id} current={shown.result} />
        {returned && (
          <span className="usa-tag returned-marker" data-testid="returned-marker">
            {returned.decision === 'NON_CONCUR' ? 'Finding not concurred' : 'Finding returned'}
          </span>
        )}
        <span className="criterion-card__status">
          <SaveIndicator
            state={saveState}
            onRetry={() => saveState?.kind === 'error' && saveState.retry && void save(criterion.id, saveState.retry)}
          />
        </span>
      </header>
      <p className="criterion-card__summary">{criterion.summary}</p>
      {criterion.requirements.length > 1 && (
        <ul className="criterion-card__requirements">
          {criterion.requirements.map((r) => (
            <li key={r.key}>
              <LevelTag level={r.level} /> {r.text}
            </li>
          ))}
        </ul>
      )}
      <fieldset className="usa-fieldset result-group" disabled={locked}>
        <legend className="usa-sr-only">Result for criterion {criterion.id}</legend>
        {ResponseResultSchema.options.map((result) => {
          const id = `${groupName}-${result}`;
          return (
            <div className={`usa-radio result-option result-option--${result.toLowerCase()}`} key={result}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                type="radio"
                id={id}
                name={groupName}
                value={result}
                checked={shown.result === result}
                onChange={() => void record(criterion.id, { result })}
              />
              <label className="usa-radio__label" htmlFor={id}>
                {RESPONSE_RESULT_LABELS[result]}
                <kbd className="result-option__key">{RESULT_SHORTCUTS[result].toUpperCase()}</kbd>
              </label>
            </div>
          );
        })}
      </fieldset>

      <div className="criterion-card__details">
        <fieldset className="usa-fieldset method-group" disabled={locked}>
          <legend className="criterion-card__small-legend">How it was verified</legend>
          {VerificationMethodSchema.options.map((method) => {
            const id = `method-${criterion.id}-${method}`;
            return (
              <div className="usa-checkbox method-option" key={method}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={id}
                  checked={shown.verificationMethods.includes(method)}
                  onChange={() => toggleMethod(method)}
                />
                <label className="usa-checkbox__label" htmlFor={id}>
                  {VERIFICATION_METHOD_LABELS[method]}
                </label>
              </div>
            );
          })}
        </fieldset>
        {sites && sites.length > 0 && (
          <div className="criterion-card__site">
            <label className="criterion-card__small-legend" htmlFor={`site-${criterion.id}`}>
              Verified at
            </label>
            <select
              className="usa-select usa-select--small"
              id={`site-${criterion.id}`}
              value={shown.siteId ?? ''}
              disabled={locked}
              onChange={(e) => void record(criterion.id, { siteId: e.target.value || null })}
            >
              <option value="">- No particular site -</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {shown.result === 'NOT_APPLICABLE' && (
        <div className="criterion-card__justification">
          <label className="usa-label" htmlFor={`na-${criterion.id}`}>
            Why {criterion.id} does not apply
            {criterion.level !== 'SHOULD' && (
              <span className="required-note"> (required: this is a Must criterion)</span>
            )}
          </label>
          <textarea
            className="usa-textarea"
            id={`na-${criterion.id}`}
            rows={2}
            maxLength={NOTES_MAX_LENGTH}
            value={justification.value}
            data-saved={justification.saved}
            disabled={locked}
            onChange={(e) => justification.onChange(e.target.value)}
            onBlur={justification.onBlur}
          />
        </div>
      )}

      <label className="usa-label criterion-card__notes-label" htmlFor={`notes-${criterion.id}`}>
        Notes for {criterion.id}
      </label>
      <textarea
        className="usa-textarea criterion-card__notes"
        id={`notes-${criterion.id}`}
        rows={2}
        maxLength={NOTES_MAX_LENGTH}
        value={notes.value}
        disabled={locked}
        data-saved={notes.saved}
        onChange={(e) => notes.onChange(e.target.value)}
        onBlur={notes.onBlur}
      />

      {returned && !returnedFindingShown && <ReturnedFindingNote findingId={returned.findingId} />}
      {findingAreaShown(shown.result, hasFinding === true) && (
        <FindingEditor validationId={validationId} criterion={criterion} locked={locked} />
      )}
      {criterion.checklists && criterion.checklists.length > 0 && (
        <ChecklistPanel validationId={validationId} criterion={criterion} locked={locked} />
      )}
      <details className="criterion-card__evidence" open={evidenceCount > 0}>
        <summary>
          Evidence for {criterion.id} ({evidenceCount})
        </summary>
        <EvidencePanel validationId={validationId} criterionId={criterion.id} findingId={null} locked={locked} />
      </details>
    </article>
  );
});
