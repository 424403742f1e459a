import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../../shared/domain/entity-types';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { WORKBOOK_STATUS_LABELS, type WorkbookStatus } from '../../../../shared/report/workbook-filter';
import { call, errorMessage } from '../../api';
import { FieldError, fieldControl } from '../../components/FormField';
import { useDomainLabels } from '../../i18n/domain-labels';
import { isLanguage, type Language } from '../../i18n/languages';
import { ExportOutcome, ExportProgress, useSaveOutcome } from './ExportStatus';
import type { Outcome } from './save-outcome';

type Filter = RequestOf<'reports:workbook'>['filter'];
type Format = RequestOf<'reports:workbook'>['format'];
type Progress = { done: number; total: number };

/** The statuses a workbook can be filtered by (their names come from the catalogs). */
const STATUSES = Object.keys(WORKBOOK_STATUS_LABELS) as WorkbookStatus[];

/** The filters as typed: empty fields are "any". */
type Fields = { from: string; to: string; fieldOffice: string; status: '' | WorkbookStatus; entityType: string };
const NO_FILTER: Fields = { from: '', to: '', fieldOffice: '', status: '', entityType: '' };
/** The submitted dates are UTC days, as the workbook's Submitted column and HQ write them; the hint says so. */
const DATES_HINT_ID = 'workbook-dates-hint';

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
  const { t, i18n } = useTranslation();
  const labels = useDomainLabels();
  // The workbook is for CBP, written in the language of the person exporting (as the internal report is).
  const interfaceLanguage: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const saved = useSaveOutcome();
  const statusLabel = (status: WorkbookStatus) =>
    status === 'DRAFT' ? labels.status(status) : labels.workflowState(status);

  useEffect(() => window.api.on('report:progress', (p) => setProgress(p)), []);

  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const save = async (format: Format) => {
    setOutcome(null);
    if (fields.from && fields.to && fields.from > fields.to) {
      setRangeError(t('reports.workbook.rangeBackwards'));
      // To the field in error, as the other forms take the keyboard to what needs fixing.
      document.getElementById('workbook-to')?.focus();
      return;
    }
    setRangeError(null);
    setMaking(format);
    try {
      const result = await call('reports:workbook', { filter: filterOf(fields), format, interfaceLanguage });
      const counts =
        result.findings !== undefined && result.validations !== undefined
          ? t('reports.workbook.counts', {
              findings: t('reports.workbook.findings', { count: result.findings }),
              validations: t('reports.workbook.validations', { count: result.validations }),
            })
          : '';
      setOutcome(saved.finished(result, counts));
    } catch (e) {
      setOutcome(saved.failed(errorMessage(e)));
    } finally {
      setMaking(null);
      setProgress(null);
    }
  };

  const busy = making !== null;
  const toControl = fieldControl('workbook-to', { error: rangeError });
  return (
    <div className="grid-container screen reports-screen">
      <h1 tabIndex={-1}>{t('reports.workbook.title')}</h1>
      <p className="usa-intro">
        {t('reports.workbook.introBefore')}
        <em>{t('reports.workbook.introReport')}</em>
        {t('reports.workbook.introAfter')}
      </p>
      <h2>{t('reports.workbook.heading')}</h2>
      <form className="usa-form usa-form--large reports-screen__filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('reports.workbook.submittedBetween')}</legend>
          <p className="usa-hint" id={DATES_HINT_ID}>
            {t('reports.workbook.utcDays')}
          </p>
          <div className={`reports-screen__range${rangeError ? ' usa-form-group--error' : ''}`}>
            <div>
              <label className="usa-label" htmlFor="workbook-from">
                {t('reports.workbook.from')}
              </label>
              <input
                className="usa-input"
                id="workbook-from"
                type="date"
                value={fields.from}
                onChange={set('from')}
                aria-describedby={DATES_HINT_ID}
              />
            </div>
            <div>
              <label className="usa-label" htmlFor="workbook-to">
                {t('reports.workbook.to')}
              </label>
              {rangeError && <FieldError id="workbook-to">{rangeError}</FieldError>}
              <input
                className="usa-input"
                type="date"
                value={fields.to}
                onChange={set('to')}
                {...toControl}
                aria-describedby={[toControl['aria-describedby'], DATES_HINT_ID].filter(Boolean).join(' ')}
              />
            </div>
          </div>
        </fieldset>
        <label className="usa-label" htmlFor="workbook-office">
          {t('reports.workbook.fieldOffice')}
        </label>
        <input
          className="usa-input"
          id="workbook-office"
          value={fields.fieldOffice}
          onChange={set('fieldOffice')}
          maxLength={200}
        />
        <label className="usa-label" htmlFor="workbook-status">
          {t('reports.workbook.status')}
        </label>
        <select className="usa-select" id="workbook-status" value={fields.status} onChange={set('status')}>
          <option value="">{t('reports.workbook.anyStatus')}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="workbook-entity">
          {t('reports.workbook.entityType')}
        </label>
        <select className="usa-select" id="workbook-entity" value={fields.entityType} onChange={set('entityType')}>
          <option value="">{t('reports.workbook.anyEntityType')}</option>
          {ENTITY_TYPES.map((code) => (
            <option key={code} value={code}>
              {labels.entityType(code)}
            </option>
          ))}
        </select>
        <p className="usa-hint reports-screen__language" data-testid="workbook-language">
          {t('reports.workbook.language', { language: t(`reports.report.languageName.${interfaceLanguage}`) })}
        </p>
        <ul className="usa-button-group reports-screen__actions">
          <li className="usa-button-group__item">
            <button type="button" className="usa-button" disabled={busy} onClick={() => void save('XLSX')}>
              {t('reports.workbook.saveExcel')}
            </button>
          </li>
          <li className="usa-button-group__item">
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={busy}
              onClick={() => void save('CSV')}
            >
              {t('reports.workbook.saveCsv')}
            </button>
          </li>
        </ul>
      </form>
      <div aria-live="polite" data-testid="workbook-status">
        {busy && (
          <ExportProgress
            label={
              progress
                ? t('reports.workbook.reading', { done: progress.done, total: progress.total })
                : t('reports.workbook.finding')
            }
            {...(progress ? { progress } : {})}
          />
        )}
      </div>
      {outcome && <ExportOutcome outcome={outcome} testId="workbook-outcome" />}
    </div>
  );
}
