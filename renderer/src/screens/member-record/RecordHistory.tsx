import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MemberRecordChange } from '../../../../shared/domain/member-record/events';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { formatDate, formatDateTime } from '../../components/format';
import { useActorName } from '../../i18n/actor-name';

/** One change in words: the facts it recorded, dates in the interface's format; what people typed as typed. */
export function describeChange(t: TFunction, change: MemberRecordChange): string {
  const d = (date: string | null) => (date ? formatDate(date) : t('memberRecord.history.notKnown'));
  switch (change.kind) {
    case 'HISTORY_SET': {
      const status = t(`memberRecord.status.${change.status}`);
      const detail = t('memberRecord.history.detail.HISTORY_SET', {
        status:
          change.tier === null
            ? status
            : t('memberRecord.history.detail.statusWithTier', {
                status,
                tier: t('memberRecord.status.tier', { tier: change.tier }),
              }),
        certifiedOn: d(change.certifiedOn),
        lastValidatedOn: d(change.lastValidatedOn),
      });
      // The note says where the record came from: the history is the record, so it shows it.
      const note = change.note.trim();
      return note ? t('memberRecord.history.detail.withNote', { detail, note }) : detail;
    }
    case 'DETAILS_SET':
      return t('memberRecord.history.detail.DETAILS_SET', {
        language: t(`memberRecord.language.${change.correspondenceLanguage}`),
        count: change.contacts.length,
      });
    case 'CERTIFIED':
      return t('memberRecord.history.detail.CERTIFIED', { date: d(change.certifiedOn) });
    case 'SUSPENDED':
      return t('memberRecord.history.detail.SUSPENDED', {
        date: d(change.effectiveOn),
        reason: change.reason,
        condition: change.reinstatementCondition,
      });
    case 'REINSTATED':
      return t('memberRecord.history.detail.REINSTATED', { date: d(change.effectiveOn), reason: change.reason });
    case 'REMOVED':
      return t('memberRecord.history.detail.REMOVED', { date: d(change.effectiveOn), reason: change.reason });
    case 'TIER_SET':
      return t('memberRecord.history.detail.TIER_SET', { tier: change.tier });
    case 'REVALIDATION_DUE_SET':
      return t('memberRecord.history.detail.REVALIDATION_DUE_SET', { date: d(change.dueOn), reason: change.reason });
    case 'PROFILE_REVIEW':
      return t('memberRecord.history.detail.PROFILE_REVIEW', {
        outcome: t(`memberRecord.change.outcome.${change.outcome}`),
        date: d(change.on),
        anniversary: d(change.anniversaryOn),
        comments: change.comments,
      }).trim();
    case 'EXTENSION_REQUESTED':
      return t('memberRecord.history.detail.EXTENSION_REQUESTED', {
        days: change.days,
        anniversary: d(change.anniversaryOn),
        reason: change.reason,
      });
    case 'EXTENSION_DECIDED':
      return t(
        change.granted
          ? 'memberRecord.history.detail.EXTENSION_GRANTED'
          : 'memberRecord.history.detail.EXTENSION_DENIED',
        { anniversary: d(change.anniversaryOn), comment: change.comment },
      ).trim();
    case 'VALIDATION_APPROVED':
      return t('memberRecord.history.detail.VALIDATION_APPROVED', { date: d(change.approvedOn) });
    case 'SCSS_ASSIGNED':
      return t('memberRecord.history.detail.SCSS_ASSIGNED', {
        work: t(`memberRecord.workPlan.kinds.${change.work}`),
        name: change.scss.name,
        mode: t(`domain.mode.${change.mode}`),
        date: d(change.targetDate),
      });
  }
}

/** Every change to the record, newest first, with who made it and when. */
export function RecordHistory({ view }: { view: MemberRecordView }) {
  const { t } = useTranslation();
  const actorName = useActorName();
  return (
    <section className="member-record__history" aria-labelledby="record-history">
      <h2 id="record-history">{t('memberRecord.history.heading')}</h2>
      {view.history.length === 0 ? (
        <p className="member-record__hint">{t('memberRecord.history.none')}</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--compact member-record__history-table">
          <thead>
            <tr>
              <th scope="col">{t('memberRecord.history.when')}</th>
              <th scope="col">{t('memberRecord.history.who')}</th>
              <th scope="col">{t('memberRecord.history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((h) => (
              <tr key={h.id} data-testid="record-history-row">
                <td className="member-record__when">{formatDateTime(h.at)}</td>
                <td>{actorName(h.actorName)}</td>
                <td>
                  <strong>{t(`memberRecord.change.kind.${h.change.kind}`)}</strong>{' '}
                  <span dir="auto">{describeChange(t, h.change)}</span>
                  {h.skipped && (
                    <span className="usa-tag member-record__skipped">{t('memberRecord.history.skipped')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
