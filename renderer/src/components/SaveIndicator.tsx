import type { SaveState } from '../state/worksheet-store';
import { formatTime } from './format';

export function SaveIndicator({ state, onRetry }: { state: SaveState | undefined; onRetry: () => void }) {
  if (!state) return null;
  if (state.kind === 'saving') return <span className="save-indicator save-indicator--saving">Saving…</span>;
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
