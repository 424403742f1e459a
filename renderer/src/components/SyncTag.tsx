import { useTranslation } from 'react-i18next';
import { translateMessage } from '../i18n/messages';
import { useSyncStore } from '../state/sync-store';
import { formatDateTime } from './format';

/** A validation's sync state as the SCSS reads it: Not synced · Syncing · Synced at … · Needs attention: reason. */
export function SyncTag({ validationId }: { validationId: string }) {
  const sync = useSyncStore((s) => s.byValidation[validationId]);
  const enrolled = useSyncStore((s) => s.status?.enrolled);
  const { t } = useTranslation();
  if (!sync || !enrolled) return null;
  const label =
    sync.state === 'synced' && sync.syncedAt
      ? t('sync.tag.syncedAt', { when: formatDateTime(sync.syncedAt) })
      : sync.state === 'needs-attention' && sync.reason
        ? t('sync.tag.needsAttentionBecause', {
            reason: translateMessage({ message: sync.reason, ...sync.reasonMessage }),
          })
        : t(`sync.tag.state.${sync.state}`);
  return (
    <>
      <span className={`usa-tag sync-tag sync-tag--${sync.state}`} data-testid="validation-sync-state">
        {label}
      </span>
      {sync.safeToArchiveAt && (
        <span
          className="usa-tag sync-tag sync-tag--archive"
          data-testid="validation-safe-to-archive"
          title={t('sync.tag.safeToArchiveTitle', { when: formatDateTime(sync.safeToArchiveAt) })}
        >
          {t('sync.tag.safeToArchive')}
        </span>
      )}
    </>
  );
}
