import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../../shared/catalog/schema';
import type { ResponseResult } from '../../../../../shared/domain/validation';
import { formatDate } from '../../../components/format';
import { SaveIndicator } from '../../../components/SaveIndicator';
import { useWorksheetStore } from '../../../state/worksheet-store';

export function LevelTag({ level }: { level: Criterion['level'] }) {
  const { t } = useTranslation();
  return <span className={`usa-tag level-tag level-tag--${level.toLowerCase()}`}>{t(`domain.level.${level}`)}</span>;
}

function PreviousResult({ criterionId, current }: { criterionId: string; current: ResponseResult | null }) {
  const { t } = useTranslation();
  const previous = useWorksheetStore((s) => s.worksheet?.previousResults.find((p) => p.criterionId === criterionId));
  if (!previous?.result) return null;
  const repeat = previous.result === 'DEFICIENT' && current === 'DEFICIENT';
  return (
    <>
      <span
        className="usa-tag previous-tag"
        title={t('worksheet.criterion.previousTitle', { date: formatDate(previous.scheduledDate) })}
      >
        {t('worksheet.criterion.lastValidation', { result: t(`domain.result.${previous.result}`) })}
      </span>
      {repeat && (
        <span className="usa-tag repeat-tag" data-testid="repeat-deficiency">
          {t('worksheet.criterion.repeat')}
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
  const { t } = useTranslation();
  const returned = useReturnedFinding(criterion.id);
  return (
    <>
      <LevelTag level={criterion.level} />
      {!criterion.verified && (
        <span className="usa-tag unverified-tag" title={t('worksheet.criterion.unverifiedTitle')}>
          {t('worksheet.criterion.unverified')}
        </span>
      )}
      <PreviousResult criterionId={criterion.id} current={result} />
      {returned && (
        <span className="usa-tag returned-marker" data-testid="returned-marker">
          {returned.decision === 'NON_CONCUR'
            ? t('worksheet.criterion.notConcurred')
            : t('worksheet.criterion.returned')}
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
