import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportResult } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { Alert } from '../../components/Alert';
import { translateWarning } from './report-warnings';
import { finishSave, type Outcome } from './save-outcome';

/** An export under way: what it is doing, a progress bar (determinate once a count is known) and Cancel. */
export function ExportProgress({ label, progress }: { label: string; progress?: { done: number; total: number } }) {
  const { t } = useTranslation();
  return (
    <div className="report-screen__making">
      <span>{label}…</span>
      <progress
        aria-label={label}
        {...(progress && progress.total > 0 ? { value: progress.done, max: progress.total } : {})}
      />
      <button
        type="button"
        className="usa-button usa-button--unstyled"
        onClick={() => void call('reports:cancel', {}).catch(() => undefined)}
      >
        {t('reports.export.cancel')}
      </button>
    </div>
  );
}

/** How the last save went, and what had to be left out of the file. */
export function ExportOutcome({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert type={outcome.type}>
      <span data-testid={testId}>{outcome.text}</span>
      {outcome.warnings.length > 0 && (
        <>
          {' '}
          {t('reports.export.leftOut')}
          <ul data-testid={`${testId}-warnings`}>
            {outcome.warnings.map((w) => (
              <li key={w}>{translateWarning(w)}</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

/**
 * Finishes a save (a download in the harness) and says how it went in the interface's language; `detail`
 * follows the file name. A save that failed says so with the main process's own message.
 */
export function useSaveOutcome() {
  const { t } = useTranslation();
  const finished = useCallback(
    (result: ReportExportResult, detail = ''): Outcome => {
      const outcome = finishSave(result);
      switch (result.status) {
        case 'cancelled':
          return { ...outcome, text: t('reports.export.cancelled') };
        case 'saved':
          return {
            ...outcome,
            text: t('reports.export.saved', { fileName: result.fileName, detail, path: result.path }),
          };
        case 'download':
          return { ...outcome, text: t('reports.export.downloaded', { fileName: result.fileName, detail }) };
      }
    },
    [t],
  );
  const failed = useCallback(
    (error: string): Outcome => ({ type: 'error', text: t('reports.export.notSaved', { error }), warnings: [] }),
    [t],
  );
  return { finished, failed };
}
