import { useTranslation } from 'react-i18next';
import type { SaveState } from '../state/worksheet-store';
import { formatTime } from './format';

/** compact: a saved state is a tick (its time in the tooltip and for screen readers), for one-line rows. */
export function SaveIndicator({
  state,
  onRetry,
  compact = false,
}: {
  state: SaveState | undefined;
  onRetry: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state.kind === 'saving') {
    return <span className="save-indicator save-indicator--saving">{t('worksheet.save.saving')}</span>;
  }
  if (state.kind === 'saved' && compact) {
    return (
      <span
        className="save-indicator save-indicator--saved"
        data-testid="saved"
        title={t('worksheet.save.saved', { time: formatTime(state.at) })}
      >
        <span aria-hidden="true">✓</span>
        <span className="usa-sr-only">{t('worksheet.save.saved', { time: formatTime(state.at) })}</span>
      </span>
    );
  }
  if (state.kind === 'saved') {
    return (
      <span className="save-indicator save-indicator--saved" data-testid="saved">
        <span aria-hidden="true">✓ </span>
        {t('worksheet.save.saved', { time: formatTime(state.at) })}
      </span>
    );
  }
  return (
    <span className="save-indicator save-indicator--error" role="alert">
      {t('worksheet.save.notSaved', { message: state.message(t) })}{' '}
      {state.retry !== null && (
        <button type="button" className="usa-button usa-button--unstyled" onClick={onRetry}>
          {t('worksheet.save.tryAgain')}
        </button>
      )}
    </span>
  );
}
