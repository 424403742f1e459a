import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PolicyStatusView } from '../../../../shared/domain/policy';
import { formatDateTime } from '../../components/format';

/** Says where the policy settings come from and who may change them, above the settings themselves. */
export function PolicySource({ status }: { status: PolicyStatusView }) {
  const { t } = useTranslation();
  return (
    <section
      className="usa-summary-box policy-source"
      aria-labelledby="policy-source-heading"
      data-testid="policy-source"
    >
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading" id="policy-source-heading">
          {heading(status, t)}
        </h2>
        <div className="usa-summary-box__text">
          <p>{explanation(status, t)}</p>
        </div>
      </div>
    </section>
  );
}

function heading(status: PolicyStatusView, t: TFunction): string {
  if (status.source === 'local') return t('settings.policy.localHeading');
  if (status.source === 'hq-pending') return t('settings.policy.pendingHeading');
  if (status.version === 0) return t('settings.policy.defaultsHeading');
  const { version } = status;
  if (!status.updatedAt) return t('settings.policy.heading', { version });
  const when = formatDateTime(status.updatedAt);
  return status.updatedBy
    ? t('settings.policy.headingUpdatedBy', { version, when, who: status.updatedBy })
    : t('settings.policy.headingUpdated', { version, when });
}

function explanation(status: PolicyStatusView, t: TFunction): string {
  if (status.source === 'local') return t('settings.policy.local');
  const pending = status.source === 'hq-pending' ? `${t('settings.policy.pending')} ` : '';
  return pending + (status.canEdit ? t('settings.policy.canEdit') : t('settings.policy.readOnly'));
}
