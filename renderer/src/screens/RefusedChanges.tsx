import { useEffect, useState } from 'react';
import type { ParkedChange } from '../../../shared/ipc/contract';
import { errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../components/format';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';

const ENTITY_LABELS: Record<string, string> = {
  validation: 'Validation',
  criterion_response: 'Answer',
  site: 'Site',
  finding: 'Finding',
  observation: 'Observation',
  evidence: 'Evidence',
  inspection_checklist: 'Inspection checklist',
  virtual_session: 'Virtual session log',
};

/** Changes HQ refused: each with HQ's reason, and the two ways out — send it again, or keep it off HQ with a reason. */
export function RefusedChanges() {
  const parked = useSyncStore((s) => s.parked);
  const loadParked = useSyncStore((s) => s.loadParked);
  const [error, setError] = useState<string | null>(null);
  // A sync may refuse more changes (or a resent one again): reload whenever one ends.
  const parkedCount = useSyncStore((s) => s.status?.parked);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when a sync ends or the count changes
  useEffect(() => {
    void loadParked().catch((e: unknown) => setError(errorMessage(e)));
  }, [loadParked, parkedCount, lastSuccessAt]);

  return (
    <section className="refused-changes" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Changes HQ refused</h2>
      {error && <Alert type="error">{error}</Alert>}
      {parked.length === 0 ? (
        <p data-testid="no-refused-changes">None. Every change HQ was sent, it accepted.</p>
      ) : (
        <>
          <p>
            These changes stay on this computer and are not sent again until you decide. Your records are never deleted:
            &ldquo;Don&rsquo;t send&rdquo; only stops the change from going to HQ, and the audit log keeps it with your
            reason.
          </p>
          <ul className="usa-list usa-list--unstyled">
            {parked.map((change) => (
              <RefusedChangeRow key={change.changeId} change={change} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RefusedChangeRow({ change }: { change: ParkedChange }) {
  const retryParked = useSyncStore((s) => s.retryParked);
  const discardParked = useSyncStore((s) => s.discardParked);
  const [discarding, setDiscarding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `discard-reason-${change.changeId}`;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="usa-summary-box margin-bottom-2" data-testid="refused-change">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">
          {ENTITY_LABELS[change.entity] ?? change.entity} ({change.operation})
          {change.memberName ? ` · ${change.memberName}` : ''}
        </h3>
        <p className="usa-summary-box__text" data-testid="refused-reason">
          {change.reason}
        </p>
        <p className="usa-summary-box__text text-base">
          Refused {formatDateTime(change.parkedAt)}
          {change.validationId && (
            <>
              {' · '}
              <a
                className="usa-link"
                href={routeHref({ name: 'worksheet', validationId: change.validationId, category: 1 })}
              >
                Open the validation
              </a>
            </>
          )}
        </p>
        {error && <Alert type="error">{error}</Alert>}
        <div className="parked-changes__actions">
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={busy}
            onClick={() => void run(() => retryParked(change.changeId))}
          >
            Send again
          </button>
          {discarding ? (
            <>
              <div>
                <label className="usa-label" htmlFor={reasonId}>
                  Why should HQ not get this change?
                </label>
                <input className="usa-input" id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <button
                type="button"
                className="usa-button usa-button--secondary"
                disabled={busy}
                onClick={() =>
                  reason.trim().length < 3
                    ? setError('Say why this change should not be sent to HQ (at least 3 characters).')
                    : void run(() => discardParked(change.changeId, reason))
                }
              >
                Don&rsquo;t send this change
              </button>
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => setDiscarding(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => setDiscarding(true)}>
              Don&rsquo;t send…
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
