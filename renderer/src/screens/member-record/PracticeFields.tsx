import { useTranslation } from 'react-i18next';
import { BEST_PRACTICE_REQUIREMENTS } from '../../../../shared/domain/member-record/events';
import { FormField } from '../../components/FormField';
import type { Practice } from './ChangePanel';

/**
 * The best practices behind a Tier 3, each with the five requirements of CBP's framework to tick: the main
 * process refuses Tier 3 unless one practice meets all five.
 */
export function PracticeFields({
  practices,
  onChange,
  errors,
}: {
  practices: Practice[];
  onChange: (next: Practice[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (index: number, next: Practice) => onChange(practices.map((p, i) => (i === index ? next : p)));
  return (
    <div className="member-record__practices-form">
      {errors.bestPractices && (
        <span className="usa-error-message" role="alert">
          {errors.bestPractices}
        </span>
      )}
      {practices.map((practice, index) => {
        const id = `record-practice-${index}`;
        const error = errors[`bestPractices.${index}.description`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: practices have no id; their order is what the person sees
          <fieldset className="usa-fieldset member-record__group" key={index}>
            <legend className="usa-legend">
              {t('memberRecord.change.fields.practiceLegend', { number: index + 1 })}
            </legend>
            <FormField id={id} label={t('memberRecord.change.fields.practiceDescription')} error={error}>
              {(control) => (
                <textarea
                  className="usa-textarea member-record__textarea"
                  rows={2}
                  value={practice.description}
                  onChange={(e) => update(index, { ...practice, description: e.target.value })}
                  {...control}
                />
              )}
            </FormField>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend usa-legend--small">{t('memberRecord.change.fields.practiceMeets')}</legend>
              <div className="member-record__requirements">
                {BEST_PRACTICE_REQUIREMENTS.map((r) => (
                  <div className="usa-checkbox" key={r}>
                    <input
                      className="usa-checkbox__input"
                      type="checkbox"
                      id={`${id}-${r}`}
                      checked={practice.meets.includes(r)}
                      onChange={(e) =>
                        update(index, {
                          ...practice,
                          meets: e.target.checked ? [...practice.meets, r] : practice.meets.filter((m) => m !== r),
                        })
                      }
                    />
                    <label className="usa-checkbox__label" htmlFor={`${id}-${r}`}>
                      {t(`memberRecord.change.requirement.${r}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => onChange([...practices, { description: '', meets: [] }])}
      >
        {t('memberRecord.change.fields.addPractice')}
      </button>
    </div>
  );
}
