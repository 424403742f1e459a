import { formatTime } from '../../components/format';

/** Where one inspection or session log stands against the store; an error keeps what was typed on screen. */
export type PanelSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

/** The same words and colours as the worksheet's per-criterion indicator. */
export function PanelSaveStatus({ state, onRetry }: { state: PanelSaveState; onRetry?: () => void }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') return <span className="save-indicator save-indicator--saving">Saving…</span>;
  if (state.kind === 'saved') {
    return (
      <span className="save-indicator save-indicator--saved" data-testid="inspection-saved">
        <span aria-hidden="true">✓ </span>Saved {formatTime(state.at)}
      </span>
    );
  }
  return (
    <span className="save-indicator save-indicator--error" role="alert">
      Not saved: {state.message}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="usa-button usa-button--unstyled" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </span>
  );
}
