import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();

  const submit = async () => {
    setMessage(null);
    setBusy(true);
    try {
      await enroll({ hqUrl, code, deviceName });
      setCode('');
      setMessage({ type: 'success', text: t('fieldwork.hq.enrolled') });
    } catch (error) {
      setMessage({ type: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hq-connection" aria-labelledby="hq-heading">
      <h2 id="hq-heading">{t('fieldwork.hq.heading')}</h2>
      {status?.enrolled ? (
        <p data-testid="hq-enrolled">
          {t('fieldwork.hq.enrolledBefore')}
          <strong>{status.hqUrl}</strong>
          {t('fieldwork.hq.enrolledAfter', { name: status.userName })}
        </p>
      ) : (
        <p>{t('fieldwork.hq.notEnrolled')}</p>
      )}
      {message && <Alert type={message.type}>{message.text}</Alert>}
      <div className="usa-form usa-form--large">
        <label className="usa-label" htmlFor="hq-url">
          {t('fieldwork.hq.address')}
        </label>
        <input className="usa-input" id="hq-url" type="url" value={hqUrl} onChange={(e) => setHqUrl(e.target.value)} />
        <label className="usa-label" htmlFor="hq-code">
          {t('fieldwork.hq.code')}
        </label>
        <input
          className="usa-input"
          id="hq-code"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <label className="usa-label" htmlFor="hq-device">
          {t('fieldwork.hq.deviceName')}
        </label>
        <input
          className="usa-input"
          id="hq-device"
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
        />
        <button type="button" className="usa-button" disabled={busy} onClick={() => void submit()}>
          {t('fieldwork.hq.enrol')}
        </button>
      </div>
    </section>
  );
}
