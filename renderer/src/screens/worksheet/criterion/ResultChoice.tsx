import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../../shared/catalog/schema';
import { type ResponseResult, ResponseResultSchema } from '../../../../../shared/domain/validation';
import { rovingRadio } from '../../../components/rovingRadio';
import { useWorksheetStore } from '../../../state/worksheet-store';

/** Keyboard shortcut for each result, shown beside its button and announced as the button's shortcut. */
export const RESULT_SHORTCUTS: Record<ResponseResult, string> = {
  COMPLIANT: 'c',
  DEFICIENT: 'd',
  NOT_APPLICABLE: 'n',
  NOT_VERIFIED: 'v',
};

/**
 * The four result buttons. Each is named by its result alone ("Compliant"); the key is announced through
 * aria-keyshortcuts and shown beside the label, hidden from the name.
 */
export function ResultChoice({
  criterion,
  result,
  locked,
  compact = false,
}: {
  criterion: Criterion;
  result: ResponseResult | null;
  locked: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const record = useWorksheetStore((s) => s.record);
  const setExpanded = useWorksheetStore((s) => s.setExpanded);
  // A compact row opens when the result needs more: the finding of a Deficient, the reason a Must does not apply.
  const opensDetails = (option: ResponseResult) =>
    option === 'DEFICIENT' || (option === 'NOT_APPLICABLE' && criterion.level !== 'SHOULD');
  const groupName = `result-${criterion.id}`;
  // One Tab stop per criterion: focusing a result makes its card the active one, a re-render that left to itself gave
  // an unanswered group two stops in Chromium.
  const tabIndexOf = rovingRadio(ResponseResultSchema.options, result);
  return (
    <fieldset className={`usa-fieldset result-group${compact ? ' result-group--compact' : ''}`} disabled={locked}>
      <legend className="usa-sr-only">{t('worksheet.criterion.resultFor', { id: criterion.id })}</legend>
      {ResponseResultSchema.options.map((option) => {
        const id = `${groupName}-${option}`;
        return (
          <div className={`usa-radio result-option result-option--${option.toLowerCase()}`} key={option}>
            <input
              className="usa-radio__input usa-radio__input--tile"
              type="radio"
              id={id}
              name={groupName}
              value={option}
              checked={result === option}
              tabIndex={tabIndexOf(option)}
              aria-keyshortcuts={RESULT_SHORTCUTS[option].toUpperCase()}
              onChange={() => {
                if (compact && opensDetails(option)) setExpanded(criterion.id, true);
                void record(criterion.id, { result: option });
              }}
            />
            <label className="usa-radio__label" htmlFor={id}>
              {t(`domain.result.${option}`)}
              <span className="result-option__key" aria-hidden="true">
                {RESULT_SHORTCUTS[option].toUpperCase()}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
