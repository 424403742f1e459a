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
  if (!state) return null;
  if (state.kind === 'saving') return <span className="save-indicator save-indicator--saving">Saving…</span>;
  if (state.kind === 'saved' && compact) {
    return (
      <span
        className="save-indicator save-indicator--saved"
        data-testid="saved"
        title={`Saved ${formatTime(state.at)}`}
      >
        <span aria-hidden="true">✓</span>
        <span className="usa-sr-only">Saved {formatTime(state.at)}</span>
      </span>
    );
  }
  if (state.kind === 'saved') {
    return (
      <span className="save-indicator save-indicator--saved" data-testid="saved">
        <span aria-hidden="true">✓ </span>Saved {formatTime(state.at)}
      </span>
    );
  }
  return (
    <span className="save-indicator save-indicator--error" role="alert">
      Not saved: {state.message}{' '}
      {state.retry !== null && (
        <button type="button" className="usa-button usa-button--unstyled" onClick={onRetry}>
          Try again
        </button>
      )}
    </span>
  );
}
