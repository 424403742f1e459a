import { useEffect } from 'react';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { formatTime } from './format';

/** The header's Sync button with what is waiting, what went wrong and when HQ last took everything. */
export function SyncControl() {
  const { status, syncing, error, refresh, refreshStatus, syncNow } = useSyncStore();
  const lastSavedAt = useWorksheetStore((s) => s.lastSavedAt);
  const validationStatus = useWorksheetStore((s) => s.worksheet?.validation.status);
  useEffect(() => {
    void refresh();
  }, [refresh]);
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
  const summary = syncing
    ? 'Syncing…'
    : error
      ? `Sync failed: ${error}`
      : status.state === 'needs-enrolment'
        ? 'HQ no longer accepts this computer: enrol it again in Settings'
        : status.parked > 0
          ? `${status.parked} change${status.parked > 1 ? 's' : ''} need${status.parked > 1 ? '' : 's'} attention`
          : status.pending > 0
            ? `${status.pending} change${status.pending > 1 ? 's' : ''} to send`
            : status.lastSuccessAt
              ? `Synced at ${formatTime(status.lastSuccessAt)}`
              : 'Nothing to send';
  return (
    <div className="sync-control">
      <span className="sync-control__status" role="status" data-testid="sync-status">
        {summary}
      </span>
      <button
        type="button"
        className="usa-button usa-button--outline usa-button--small"
        disabled={syncing}
        onClick={() => void syncNow()}
      >
        Sync
      </button>
    </div>
  );
}
