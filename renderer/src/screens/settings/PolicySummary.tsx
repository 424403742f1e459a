import { formatFileSize } from '../../../../shared/domain/evidence-files';
import type { Settings } from '../../../../shared/domain/field-work';

/** The policy as HQ set it, for someone who may read but not change it: plain text, no greyed-out form. */
export function PolicySummary({ settings }: { settings: Settings }) {
  return (
    <div className="policy-summary" data-testid="policy-summary">
      <h2>Deficiency reasons</h2>
      <table className="usa-table usa-table--borderless settings-reasons">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Code</th>
            <th scope="col">In use</th>
          </tr>
        </thead>
        <tbody>
          {settings.deficiencyReasons.map((reason) => (
            <tr key={reason.code} data-testid="reason-row">
              <td>{reason.label}</td>
              <td>
                <code>{reason.code}</code>
              </td>
              <td>{reason.active ? 'Yes' : 'Retired'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="policy-values">
        <dt>Days the Member has to respond to a finding</dt>
        <dd data-testid="policy-response-days">{settings.responseDays} days</dd>
        <dt>Largest evidence file</dt>
        <dd>{formatFileSize(settings.maxEvidenceBytes)}</dd>
        <dt>Marking on every report page</dt>
        <dd>{settings.reportMarking}</dd>
      </dl>
    </div>
  );
}
