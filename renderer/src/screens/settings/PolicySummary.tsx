import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../../../shared/domain/evidence-files';
import type { Settings } from '../../../../shared/domain/field-work';
import { useReasonLabel } from '../../i18n/reason-labels';
import { ReasonsTableHead } from './ReasonsTableHead';

/** The policy as HQ set it, for someone who may read but not change it: plain text, no greyed-out form. */
export function PolicySummary({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  return (
    <div className="policy-summary" data-testid="policy-summary">
      <h2>{t('settings.reasons')}</h2>
      <table className="usa-table usa-table--borderless settings-reasons">
        <ReasonsTableHead />
        <tbody>
          {settings.deficiencyReasons.map((reason) => (
            <tr key={reason.code} data-testid="reason-row">
              <td>{reasonLabel(reason)}</td>
              <td>
                <code>{reason.code}</code>
              </td>
              <td>{reason.active ? t('settings.policy.yes') : t('settings.policy.retired')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="policy-values">
        <dt>{t('settings.responseDays')}</dt>
        <dd data-testid="policy-response-days">{t('settings.policy.days', { count: settings.responseDays })}</dd>
        <dt>{t('settings.policy.largestFile')}</dt>
        <dd>{formatFileSize(settings.maxEvidenceBytes)}</dd>
        <dt>{t('settings.marking')}</dt>
        <dd>{settings.reportMarking}</dd>
      </dl>
    </div>
  );
}
