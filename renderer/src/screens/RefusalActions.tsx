import { useState } from 'react';
import { errorMessage } from '../api';
import { Alert } from '../components/Alert';

type RefusalActionsProps = {
  /** Unique per row, for the reason field's id. */
  id: string;
  /** What HQ refused, as the buttons and the question name it. */
  noun: 'change' | 'file';
  sendAgain: () => Promise<void>;
  dontSend: (reason: string) => Promise<void>;
};

/** The two ways out of a refusal, shared by changes and files: send it again, or keep it off HQ with a reason. */
export function RefusalActions({ id, noun, sendAgain, dontSend }: RefusalActionsProps) {
  const [discarding, setDiscarding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `discard-reason-${id}`;

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
    <>
      {error && <Alert type="error">{error}</Alert>}
      <div className="refused-changes__actions">
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={busy}
          onClick={() => void run(sendAgain)}
        >
          Send again
        </button>
        {discarding ? (
          <>
            <div>
              <label className="usa-label" htmlFor={reasonId}>
                Why should HQ not get this {noun}?
              </label>
              <input className="usa-input" id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={busy}
              onClick={() =>
                reason.trim().length < 3
                  ? setError(`Say why this ${noun} should not be sent to HQ (at least 3 characters).`)
                  : void run(() => dontSend(reason))
              }
            >
              Don&rsquo;t send this {noun}
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
    </>
  );
}
