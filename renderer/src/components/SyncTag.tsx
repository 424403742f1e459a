import { SYNC_STATE_LABELS, useSyncStore } from '../state/sync-store';
import { formatDateTime } from './format';

/** A validation's sync state as the SCSS reads it: Not synced · Syncing · Synced at … · Needs attention: reason. */
export function SyncTag({ validationId }: { validationId: string }) {
  const sync = useSyncStore((s) => s.byValidation[validationId]);
  const enrolled = useSyncStore((s) => s.status?.enrolled);
  if (!sync || !enrolled) return null;
  const label =
    sync.state === 'synced' && sync.syncedAt
      ? `Synced at ${formatDateTime(sync.syncedAt)}`
      : sync.state === 'needs-attention' && sync.reason
        ? `Needs attention: ${sync.reason}`
        : SYNC_STATE_LABELS[sync.state];
  return (
    <>
      <span className={`usa-tag sync-tag sync-tag--${sync.state}`} data-testid="validation-sync-state">
        {label}
      </span>
      {sync.safeToArchiveAt && (
        <span
          className="usa-tag sync-tag sync-tag--archive"
          data-testid="validation-safe-to-archive"
          title={`HQ confirmed the same fingerprint and every evidence file at ${formatDateTime(sync.safeToArchiveAt)}`}
        >
          Safe to archive
        </span>
      )}
    </>
  );
}
