import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../i18n/messages';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { formatTime } from './format';

/** The header's Sync button with what is waiting, what went wrong, when HQ last took everything, and a progress bar. */
export function SyncControl() {
  const { status, syncing, error, progress, refresh, refreshStatus, syncNow, listen } = useSyncStore();
  const lastSavedAt = useWorksheetStore((s) => s.lastSavedAt);
  const validationStatus = useWorksheetStore((s) => s.worksheet?.validation.status);
  const openValidationId = useWorksheetStore((s) => s.worksheet?.validation.id);
  const { t } = useTranslation();
  useEffect(() => {
    void refresh();
    return listen();
  }, [refresh, listen]);
  // Every saved change is one more to send: keep the count current.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when a save or a submit lands
  useEffect(() => {
    void refreshStatus(openValidationId);
  }, [refreshStatus, lastSavedAt, validationStatus, openValidationId]);

  if (!status) return null;
  if (!status.enrolled) {
    return (
      <a className="usa-link sync-control__enrol" href={routeHref({ name: 'settings' })}>
        {status.unreadableEnrolment ? t('sync.enrolmentUnreadable') : t('sync.notConnected')}
      </a>
    );
  }
  // A background sync (no button pressed) between two progress events is still running: never "Synced at" then.
  const running = syncing || progress !== null || status.state === 'syncing';
  const summary = running
    ? t('sync.syncing')
    : error
      ? t('sync.failed', { error: error(t) })
      : status.handBackOf
        ? t('sync.handBackWaiting', { name: status.handBackOf })
        : status.state === 'needs-enrolment'
          ? t('sync.needsEnrolment')
          : status.refused > 0
            ? t('sync.refused', { count: status.refused })
            : status.pending > 0
              ? t('sync.pending', { count: status.pending })
              : status.state === 'error' && status.lastError
                ? t('sync.lastFailed', {
                    error: translateMessage({ message: status.lastError, ...status.lastErrorMessage }),
                  })
                : status.lastSuccessAt
                  ? t('sync.syncedAt', { time: formatTime(status.lastSuccessAt) })
                  : t('sync.nothingToSend');
  return (
    <div className="sync-control">
      <span className="sync-control__status" role="status" data-testid="sync-status">
        {summary}
        {!running && status.refused > 0 && (
          <>
            {' '}
            <a className="usa-link" href={`${routeHref({ name: 'settings' })}`}>
              {t('sync.review')}
            </a>
          </>
        )}
      </span>
      {progress && progress.total > 0 && (
        <span className="sync-control__progress">
          <label htmlFor="sync-progress" className="sync-control__progress-label">
            {t(`sync.phase.${progress.phase}`)}
          </label>
          <progress
            id="sync-progress"
            data-testid="sync-progress"
            max={progress.total}
            value={progress.done}
            aria-valuetext={progressText(t, progress.phase, progress.done, progress.total)}
          />
        </span>
      )}
      <button
        type="button"
        className="usa-button usa-button--outline usa-button--small"
        disabled={running}
        onClick={() => void syncNow()}
      >
        {t('sync.sync')}
      </button>
    </div>
  );
}

const progressText = (t: TFunction, phase: string, done: number, total: number): string =>
  phase === 'evidence'
    ? t('sync.evidenceProgress', { percent: Math.round((done / Math.max(total, 1)) * 100) })
    : t('sync.progress', { done, total });
