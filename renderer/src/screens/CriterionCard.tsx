import { memo, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Criterion } from '../../../shared/catalog/schema';
import { NOTES_MAX_LENGTH, RESPONSE_RESULT_LABELS, ResponseResultSchema } from '../../../shared/domain/validation';
import { SaveIndicator } from '../components/SaveIndicator';
import { displayedResponse, useWorksheetStore } from '../state/worksheet-store';

const NOTES_SAVE_DELAY_MS = 700;

const LEVEL_LABEL = { MUST: 'Must', SHOULD: 'Should', MIXED: 'Must + Should' } as const;

function LevelTag({ level }: { level: keyof typeof LEVEL_LABEL }) {
  return <span className={`usa-tag level-tag level-tag--${level.toLowerCase()}`}>{LEVEL_LABEL[level]}</span>;
}

export const CriterionCard = memo(function CriterionCard({
  criterion,
  locked,
}: {
  criterion: Criterion;
  locked: boolean;
}) {
  const shown = useWorksheetStore(useShallow((s) => displayedResponse(s, criterion.id)));
  const saveState = useWorksheetStore((s) => s.saveStates[criterion.id]);
  const save = useWorksheetStore((s) => s.save);
  const savedNotes = useWorksheetStore((s) => s.responses[criterion.id]?.notes ?? '');
  const [notes, setNotes] = useState(shown.notes);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsavedNotes = useRef<string | null>(null);

  const flushNotes = () => {
    clearTimeout(timer.current);
    if (unsavedNotes.current !== null) {
      void save(criterion.id, { notes: unsavedNotes.current });
      unsavedNotes.current = null;
    }
  };
  // Leaving the category (unmount) must not lose what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush only on unmount
  useEffect(() => flushNotes, []);

  const onNotesChange = (value: string) => {
    setNotes(value);
    unsavedNotes.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flushNotes, NOTES_SAVE_DELAY_MS);
  };

  const headingId = `criterion-${criterion.id}-heading`;
  const groupName = `result-${criterion.id}`;
  return (
    <article
      className="criterion-card"
      aria-labelledby={headingId}
      data-criterion={criterion.id}
      data-testid="criterion-card"
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
        <span className="criterion-card__status">
          <SaveIndicator
            state={saveState}
            onRetry={() => saveState?.kind === 'error' && void save(criterion.id, saveState.retry)}
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
                onChange={() => void save(criterion.id, { result })}
              />
              <label className="usa-radio__label" htmlFor={id}>
                {RESPONSE_RESULT_LABELS[result]}
              </label>
            </div>
          );
        })}
      </fieldset>
      <label className="usa-label criterion-card__notes-label" htmlFor={`notes-${criterion.id}`}>
        Notes for {criterion.id}
      </label>
      <textarea
        className="usa-textarea criterion-card__notes"
        id={`notes-${criterion.id}`}
        rows={2}
        maxLength={NOTES_MAX_LENGTH}
        value={notes}
        disabled={locked}
        data-saved={notes === savedNotes}
        onChange={(e) => onNotesChange(e.target.value)}
        onBlur={flushNotes}
      />
    </article>
  );
});
