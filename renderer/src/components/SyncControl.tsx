import { useEffect } from 'react';
import { routeHref } from '../state/route';
import { SYNC_PHASE_LABELS, useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { formatTime } from './format';

/** The header's Sync button with what is waiting, what went wrong, when HQ last took everything, and a progress bar. */
export function SyncControl() {
  const { status, syncing, error, progress, refresh, refreshStatus, syncNow, listen } = useSyncStore();
  const lastSavedAt = useWorksheetStore((s) => s.lastSavedAt);
  const validationStatus = useWorksheetStore((s) => s.worksheet?.validation.status);
  useEffect(() => {
    void refresh();
    return listen();
  }, [refresh, listen]);
  // Every saved change is one more to send: keep the count current.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when a save or a submit lands
  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus, lastSavedAt, validationStatus]);

  if (!status) return null;
  if (!status.enrolled) {
    return (
      <a className="usa-link sync-control__enrol" href={routeHref({ name: 'settings' })}>
        Not connected to HQ
      </a>
    );
  }
  // A background sync (no button pressed) between two progress events is still running: never "Synced at" then.
  const running = syncing || progress !== null || status.state === 'syncing';
  const summary = running
    ? 'Syncing…'
    : error
      ? `Sync failed: ${error}`
      : status.state === 'needs-enrolment'
        ? 'HQ no longer accepts this computer: enrol it again in Settings'
        : status.refused > 0
          ? `${status.refused} change${status.refused > 1 ? 's' : ''} need${status.refused > 1 ? '' : 's'} attention`
          : status.pending > 0
            ? `${status.pending} change${status.pending > 1 ? 's' : ''} to send`
            : status.state === 'error' && status.lastError
              ? `Last sync failed: ${status.lastError}`
              : status.lastSuccessAt
                ? `Synced at ${formatTime(status.lastSuccessAt)}`
                : 'Nothing to send';
  return (
    <div className="sync-control">
      <span className="sync-control__status" role="status" data-testid="sync-status">
        {summary}
        {!running && status.refused > 0 && (
          <>
            {' '}
            <a className="usa-link" href={`${routeHref({ name: 'settings' })}`}>
              Review
            </a>
          </>
        )}
      </span>
      {progress && progress.total > 0 && (
        <span className="sync-control__progress">
          <label htmlFor="sync-progress" className="sync-control__progress-label">
            {SYNC_PHASE_LABELS[progress.phase]}
          </label>
          <progress
            id="sync-progress"
            data-testid="sync-progress"
            max={progress.total}
            value={progress.done}
            aria-valuetext={progressText(progress.phase, progress.done, progress.total)}
          />
        </span>
      )}
      <button
        type="button"
        className="usa-button usa-button--outline usa-button--small"
        disabled={running}
        onClick={() => void syncNow()}
      >
        Sync
      </button>
    </div>
  );
}

const progressText = (phase: string, done: number, total: number): string =>
  phase === 'evidence'
    ? `${Math.round((done / Math.max(total, 1)) * 100)}% of evidence uploaded`
    : `${done} of ${total} done`;
