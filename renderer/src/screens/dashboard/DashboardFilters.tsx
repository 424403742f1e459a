import { useEffect, useState } from 'react';
import type { AnalyticsFilters } from '../../../../shared/analytics/filters';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from '../../../../shared/domain/entity-types';
import { VALIDATION_MODE_LABELS } from '../../../../shared/domain/validation';

type Fields = Required<Record<keyof AnalyticsFilters, string>>;
const EMPTY: Fields = { submittedFrom: '', submittedTo: '', entityType: '', mode: '', fieldOffice: '', edition: '' };

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
  // The address is the truth: back/forward or a pasted link resets what the form shows.
  useEffect(() => setFields(fieldsOf(filters)), [filters]);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const error = (key: keyof Fields) =>
    errors[key] ? (
      <span className="usa-error-message" id={`dashboard-${key}-error`} role="alert">
        {errors[key]}
      </span>
    ) : null;
  const described = (key: keyof Fields) =>
    errors[key] ? { 'aria-invalid': true, 'aria-describedby': `dashboard-${key}-error` } : {};
  const group = (key: keyof Fields) => `dashboard-filters__field${errors[key] ? ' usa-form-group--error' : ''}`;

  return (
    <form
      className="usa-form dashboard-filters"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(filtersOf(fields));
      }}
    >
      <div className={group('submittedFrom')}>
        <label className="usa-label" htmlFor="dashboard-submittedFrom">
          Submitted from
        </label>
        {error('submittedFrom')}
        <input
          className="usa-input"
          id="dashboard-submittedFrom"
          type="date"
          value={fields.submittedFrom}
          onChange={set('submittedFrom')}
          {...described('submittedFrom')}
        />
      </div>
      <div className={group('submittedTo')}>
        <label className="usa-label" htmlFor="dashboard-submittedTo">
          Submitted to
        </label>
        {error('submittedTo')}
        <input
          className="usa-input"
          id="dashboard-submittedTo"
          type="date"
          value={fields.submittedTo}
          onChange={set('submittedTo')}
          {...described('submittedTo')}
        />
      </div>
      <div className={group('entityType')}>
        <label className="usa-label" htmlFor="dashboard-entityType">
          Entity type
        </label>
        {error('entityType')}
        <select
          className="usa-select"
          id="dashboard-entityType"
          value={fields.entityType}
          onChange={set('entityType')}
          {...described('entityType')}
        >
          <option value="">Any</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className={group('mode')}>
        <label className="usa-label" htmlFor="dashboard-mode">
          In person or virtual
        </label>
        {error('mode')}
        <select
          className="usa-select"
          id="dashboard-mode"
          value={fields.mode}
          onChange={set('mode')}
          {...described('mode')}
        >
          <option value="">Both</option>
          {Object.entries(VALIDATION_MODE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className={group('fieldOffice')}>
        <label className="usa-label" htmlFor="dashboard-fieldOffice">
          Field office
        </label>
        {error('fieldOffice')}
        <input
          className="usa-input"
          id="dashboard-fieldOffice"
          value={fields.fieldOffice}
          maxLength={200}
          onChange={set('fieldOffice')}
          {...described('fieldOffice')}
        />
      </div>
      <div className={group('edition')}>
        <label className="usa-label" htmlFor="dashboard-edition">
          MSC edition
        </label>
        {error('edition')}
        <select
          className="usa-select"
          id="dashboard-edition"
          value={fields.edition}
          onChange={set('edition')}
          {...described('edition')}
        >
          <option value="">Any</option>
          {[...new Set([...editions, ...(fields.edition ? [fields.edition] : [])])].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <div className="dashboard-filters__actions">
        <button type="submit" className="usa-button">
          Apply filters
        </button>
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => {
            setFields(EMPTY);
            onApply({});
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
