import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerificationView } from '../../../shared/ipc/contract';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { formatDate, formatDateTime } from '../components/format';
import { errorWording, type ShownOutcome } from '../components/wording';
import { currentLocale } from '../i18n';
import { routeHref } from '../state/route';

const affects = (v: AuditVerificationView | null, validationId: string): boolean =>
  v !== null && !v.intact && (v.affected.wholeStore || v.affected.validationIds.includes(validationId));

const recorded = (t: TFunction, seq: number, at: string | null) =>
  at ? t('fieldwork.audit.entryRecorded', { seq, at: formatDateTime(at) }) : t('fieldwork.audit.entry', { seq });
const stamp = (seq: number, at: string | null) => `#${seq}${at ? ` (${formatDateTime(at)})` : ''}`;

/** On the worksheet of a validation a broken audit chain affects: why saves are refused and what to do. */
export function AuditChainBanner({ validationId }: { validationId: string }) {
  const [status, setStatus] = useState<AuditVerificationView | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    void call('audit:status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (!status?.firstBreak || !affects(status, validationId)) return null;
  return (
    <div className="usa-alert usa-alert--error margin-bottom-2" role="alert" data-testid="audit-chain-banner">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('fieldwork.audit.banner.heading')}</h2>
        <p className="usa-alert__text">
          {t('fieldwork.audit.banner.text', { entry: recorded(t, status.firstBreak.seq, status.firstBreak.at) })}{' '}
          {t('fieldwork.audit.whatToDo')}{' '}
          <a className="usa-link" href={routeHref({ name: 'settings' })}>
            {t('fieldwork.audit.banner.details')}
          </a>
          {t('fieldwork.audit.banner.after')}
        </p>
      </div>
    </div>
  );
}

/** Settings → Audit log: the start-up check's outcome, and "Verify audit log" to walk the chain again now. */
export function AuditLogSection() {
  const [result, setResult] = useState<AuditVerificationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ShownOutcome | null>(null);
  const { t } = useTranslation();

  useEffect(() => {
    void call('audit:status', {}).then(setResult, (e: unknown) => setFailure({ type: 'error', text: errorWording(e) }));
  }, []);

  const verify = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await call('audit:verify', {}));
    } catch (e) {
      setFailure({ type: 'error', text: errorWording(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="audit-log-section" aria-labelledby="audit-log-heading">
      <h2 id="audit-log-heading">{t('fieldwork.audit.heading')}</h2>
      <p>{t('fieldwork.audit.intro')}</p>
      <button type="button" className="usa-button" disabled={busy} onClick={() => void verify()}>
        {t('fieldwork.audit.verify')}
      </button>
      {/* Present before any result, so screen readers announce the result when it arrives. */}
      <div role="status" aria-live="polite" className="margin-top-2" data-testid="audit-verify-result">
        {busy ? <p>{t('fieldwork.audit.checking')}</p> : result && <AuditResult result={result} />}
      </div>
      {failure && <Alert type="error">{failure.text(t)}</Alert>}
    </section>
  );
}

function AuditResult({ result }: { result: AuditVerificationView }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(currentLocale());
  const checked = (
    <p className="margin-top-1 margin-bottom-0">
      {t('fieldwork.audit.checked', { count: result.rows, rows: number.format(result.rows) })}
      {result.first &&
        result.last &&
        t('fieldwork.audit.range', {
          first: stamp(result.first.seq, result.first.at),
          last: stamp(result.last.seq, result.last.at),
        })}
      {t('fieldwork.audit.took', { ms: number.format(result.durationMs), at: formatDateTime(result.checkedAt) })}
      <br />
      {t('fieldwork.audit.headHash')} <code className="font-mono-2xs">{result.headHash}</code>
    </p>
  );
  if (!result.firstBreak) {
    return (
      <div className="usa-alert usa-alert--success usa-alert--slim">
        <div className="usa-alert__body">
          <h3 className="usa-alert__heading">{t('fieldwork.audit.intact')}</h3>
          {checked}
        </div>
      </div>
    );
  }
  const first = result.firstBreak;
  return (
    <div className="usa-alert usa-alert--error">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">{t('fieldwork.audit.changed')}</h3>
        <p className="usa-alert__text">
          {t('fieldwork.audit.firstAltered', { entry: stamp(first.seq, first.at), reason: first.reason })}
          {result.breakCount > 1 && t('fieldwork.audit.affectedInAll', { count: result.breakCount })}
        </p>
        {result.affected.wholeStore ? (
          <p className="usa-alert__text">
            {t('fieldwork.audit.wholeStoreBefore')}
            <strong>{t('fieldwork.audit.wholeStoreStrong')}</strong>
            {t('fieldwork.audit.wholeStoreAfter')}
          </p>
        ) : (
          <>
            <p className="usa-alert__text">{t('fieldwork.audit.someReadOnly')}</p>
            <ul className="usa-list">
              {result.affectedValidations.map((v) => (
                <li key={v.id}>
                  <a
                    className="usa-link"
                    href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, resume: true })}
                  >
                    {v.memberName ?? t('fieldwork.audit.unknownMember')}
                  </a>
                  {v.scheduledDate && t('fieldwork.audit.scheduled', { date: formatDate(v.scheduledDate) })}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="usa-alert__text">
          <strong>{t('fieldwork.audit.whatToDoLabel')}</strong> {t('fieldwork.audit.whatToDo')}
        </p>
        {checked}
      </div>
    </div>
  );
}
