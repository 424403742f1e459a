import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { call } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDateTime } from '../../components/format';
import { useActorName } from '../../i18n/actor-name';
import { translateMessage } from '../../i18n/messages';
import { RefusalActions } from '../RefusalActions';
import { describeChange } from './RecordHistory';

type Outcome = 'sentAgain' | 'stillRefused' | 'withdrawn';

/**
 * The record and HQ: how many changes wait to be sent, and each change HQ refused with HQ's reason, which the
 * person sends again (on the record as it is now) or withdraws from this laptop.
 */
export function RecordSync({
  view,
  onChanged,
}: {
  view: MemberRecordView;
  onChanged: (next: MemberRecordView) => void;
}) {
  const { t } = useTranslation();
  const actorName = useActorName();
  const { unsent, refused } = view.sync;
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const sendAgain = async (changeId: string) => {
    const next = await call('members:sendagain', { changeId });
    setOutcome(next.sync.refused.some((r) => r.id === changeId) ? 'stillRefused' : 'sentAgain');
    onChanged(next);
  };
  const dontSend = async (changeId: string, reason: string) => {
    onChanged(await call('members:dontsend', { changeId, reason }));
    setOutcome('withdrawn');
  };

  return (
    <>
      {unsent !== null && (
        <p className="member-record__sync" data-testid="record-sync-state">
          {/* "HQ holds every change" would be untrue beside changes HQ refused. */}
          {unsent > 0
            ? t('memberRecord.sync.waiting', { count: unsent })
            : refused.length > 0
              ? t('memberRecord.sync.noneWaiting')
              : t('memberRecord.sync.allSent')}
        </p>
      )}
      <p className="member-record__sync" role="status" data-testid="record-refusal-outcome">
        {outcome && t(`memberRecord.sync.${outcome}`)}
      </p>
      {refused.length > 0 && (
        <Alert type="warning" heading={t('memberRecord.sync.refusedHeading', { count: refused.length })}>
          <p>{t('memberRecord.sync.refusedIntro')}</p>
          <ul className="member-record__refused" data-testid="record-refused">
            {refused.map((r) => (
              <li key={r.id} data-testid="record-refused-change">
                <strong>{t(`memberRecord.change.kind.${r.change.kind}`)}</strong>{' '}
                <span dir="auto">{describeChange(t, r.change)}</span>{' '}
                {t('memberRecord.sync.madeBy', { who: actorName(r.actorName), when: formatDateTime(r.at) })}
                <br />
                <span data-testid="record-refused-reason">{translateMessage(r.reason)}</span>
                <RefusalActions
                  id={r.id}
                  noun="change"
                  sendAgain={() => sendAgain(r.id)}
                  dontSend={(reason) => dontSend(r.id, reason)}
                />
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
