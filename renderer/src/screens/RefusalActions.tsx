import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { errorWording, type ShownOutcome } from '../components/wording';

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
  const [error, setError] = useState<ShownOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `discard-reason-${id}`;
  const { t } = useTranslation();

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError({ type: 'error', text: errorWording(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error && <Alert type="error">{error.text(t)}</Alert>}
      <div className="refused-changes__actions">
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={busy}
          onClick={() => void run(sendAgain)}
        >
          {t('fieldwork.refusalActions.sendAgain')}
        </button>
        {discarding ? (
          <>
            <div>
              <label className="usa-label" htmlFor={reasonId}>
                {t(`fieldwork.refusalActions.${noun}.why`)}
              </label>
              <input className="usa-input" id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button
              type="button"
              className="usa-button usa-button--secondary"
              disabled={busy}
              onClick={() =>
                reason.trim().length < 3
                  ? setError({ type: 'error', text: (tr) => tr(`fieldwork.refusalActions.${noun}.tooShort`) })
                  : void run(() => dontSend(reason))
              }
            >
              {t(`fieldwork.refusalActions.${noun}.dontSendThis`)}
            </button>
            <button type="button" className="usa-button usa-button--unstyled" onClick={() => setDiscarding(false)}>
              {t('fieldwork.refusalActions.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => setDiscarding(true)}>
            {t('fieldwork.refusalActions.dontSend')}
          </button>
        )}
      </div>
    </>
  );
}
