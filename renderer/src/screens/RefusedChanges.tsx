import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedChange, RefusedEvidenceView } from '../../../shared/ipc/contract';
import { Alert } from '../components/Alert';
import { formatDate, formatDateTime } from '../components/format';
import { errorWording, type ShownOutcome } from '../components/wording';
import { translateMessage } from '../i18n/messages';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { RefusalActions } from './RefusalActions';
import { CONTENT_ENTITIES } from './record-entities';

/** The kinds of record a refused change can be about; each is named by fieldwork.refused.entity.<kind>. */
const ENTITIES = ['validation', ...CONTENT_ENTITIES, 'finding_review', 'workflow_event', 'member_response'] as const;
const isKnownEntity = (entity: string): entity is (typeof ENTITIES)[number] =>
  (ENTITIES as readonly string[]).includes(entity);
/** What the change did, named by fieldwork.refused.operation.<operation>. */
const OPERATIONS = ['create', 'upsert', 'delete', 'submit', 'reopen'] as const;
const isKnownOperation = (operation: string): operation is (typeof OPERATIONS)[number] =>
  (OPERATIONS as readonly string[]).includes(operation);

/**
 * Changes and evidence files HQ refused: each with HQ's reason, and the two ways out — send it again, or keep
 * it off HQ with a reason.
 */
export function RefusedChanges() {
  const refused = useSyncStore((s) => s.refused);
  const refusedFiles = useSyncStore((s) => s.refusedFiles);
  const loadRefusedChanges = useSyncStore((s) => s.loadRefusedChanges);
  const loadRefusedFiles = useSyncStore((s) => s.loadRefusedFiles);
  const [error, setError] = useState<ShownOutcome | null>(null);
  // A sync may refuse more changes or files (or a resent one again): reload whenever one ends.
  const refusedCount = useSyncStore((s) => s.status?.refused);
  const lastSuccessAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const lastError = useSyncStore((s) => s.status?.lastError);
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when a sync ends or the count changes
  useEffect(() => {
    void Promise.all([loadRefusedChanges(), loadRefusedFiles()]).catch((e: unknown) =>
      setError({ type: 'error', text: errorWording(e) }),
    );
  }, [loadRefusedChanges, loadRefusedFiles, refusedCount, lastSuccessAt, lastError]);

  return (
    <section className="refused-changes" aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t('fieldwork.refused.heading')}</h2>
      {error && <Alert type="error">{error.text(t)}</Alert>}
      {refused.length === 0 ? (
        <p data-testid="no-refused-changes">{t('fieldwork.refused.none')}</p>
      ) : (
        <>
          <p>{t('fieldwork.refused.intro')}</p>
          <ul className="usa-list usa-list--unstyled">
            {refused.map((change) => (
              <RefusedChangeRow key={change.changeId} change={change} />
            ))}
          </ul>
        </>
      )}
      {refusedFiles.length > 0 && (
        <>
          <h2 id="refused-files-heading">{t('fieldwork.refused.filesHeading')}</h2>
          <p>{t('fieldwork.refused.filesIntro')}</p>
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
  const { t } = useTranslation();

  return (
    <li className="usa-summary-box margin-bottom-2" data-testid="refused-change">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">
          {isKnownEntity(change.entity) ? t(`fieldwork.refused.entity.${change.entity}`) : change.entity} (
          {isKnownOperation(change.operation) ? t(`fieldwork.refused.operation.${change.operation}`) : change.operation}
          ){change.memberName ? ` · ${change.memberName}` : ''}
        </h3>
        <p className="usa-summary-box__text" data-testid="refused-reason">
          {translateMessage({ message: change.reason, ...change.reasonMessage })}
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
  const { t } = useTranslation();
  return (
    <p className="usa-summary-box__text text-base-dark">
      {t('fieldwork.refused.refusedAt', { at: formatDateTime(at) })}
      {validationId && (
        <>
          {' · '}
          <a className="usa-link" href={routeHref({ name: 'worksheet', validationId, category: 1, resume: true })}>
            {t('fieldwork.refused.openValidation')}
          </a>
        </>
      )}
    </p>
  );
}

function RefusedFileRow({ file }: { file: RefusedEvidenceView }) {
  const resendRefusedFile = useSyncStore((s) => s.resendRefusedFile);
  const withholdRefusedFile = useSyncStore((s) => s.withholdRefusedFile);
  const { t } = useTranslation();

  return (
    <li className="usa-summary-box margin-bottom-2" data-testid="refused-file">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">{file.fileName}</h3>
        <p className="usa-summary-box__text" data-testid="refused-file-validation">
          {t('fieldwork.refused.evidenceOf', { member: file.memberName ?? t('fieldwork.refused.unknownMember') })}
          {file.scheduledDate ? t('fieldwork.refused.scheduled', { date: formatDate(file.scheduledDate) }) : ''}
        </p>
        <p className="usa-summary-box__text" data-testid="refused-reason">
          {translateMessage({ message: file.reason, ...file.reasonMessage })}
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
