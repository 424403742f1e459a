import { call } from '../../api';
import { Alert } from '../../components/Alert';
import type { Outcome } from './save-outcome';

/** An export under way: what it is doing, a progress bar (determinate once a count is known) and Cancel. */
export function ExportProgress({ label, progress }: { label: string; progress?: { done: number; total: number } }) {
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
        Cancel
      </button>
    </div>
  );
}

/** How the last save went, and what had to be left out of the file. */
export function ExportOutcome({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <Alert type={outcome.type}>
      <span data-testid={testId}>{outcome.text}</span>
      {outcome.warnings.length > 0 && (
        <>
          {' '}
          Left out:
          <ul data-testid={`${testId}-warnings`}>
            {outcome.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
