import { useEffect, useState } from 'react';
import type { AuditVerificationView } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDate, formatDateTime } from '../components/format';
import { routeHref } from '../state/route';

const WHAT_TO_DO =
  'Contact your field office before doing anything else with it. Do not re-enter the data, here or on another computer.';

const affects = (v: AuditVerificationView | null, validationId: string): boolean =>
  v !== null && !v.intact && (v.affected.wholeStore || v.affected.validationIds.includes(validationId));

const recorded = (seq: number, at: string | null) => `entry #${seq}${at ? `, recorded ${formatDateTime(at)}` : ''}`;
const stamp = (seq: number, at: string | null) => `#${seq}${at ? ` (${formatDateTime(at)})` : ''}`;

/** On the worksheet of a validation a broken audit chain affects: why saves are refused and what to do. */
export function AuditChainBanner({ validationId }: { validationId: string }) {
  const [status, setStatus] = useState<AuditVerificationView | null>(null);
  useEffect(() => {
    void call('audit:status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (!status?.firstBreak || !affects(status, validationId)) return null;
  return (
    <div className="usa-alert usa-alert--error margin-bottom-2" role="alert" data-testid="audit-chain-banner">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">This validation is read-only</h2>
        <p className="usa-alert__text">
          Its audit log on this computer was changed outside the app (
          {recorded(status.firstBreak.seq, status.firstBreak.at)}), so changes to it are refused and its record stays as
          it was found. {WHAT_TO_DO}{' '}
          <a className="usa-link" href={routeHref({ name: 'settings' })}>
            Details under Settings
          </a>
          .
        </p>
      </div>
    </div>
  );
}

/** Settings → Audit log: the start-up check's outcome, and "Verify audit log" to walk the chain again now. */
export function AuditLogSection() {
  const [result, setResult] = useState<AuditVerificationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void call('audit:status', {}).then(setResult, (e: unknown) => setFailure(errorMessage(e)));
  }, []);

  const verify = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await call('audit:verify', {}));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="bg-white border-1px border-base-lighter padding-2 margin-bottom-4 maxw-tablet-lg"
      aria-labelledby="audit-log-heading"
    >
      <h2 id="audit-log-heading" className="margin-top-05">
        Audit log
      </h2>
      <p>
        Every change on this computer is recorded in an audit log in which each entry seals the one before it. The app
        checks the whole log each time it starts; check it again here at any time.
      </p>
      <button type="button" className="usa-button" disabled={busy} onClick={() => void verify()}>
        Verify audit log
      </button>
      {/* Present before any result, so screen readers announce the result when it arrives. */}
      <div role="status" aria-live="polite" className="margin-top-2" data-testid="audit-verify-result">
        {busy ? <p>Checking every entry…</p> : result && <AuditResult result={result} />}
      </div>
      {failure && <Alert type="error">{failure}</Alert>}
    </section>
  );
}

function AuditResult({ result }: { result: AuditVerificationView }) {
  const checked = (
    <p className="margin-top-1 margin-bottom-0">
      {result.rows.toLocaleString('en-US')} entries checked
      {result.first && result.last && (
        <>
          , from {stamp(result.first.seq, result.first.at)} to {stamp(result.last.seq, result.last.at)}
        </>
      )}
      , in {result.durationMs.toLocaleString('en-US')} ms on {formatDateTime(result.checkedAt)}.
      <br />
      Head hash: <code className="font-mono-2xs">{result.headHash}</code>
    </p>
  );
  if (!result.firstBreak) {
    return (
      <div className="usa-alert usa-alert--success usa-alert--slim">
        <div className="usa-alert__body">
          <h3 className="usa-alert__heading">Audit chain intact</h3>
          {checked}
        </div>
      </div>
    );
  }
  const first = result.firstBreak;
  return (
    <div className="usa-alert usa-alert--error">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">The audit log was changed outside the app</h3>
        <p className="usa-alert__text">
          The first altered entry is {stamp(first.seq, first.at)}: {first.reason}.
          {result.breakCount > 1 && ` ${result.breakCount} entries are affected in all.`}
        </p>
        {result.affected.wholeStore ? (
          <p className="usa-alert__text">
            The change cannot be traced to one validation, so <strong>every validation on this computer</strong> is
            read-only.
          </p>
        ) : (
          <>
            <p className="usa-alert__text">These validations are read-only; the others keep working:</p>
            <ul className="usa-list">
              {result.affectedValidations.map((v) => (
                <li key={v.id}>
                  <a
                    className="usa-link"
                    href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, resume: true })}
                  >
                    {v.memberName ?? 'Unknown Member'}
                  </a>
                  {v.scheduledDate && `, scheduled ${formatDate(v.scheduledDate)}`}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="usa-alert__text">
          <strong>What to do:</strong> {WHAT_TO_DO}
        </p>
        {checked}
      </div>
    </div>
  );
}
