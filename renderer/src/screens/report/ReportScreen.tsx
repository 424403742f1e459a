import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { isLanguage, type Language } from '../../i18n/languages';
import { ExportOutcome, ExportProgress, useSaveOutcome } from './ExportStatus';
import { translateWarning } from './report-warnings';
import type { Outcome } from './save-outcome';

type Audience = RequestOf<'reports:preview'>['audience'];
type Format = RequestOf<'reports:export'>['format'];
type Preview = ResponseOf<'reports:preview'>;

const AUDIENCES: Audience[] = ['MEMBER', 'INTERNAL'];
const FORMATS: Format[] = ['PDF', 'DOCX', 'XLSX', 'CSV'];

/** A validation's report: choose the audience, read the preview (the PDF's own HTML), save it in a format. */
export function ReportScreen({ validationId }: { validationId: string }) {
  const [audience, setAudience] = useState<Audience>('MEMBER');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [making, setMaking] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const groupId = useId();
  const { t, i18n } = useTranslation();
  const saved = useSaveOutcome();
  // The internal report is written in the interface's language; the Member's, in the Member's own (main decides).
  const interfaceLanguage: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const [memberLanguage, setMemberLanguage] = useState<Language | null>(null);

  useEffect(() => {
    let live = true;
    setPreview(null);
    setLoadError(null);
    call('reports:preview', { validationId, audience, interfaceLanguage }).then(
      (answer) => {
        if (!live) return;
        setPreview(answer);
        setMemberLanguage(answer.memberLanguage);
      },
      (e: unknown) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [validationId, audience, interfaceLanguage]);

  const languageNote = (a: Audience) => {
    const language = a === 'MEMBER' ? memberLanguage : interfaceLanguage;
    if (language === null) return t('reports.report.memberLanguagePending');
    return t(`reports.report.language.${a}`, { language: t(`reports.report.languageName.${language}`) });
  };

  const save = useCallback(
    async (format: Format) => {
      setMaking(format);
      setOutcome(null);
      try {
        setOutcome(saved.finished(await call('reports:export', { validationId, audience, format, interfaceLanguage })));
      } catch (e) {
        setOutcome(saved.failed(errorMessage(e)));
      } finally {
        setMaking(null);
      }
    },
    [validationId, audience, interfaceLanguage, saved],
  );

  const makingLabel = making ? t(`reports.report.format.${making}.making`) : undefined;
  return (
    <div className="grid-container-widescreen screen report-screen">
      <p className="report-screen__back">
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => window.history.back()}>
          <span aria-hidden="true">← </span>
          {t('reports.report.back')}
        </button>
      </p>
      <h1 tabIndex={-1}>
        {preview ? t('reports.report.titleOf', { member: preview.memberName }) : t('reports.report.title')}
      </h1>
      <div className="report-screen__controls">
        <fieldset className="usa-fieldset report-screen__audience">
          <legend className="usa-legend">{t('reports.report.audienceLegend')}</legend>
          {AUDIENCES.map((a) => (
            <div className="usa-radio" key={a}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                id={`${groupId}-${a}`}
                type="radio"
                name={`${groupId}-audience`}
                value={a}
                checked={audience === a}
                disabled={making !== null}
                onChange={() => {
                  setAudience(a);
                  setOutcome(null);
                }}
              />
              <label className="usa-radio__label" htmlFor={`${groupId}-${a}`}>
                {t(`reports.report.audience.${a}.label`)}
                <span className="usa-checkbox__label-description">{t(`reports.report.audience.${a}.hint`)}</span>
                <span className="usa-checkbox__label-description" data-testid={`report-language-${a}`}>
                  {languageNote(a)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="report-screen__formats">
          <p className="usa-legend">{t('reports.report.saveIt')}</p>
          <ul className="usa-button-group">
            {FORMATS.map((f) => (
              <li className="usa-button-group__item" key={f}>
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  disabled={making !== null || preview === null}
                  onClick={() => void save(f)}
                >
                  {t(`reports.report.format.${f}.label`)}
                </button>
              </li>
            ))}
          </ul>
          {preview && (
            <p className="usa-hint" data-testid="report-marking">
              {t('reports.report.markedBefore')}
              <strong>{preview.marking}</strong>
              {t('reports.report.markedAfter')}
            </p>
          )}
          <div aria-live="polite" data-testid="report-status">
            {makingLabel && <ExportProgress label={makingLabel} />}
          </div>
          {outcome && <ExportOutcome outcome={outcome} testId="report-outcome" />}
        </div>
      </div>
      {loadError && <Alert type="error">{t('reports.report.loadFailed', { error: loadError })}</Alert>}
      {preview?.draft && <Alert type="warning">{t('reports.report.draft')}</Alert>}
      {preview && preview.warnings.length > 0 && (
        <Alert type="warning">
          {t('reports.report.previewLeftOut')}
          <ul data-testid="preview-warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{translateWarning(w)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview ? (
        <iframe
          className="report-screen__preview"
          title={t(`reports.report.preview.${audience}`)}
          // No scripts, no forms, no navigation: the report is a document to read.
          sandbox=""
          srcDoc={preview.html}
          data-testid="report-preview"
        />
      ) : (
        !loadError && <p aria-live="polite">{t('reports.report.preparing')}</p>
      )}
    </div>
  );
}
