import { useTranslation } from 'react-i18next';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { Alert } from '../../components/Alert';
import { formatDateTime } from '../../components/format';
import { translateMessage } from '../../i18n/messages';
import { describeChange } from './RecordHistory';

/**
 * The record and HQ: how many changes wait to be sent, and each change HQ refused with HQ's reason, so the
 * person sees what did not reach the record and can make it again on the record as it is now.
 */
export function RecordSync({ view }: { view: MemberRecordView }) {
  const { t } = useTranslation();
  const { unsent, refused } = view.sync;
  return (
    <>
      {unsent !== null && (
        <p className="member-record__sync" data-testid="record-sync-state">
          {unsent > 0 ? t('memberRecord.sync.waiting', { count: unsent }) : t('memberRecord.sync.allSent')}
        </p>
      )}
      {refused.length > 0 && (
        <Alert type="warning" heading={t('memberRecord.sync.refusedHeading', { count: refused.length })}>
          <p>{t('memberRecord.sync.refusedIntro')}</p>
          <ul className="member-record__refused" data-testid="record-refused">
            {refused.map((r) => (
              <li key={r.id} data-testid="record-refused-change">
                <strong>{t(`memberRecord.change.kind.${r.change.kind}`)}</strong>{' '}
                <span dir="auto">{describeChange(t, r.change)}</span>{' '}
                {t('memberRecord.sync.madeBy', { who: r.actorName, when: formatDateTime(r.at) })}
                <br />
                <span>{translateMessage(r.reason)}</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
