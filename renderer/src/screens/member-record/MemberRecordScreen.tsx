import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { useDomainLabels } from '../../i18n/domain-labels';
import { translateMessage } from '../../i18n/messages';
import { routeHref } from '../../state/route';
import { ChangePanel } from './ChangePanel';
import { RecordHistory } from './RecordHistory';
import { RecordSummary } from './RecordSummary';
import { RecordSync } from './RecordSync';
import './member-record.css';

/** A Member's CTPAT record: where it stands, what is due, what can be recorded, and everything recorded. */
export function MemberRecordScreen({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [view, setView] = useState<MemberRecordView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<MemberRecordView | null> => {
    try {
      const latest = await call('members:record', { memberId });
      setView(latest);
      setLoadError(null);
      return latest;
    } catch (error) {
      setLoadError(errorMessage(error));
      return null;
    }
  }, [memberId]);
  useEffect(() => {
    void load();
  }, [load]);

  const member = view?.member;
  return (
    <div className="grid-container-widescreen screen member-record">
      <nav className="usa-breadcrumb" aria-label={t('memberRecord.breadcrumb')}>
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <a className="usa-breadcrumb__link" href={routeHref({ name: 'members' })}>
              {t('memberRecord.breadcrumb')}
            </a>
          </li>
          {member && (
            <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
              {member.legalName}
            </li>
          )}
        </ol>
      </nav>
      {loadError && (
        <Alert type="error" heading={t('memberRecord.loadFailed')}>
          {loadError}
        </Alert>
      )}
      {!view && !loadError && <p>{t('memberRecord.loading')}</p>}
      {view && member && (
        <>
          <div className="member-record__title">
            <div>
              <h1 tabIndex={-1}>{member.legalName}</h1>
              <p className="member-record__identity">
                {t('memberRecord.identity', {
                  account: member.accountNumber,
                  entityType: labels.entityType(member.entityType),
                  place: [member.city, member.country].filter(Boolean).join(', '),
                })}
              </p>
            </div>
            {view.validationStartRefusal ? (
              <p className="member-record__blocked" data-testid="validation-blocked">
                {t('memberRecord.cannotValidate', { reason: translateMessage(view.validationStartRefusal) })}
              </p>
            ) : (
              <a className="usa-button usa-button--outline" href={routeHref({ name: 'new-validation', memberId })}>
                {t('memberRecord.startValidation')}
                {/* The navigation's link has the same words and opens the form with no Member chosen. */}
                <span className="usa-sr-only">
                  {t('members.table.startValidationFor', { member: member.legalName })}
                </span>
              </a>
            )}
          </div>
          <RecordSync view={view} onChanged={setView} />
          <RecordSummary view={view} />
          <ChangePanel view={view} onChanged={setView} onStale={load} />
          <RecordHistory view={view} />
        </>
      )}
    </div>
  );
}
