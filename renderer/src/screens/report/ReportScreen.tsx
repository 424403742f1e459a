import { useCallback, useEffect, useId, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { ExportOutcome, ExportProgress } from './ExportStatus';
import { finishSave, type Outcome } from './save-outcome';

type Audience = RequestOf<'reports:preview'>['audience'];
type Format = RequestOf<'reports:export'>['format'];
type Preview = ResponseOf<'reports:preview'>;

const AUDIENCES: { value: Audience; label: string; hint: string }[] = [
  {
    value: 'MEMBER',
    label: 'Member-facing report',
    hint: 'What the Member must act on: findings, photos, best practices and what to send back by when.',
  },
  {
    value: 'INTERNAL',
    label: 'Internal report (CBP only)',
    hint: 'Everything, plus notes, verification, session log, checklists, reviews, evidence manifest and signature.',
  },
];

const FORMATS: { value: Format; label: string; making: string }[] = [
  { value: 'PDF', label: 'Save as PDF', making: 'Making the PDF' },
  { value: 'DOCX', label: 'Save as Word', making: 'Making the Word document' },
  { value: 'XLSX', label: 'Save as Excel', making: 'Making the Excel workbook' },
  { value: 'CSV', label: 'Save findings as CSV', making: 'Making the CSV of findings' },
];

/** A validation's report: choose the audience, read the preview (the PDF's own HTML), save it in a format. */
export function ReportScreen({ validationId }: { validationId: string }) {
  const [audience, setAudience] = useState<Audience>('MEMBER');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [making, setMaking] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const groupId = useId();

  useEffect(() => {
    let live = true;
    setPreview(null);
    setLoadError(null);
    call('reports:preview', { validationId, audience }).then(
      (answer) => live && setPreview(answer),
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [validationId, audience]);

  const save = useCallback(
    async (format: Format) => {
      setMaking(format);
      setOutcome(null);
      try {
        setOutcome(finishSave(await call('reports:export', { validationId, audience, format })));
      } catch (e) {
        setOutcome({ type: 'error', text: `Not saved: ${errorMessage(e)}`, warnings: [] });
      } finally {
        setMaking(null);
      }
    },
    [validationId, audience],
  );

  const makingLabel = FORMATS.find((f) => f.value === making)?.making;
  return (
    <div className="grid-container-widescreen screen report-screen">
      <p className="report-screen__back">
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => window.history.back()}>
          <span aria-hidden="true">← </span>Back to the validation
        </button>
      </p>
      <h1 tabIndex={-1}>Report{preview ? `: ${preview.memberName}` : ''}</h1>
      <div className="report-screen__controls">
        <fieldset className="usa-fieldset report-screen__audience">
          <legend className="usa-legend">Who is it for?</legend>
          {AUDIENCES.map((a) => (
            <div className="usa-radio" key={a.value}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                id={`${groupId}-${a.value}`}
                type="radio"
                name={`${groupId}-audience`}
                value={a.value}
                checked={audience === a.value}
                disabled={making !== null}
                onChange={() => {
                  setAudience(a.value);
                  setOutcome(null);
                }}
              />
              <label className="usa-radio__label" htmlFor={`${groupId}-${a.value}`}>
                {a.label}
                <span className="usa-checkbox__label-description">{a.hint}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="report-screen__formats">
          <p className="usa-legend">Save it</p>
          <ul className="usa-button-group">
            {FORMATS.map((f) => (
              <li className="usa-button-group__item" key={f.value}>
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={making !== null || preview === null}
                  onClick={() => void save(f.value)}
                >
                  {f.label}
                </button>
              </li>
            ))}
          </ul>
          {preview && (
            <p className="usa-hint" data-testid="report-marking">
              Every page is marked <strong>{preview.marking}</strong> (change it in Settings).
            </p>
          )}
          <div aria-live="polite" data-testid="report-status">
            {makingLabel && <ExportProgress label={makingLabel} />}
          </div>
          {outcome && <ExportOutcome outcome={outcome} testId="report-outcome" />}
        </div>
      </div>
      {loadError && <Alert type="error">The report could not be made: {loadError}</Alert>}
      {preview?.draft && (
        <Alert type="warning">This validation is not submitted yet: every page of its report is marked DRAFT.</Alert>
      )}
      {preview && preview.warnings.length > 0 && (
        <Alert type="warning">
          Left out of the preview:
          <ul data-testid="preview-warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview ? (
        <iframe
          className="report-screen__preview"
          title={`Preview of the ${audience === 'MEMBER' ? 'Member-facing' : 'internal'} report`}
          // No scripts, no forms, no navigation: the report is a document to read.
          sandbox=""
          srcDoc={preview.html}
          data-testid="report-preview"
        />
      ) : (
        !loadError && <p aria-live="polite">Preparing the preview…</p>
      )}
    </div>
  );
}
