import { useState } from 'react';
import { errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { useSyncStore } from '../state/sync-store';

/** Enrolment with HQ: the address and the one-time code from `npm run hq -- enroll`. */
export function HqConnection() {
  const { status, enroll } = useSyncStore();
  const [hqUrl, setHqUrl] = useState(status?.hqUrl ?? '');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('CTPAT laptop');
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setMessage(null);
    setBusy(true);
    try {
      await enroll({ hqUrl, code, deviceName });
      setCode('');
      setMessage({ type: 'success', text: 'This computer is enrolled with HQ.' });
    } catch (error) {
      setMessage({ type: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hq-connection" aria-labelledby="hq-heading">
      <h2 id="hq-heading">Headquarters connection</h2>
      {status?.enrolled ? (
        <p data-testid="hq-enrolled">
          Enrolled with <strong>{status.hqUrl}</strong> as {status.userName}. Enter a new code below to enrol again.
        </p>
      ) : (
        <p>Not enrolled. Ask HQ for a one-time enrolment code.</p>
      )}
      {message && <Alert type={message.type}>{message.text}</Alert>}
      <div className="usa-form usa-form--large">
        <label className="usa-label" htmlFor="hq-url">
          HQ address
        </label>
        <input className="usa-input" id="hq-url" type="url" value={hqUrl} onChange={(e) => setHqUrl(e.target.value)} />
        <label className="usa-label" htmlFor="hq-code">
          Enrolment code
        </label>
        <input
          className="usa-input"
          id="hq-code"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <label className="usa-label" htmlFor="hq-device">
          Name of this computer
        </label>
        <input
          className="usa-input"
          id="hq-device"
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
        />
        <button type="button" className="usa-button" disabled={busy} onClick={() => void submit()}>
          Enrol this computer
        </button>
      </div>
    </section>
  );
}
