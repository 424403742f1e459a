import type { PolicyStatusView } from '../../../../shared/domain/policy';
import { formatDateTime } from '../../components/format';

/** Says where the policy settings come from and who may change them, above the settings themselves. */
export function PolicySource({ status }: { status: PolicyStatusView }) {
  return (
    <section
      className="usa-summary-box policy-source"
      aria-labelledby="policy-source-heading"
      data-testid="policy-source"
    >
      <div className="usa-summary-box__body">
        <h2 className="usa-summary-box__heading" id="policy-source-heading">
          {heading(status)}
        </h2>
        <div className="usa-summary-box__text">
          <p>{explanation(status)}</p>
        </div>
      </div>
    </section>
  );
}

function heading(status: PolicyStatusView): string {
  if (status.source === 'local') return 'Local defaults: this laptop is not enrolled';
  if (status.source === 'hq-pending') return 'Set by HQ: not received yet';
  if (status.version === 0) return 'Set by HQ (version 0: HQ’s defaults, never changed)';
  const when = status.updatedAt ? `, updated ${formatDateTime(status.updatedAt)}` : '';
  const who = status.updatedBy ? ` by ${status.updatedBy}` : '';
  return `Set by HQ (version ${status.version}${when}${who})`;
}

function explanation(status: PolicyStatusView): string {
  if (status.source === 'local') {
    return 'The deficiency reasons, response period, evidence size limit and report marking below apply to this computer only. Once it is enrolled, HQ sets them.';
  }
  const pending =
    status.source === 'hq-pending' ? 'This computer’s own values apply until the next sync brings HQ’s policy. ' : '';
  return status.canEdit
    ? `${pending}As a supervisor you can change them: saving sends them to HQ straight away (HQ must be reachable), and every enrolled laptop takes them at its next sync.`
    : `${pending}HQ sets the deficiency reasons, response period, evidence size limit and report marking for every enrolled laptop; only a supervisor can change them.`;
}
