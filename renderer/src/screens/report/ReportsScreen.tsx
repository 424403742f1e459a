import { useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from '../../../../shared/domain/entity-types';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { WORKBOOK_STATUS_LABELS, type WorkbookStatus } from '../../../../shared/report/workbook-filter';
import { call, errorMessage } from '../../api';
import { ExportOutcome, ExportProgress } from './ExportStatus';
import { finishSave, type Outcome } from './save-outcome';

type Filter = RequestOf<'reports:workbook'>['filter'];
type Format = RequestOf<'reports:workbook'>['format'];
type Progress = { done: number; total: number };

const STATUSES = Object.entries(WORKBOOK_STATUS_LABELS) as [WorkbookStatus, string][];

/** The filters as typed: empty fields are "any". */
type Fields = { from: string; to: string; fieldOffice: string; status: '' | WorkbookStatus; entityType: string };
const NO_FILTER: Fields = { from: '', to: '', fieldOffice: '', status: '', entityType: '' };

function filterOf(f: Fields): Filter {
  return {
    ...(f.from ? { submittedFrom: f.from } : {}),
    ...(f.to ? { submittedTo: f.to } : {}),
    ...(f.fieldOffice.trim() ? { fieldOffice: f.fieldOffice.trim() } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.entityType ? { entityType: f.entityType as NonNullable<Filter['entityType']> } : {}),
  };
}

/**
 * The Reports area: the findings of many validations on this computer (a supervisor's are mostly pulled from HQ)
 * in one Excel workbook or CSV, filtered; a long export shows its progress and can be cancelled.
 */
export function ReportsScreen() {
  const [fields, setFields] = useState<Fields>(NO_FILTER);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [making, setMaking] = useState<Format | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => window.api.on('report:progress', (p) => setProgress(p)), []);

  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const save = async (format: Format) => {
    setOutcome(null);
    if (fields.from && fields.to && fields.from > fields.to) {
      setRangeError('The end of the date range is before its start.');
      return;
    }
    setRangeError(null);
    setMaking(format);
    try {
      const result = await call('reports:workbook', { filter: filterOf(fields), format });
      const counts =
        result.findings !== undefined && result.validations !== undefined
          ? ` (${result.findings} finding${result.findings === 1 ? '' : 's'} from ${result.validations} validation${
              result.validations === 1 ? '' : 's'
            })`
          : '';
      setOutcome(finishSave(result, counts));
    } catch (e) {
      setOutcome({ type: 'error', text: `Not saved: ${errorMessage(e)}`, warnings: [] });
    } finally {
      setMaking(null);
      setProgress(null);
    }
  };

  const busy = making !== null;
  return (
    <div className="grid-container screen reports-screen">
      <h1 tabIndex={-1}>Reports</h1>
      <p className="usa-intro">
        Each validation&rsquo;s own report is on its worksheet or review screen (<em>Report</em>). Here: the findings of
        many validations on this computer in one workbook.
      </p>
      <h2>Findings across validations</h2>
      <form className="usa-form usa-form--large reports-screen__filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Submitted between</legend>
          <div className={`reports-screen__range${rangeError ? ' usa-form-group--error' : ''}`}>
            <div>
              <label className="usa-label" htmlFor="workbook-from">
                From
              </label>
              <input className="usa-input" id="workbook-from" type="date" value={fields.from} onChange={set('from')} />
            </div>
            <div>
              <label className="usa-label" htmlFor="workbook-to">
                To
              </label>
              {rangeError && (
                <span className="usa-error-message" role="alert">
                  {rangeError}
                </span>
              )}
              <input
                className={`usa-input${rangeError ? ' usa-input--error' : ''}`}
                id="workbook-to"
                type="date"
                value={fields.to}
                onChange={set('to')}
                aria-invalid={rangeError ? true : undefined}
              />
            </div>
          </div>
        </fieldset>
        <label className="usa-label" htmlFor="workbook-office">
          Field office
        </label>
        <input
          className="usa-input"
          id="workbook-office"
          value={fields.fieldOffice}
          onChange={set('fieldOffice')}
          maxLength={200}
        />
        <label className="usa-label" htmlFor="workbook-status">
          Status
        </label>
        <select className="usa-select" id="workbook-status" value={fields.status} onChange={set('status')}>
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="workbook-entity">
          Entity type
        </label>
        <select className="usa-select" id="workbook-entity" value={fields.entityType} onChange={set('entityType')}>
          <option value="">Any entity type</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <ul className="usa-button-group reports-screen__actions">
          <li className="usa-button-group__item">
            <button type="button" className="usa-button" disabled={busy} onClick={() => void save('XLSX')}>
              Save findings as Excel
            </button>
          </li>
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={busy}
              onClick={() => void save('CSV')}
            >
              Save findings as CSV
            </button>
          </li>
        </ul>
      </form>
      <div aria-live="polite" data-testid="workbook-status">
        {busy && (
          <ExportProgress
            label={
              progress
                ? `Reading validation ${progress.done} of ${progress.total}`
                : 'Finding the validations that match'
            }
            {...(progress ? { progress } : {})}
          />
        )}
      </div>
      {outcome && <ExportOutcome outcome={outcome} testId="workbook-outcome" />}
    </div>
  );
}
