import { useEffect, useState } from 'react';
import type { RefusedChange, RefusedEvidenceView } from '../../../shared/ipc/contract';
import { errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDate, formatDateTime } from '../components/format';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { RefusalActions } from './RefusalActions';

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

/**
 * Changes and evidence files HQ refused: each with HQ's reason, and the two ways out — send it again, or keep
 * it off HQ with a reason.
 */
export function RefusedChanges() {
  const refused = useSyncStore((s) => s.refused);
  const refusedFiles = useSyncStore((s) => s.refusedFiles);
  const loadRefusedChanges = useSyncStore((s) => s.loadRefusedChanges);
  const loadRefusedFiles = useSyncStore((s) => s.loadRefusedFiles);
  const [error, setError] = useState<string | null>(null);
  // A sync may refuse more changes or files (or a resent one again): reload whenever one ends.
  const refusedCount = useSyncStore((s) => s.status?.refused);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const lastError = useSyncStore((s) => s.status?.lastError);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when a sync ends or the count changes
  useEffect(() => {
    void Promise.all([loadRefusedChanges(), loadRefusedFiles()]).catch((e: unknown) => setError(errorMessage(e)));
  }, [loadRefusedChanges, loadRefusedFiles, refusedCount, lastSuccessAt, lastError]);

  return (
    <section className="refused-changes" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Changes HQ refused</h2>
      {error && <Alert type="error">{error}</Alert>}
      {refused.length === 0 ? (
        <p data-testid="no-refused-changes">None. Every change HQ was sent, it accepted.</p>
      ) : (
        <>
          <p>
            These changes stay on this computer and are not sent again until you decide. Your records are never deleted:
            &ldquo;Don&rsquo;t send&rdquo; only stops the change from going to HQ, and the audit log keeps it with your
            reason.
          </p>
          <ul className="usa-list usa-list--unstyled">
            {refused.map((change) => (
              <RefusedChangeRow key={change.changeId} change={change} />
            ))}
          </ul>
        </>
      )}
      {refusedFiles.length > 0 && (
        <>
          <h2 id="refused-files-heading">Evidence files HQ refused</h2>
          <p>
            These files stay on this computer. Send a file again once its original is back in place (or after HQ fixed
            the problem); &ldquo;Don&rsquo;t send&rdquo; keeps it off HQ for good, and the audit log records your
            reason.
          </p>
          <ul className="usa-list usa-list--unstyled" aria-labelledby="refused-files-heading">
            {refusedFiles.map((file) => (
              <RefusedFileRow key={file.sha256} file={file} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RefusedChangeRow({ change }: { change: RefusedChange }) {
  const sendRefusedAgain = useSyncStore((s) => s.sendRefusedAgain);
  const keepRefusedOffHq = useSyncStore((s) => s.keepRefusedOffHq);

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
        <RefusedWhen at={change.refusedAt} validationId={change.validationId} />
        <RefusalActions
          id={change.changeId}
          noun="change"
          sendAgain={() => sendRefusedAgain(change.changeId)}
          dontSend={(reason) => keepRefusedOffHq(change.changeId, reason)}
        />
      </div>
    </li>
  );
}

/** When HQ refused it, and a link to the validation it belongs to. */
function RefusedWhen({ at, validationId }: { at: string; validationId: string | null }) {
  return (
    <p className="usa-summary-box__text text-base-dark">
      Refused {formatDateTime(at)}
      {validationId && (
        <>
          {' · '}
          <a className="usa-link" href={routeHref({ name: 'worksheet', validationId, category: 1, resume: true })}>
            Open the validation
          </a>
        </>
      )}
    </p>
  );
}

function RefusedFileRow({ file }: { file: RefusedEvidenceView }) {
  const resendRefusedFile = useSyncStore((s) => s.resendRefusedFile);
  const withholdRefusedFile = useSyncStore((s) => s.withholdRefusedFile);

  return (
    <li className="usa-summary-box margin-bottom-2" data-testid="refused-file">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">{file.fileName}</h3>
        <p className="usa-summary-box__text" data-testid="refused-file-validation">
          Evidence in the validation of {file.memberName ?? 'an unknown Member'}
          {file.scheduledDate ? `, scheduled ${formatDate(file.scheduledDate)}` : ''}
        </p>
        <p className="usa-summary-box__text" data-testid="refused-reason">
          {file.reason}
        </p>
        <RefusedWhen at={file.refusedAt} validationId={file.validationId} />
        <RefusalActions
          id={file.sha256}
          noun="file"
          sendAgain={() => resendRefusedFile(file.sha256)}
          dontSend={(reason) => withholdRefusedFile(file.sha256, reason)}
        />
      </div>
    </li>
  );
}
