import type { Criterion } from '../../../../../shared/catalog/schema';
import { RESPONSE_RESULT_LABELS, type ResponseResult } from '../../../../../shared/domain/validation';
import { formatDate } from '../../../components/format';
import { SaveIndicator } from '../../../components/SaveIndicator';
import { useWorksheetStore } from '../../../state/worksheet-store';

const LEVEL_LABEL = { MUST: 'Must', SHOULD: 'Should', MIXED: 'Must + Should' } as const;

export function LevelTag({ level }: { level: keyof typeof LEVEL_LABEL }) {
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

/** The criterion's summary and, for a Must + Should one, each sub-requirement with its level. */
export function CriterionText({ criterion }: { criterion: Criterion }) {
  return (
    <>
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
    </>
  );
}

/** The finding the field office sent back on this criterion, if any. */
export const useReturnedFinding = (criterionId: string) =>
  useWorksheetStore((s) => s.worksheet?.lifecycle.returned?.findings.find((f) => f.criterionId === criterionId));

/** The level, unverified, last-validation and returned tags shown beside a criterion's id. */
export function CriterionTags({ criterion, result }: { criterion: Criterion; result: ResponseResult | null }) {
  const returned = useReturnedFinding(criterion.id);
  return (
    <>
      <LevelTag level={criterion.level} />
      {!criterion.verified && (
        <span
          className="usa-tag unverified-tag"
          title="This row has not yet been checked against CBP's published MSC for every entity type."
        >
          Unverified
        </span>
      )}
      <PreviousResult criterionId={criterion.id} current={result} />
      {returned && (
        <span className="usa-tag returned-marker" data-testid="returned-marker">
          {returned.decision === 'NON_CONCUR' ? 'Finding not concurred' : 'Finding returned'}
        </span>
      )}
    </>
  );
}

/** "Saving…", "Saved 2:05 PM" or the error with Try again, for one criterion's answer. */
export function CriterionSaveState({ criterionId, compact = false }: { criterionId: string; compact?: boolean }) {
  const saveState = useWorksheetStore((s) => s.saveStates[criterionId]);
  const save = useWorksheetStore((s) => s.save);
  return (
    <SaveIndicator
      compact={compact}
      state={saveState}
      onRetry={() => saveState?.kind === 'error' && saveState.retry && void save(criterionId, saveState.retry)}
    />
  );
}
