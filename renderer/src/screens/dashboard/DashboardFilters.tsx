import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../../../shared/analytics/filters';
import { ENTITY_TYPES } from '../../../../shared/domain/entity-types';
import { ValidationModeSchema } from '../../../../shared/domain/validation';
import { type FieldControl, FieldError, fieldControl } from '../../components/FormField';
import { useDomainLabels } from '../../i18n/domain-labels';

type Fields = Required<Record<keyof AnalyticsFilters, string>>;
const EMPTY: Fields = { submittedFrom: '', submittedTo: '', entityType: '', mode: '', fieldOffice: '', edition: '' };

type ControlProps = FieldControl & { value: string; onChange: (e: { target: { value: string } }) => void };

const fieldsOf = (filters: AnalyticsFilters): Fields => ({ ...EMPTY, ...filters }) as Fields;

function filtersOf(fields: Fields): AnalyticsFilters {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value.trim()) out[key] = value.trim();
  return out as AnalyticsFilters;
}

/**
 * The filters every view takes. Applied together (one new address) rather than on each keystroke, so a
 * half-typed date never asks for figures; `errors` names the field a refused value is in.
 */
export function DashboardFilters({
  filters,
  editions,
  errors,
  onApply,
}: {
  filters: AnalyticsFilters;
  editions: string[];
  errors: Partial<Record<keyof AnalyticsFilters, string>>;
  onApply: (filters: AnalyticsFilters) => void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(filters));
  const { t } = useTranslation();
  const labels = useDomainLabels();
  // The address is the truth: back/forward or a pasted link resets what the form shows.
  useEffect(() => setFields(fieldsOf(filters)), [filters]);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  /** One filter: its label, the reason a value was refused (announced, and tied to the control), the control. */
  const field = (key: keyof Fields, label: string, control: (props: ControlProps) => ReactNode) => (
    // A grid cell, not a FormField: usa-form-group's margins would push the filters off one row.
    <div className={`dashboard-filters__field${errors[key] ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={`dashboard-${key}`}>
        {label}
      </label>
      {errors[key] && <FieldError id={`dashboard-${key}`}>{errors[key]}</FieldError>}
      {control({ ...fieldControl(`dashboard-${key}`, { error: errors[key] }), value: fields[key], onChange: set(key) })}
    </div>
  );

  return (
    <form
      className="usa-form dashboard-filters"
      aria-label={t('reports.dashboard.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(filtersOf(fields));
      }}
    >
      {field('submittedFrom', t('reports.dashboard.filters.submittedFrom'), (p) => (
        <input className="usa-input" type="date" {...p} />
      ))}
      {field('submittedTo', t('reports.dashboard.filters.submittedTo'), (p) => (
        <input className="usa-input" type="date" {...p} />
      ))}
      {field('entityType', t('reports.dashboard.filters.entityType'), (p) => (
        <select className="usa-select" {...p}>
          <option value="">{t('reports.dashboard.filters.any')}</option>
          {ENTITY_TYPES.map((code) => (
            <option key={code} value={code}>
              {labels.entityType(code)}
            </option>
          ))}
        </select>
      ))}
      {field('mode', t('reports.dashboard.filters.mode'), (p) => (
        <select className="usa-select" {...p}>
          <option value="">{t('reports.dashboard.filters.both')}</option>
          {ValidationModeSchema.options.map((value) => (
            <option key={value} value={value}>
              {labels.mode(value)}
            </option>
          ))}
        </select>
      ))}
      {field('fieldOffice', t('reports.dashboard.filters.fieldOffice'), (p) => (
        <input className="usa-input" maxLength={200} {...p} />
      ))}
      {field('edition', t('reports.dashboard.filters.edition'), (p) => (
        <select className="usa-select" {...p}>
          <option value="">{t('reports.dashboard.filters.any')}</option>
          {[...new Set([...editions, ...(fields.edition ? [fields.edition] : [])])].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      ))}
      <div className="dashboard-filters__actions">
        <button type="submit" className="usa-button">
          {t('reports.dashboard.filters.apply')}
        </button>
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => {
            setFields(EMPTY);
            onApply({});
          }}
        >
          {t('reports.dashboard.filters.clear')}
        </button>
      </div>
    </form>
  );
}
