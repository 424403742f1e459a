import { FINDING_CLASSIFICATION_LABELS, type FindingClassification } from '../../../../../shared/domain/field-work';
import { formatDate } from '../../../components/format';
import { routeHref } from '../../../state/route';
import { useWorksheetStore } from '../../../state/worksheet-store';

const CLASSIFICATIONS: FindingClassification[] = ['ACTION_REQUIRED', 'RECOMMENDATION'];

const PLURAL_LABELS: Record<FindingClassification, string> = {
  ACTION_REQUIRED: 'Actions required',
  RECOMMENDATION: 'Recommendations',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the SCSS is about to sign: every finding with its classification, reason and due date, in worksheet order. */
export function FindingsSummary() {
  const worksheet = useWorksheetStore((s) => s.worksheet);
  if (!worksheet) return null;
  const order = new Map(worksheet.criteria.map((c, i) => [c.id, i]));
  const categoryOf = new Map(worksheet.criteria.map((c) => [c.id, c.category]));
  const reasons = new Map(worksheet.settings.deficiencyReasons.map((r) => [r.code, r.label]));
  const findings = [...worksheet.findings].sort(
    (a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0),
  );
  const count = (c: FindingClassification) => findings.filter((f) => f.classification === c).length;
  const bestPractices = worksheet.observations.length;

  return (
    <section className="findings-summary" aria-labelledby="findings-summary-heading" data-testid="findings-summary">
      <h3 id="findings-summary-heading">Summary of findings</h3>
      <ul className="usa-list usa-list--unstyled findings-summary__counts" data-testid="findings-counts">
        {CLASSIFICATIONS.map((c) => (
          <li key={c}>
            <strong>{count(c)}</strong> {count(c) === 1 ? FINDING_CLASSIFICATION_LABELS[c] : PLURAL_LABELS[c]}
          </li>
        ))}
        <li>
          <strong>{bestPractices}</strong> {bestPractices === 1 ? 'Best practice' : 'Best practices'}
        </li>
      </ul>
      {findings.length === 0 ? (
        <p>No findings: every answered criterion is Compliant or Not applicable.</p>
      ) : (
        <table className="usa-table usa-table--borderless usa-table--compact findings-summary__table">
          <caption className="usa-sr-only">{plural(findings.length, 'finding', 'findings')} in this validation</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Classification</th>
              <th scope="col">Deficiency reason</th>
              <th scope="col">Response due</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f) => (
              <tr key={f.id} data-testid="summary-finding" data-criterion={f.criterionId}>
                <th scope="row">
                  <a
                    className="usa-link"
                    href={routeHref({
                      name: 'worksheet',
                      validationId: worksheet.validation.id,
                      category: categoryOf.get(f.criterionId) ?? 1,
                      focus: f.criterionId,
                    })}
                  >
                    {f.criterionId}
                  </a>
                </th>
                <td>{FINDING_CLASSIFICATION_LABELS[f.classification]}</td>
                <td>{f.reasonCode ? (reasons.get(f.reasonCode) ?? f.reasonCode) : 'None given'}</td>
                <td>{f.dueDate ? formatDate(f.dueDate) : 'None'}</td>
                <td className="findings-summary__description">{f.description.trim() || 'No description'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
