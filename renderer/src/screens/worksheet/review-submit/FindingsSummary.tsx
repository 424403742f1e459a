import { useTranslation } from 'react-i18next';
import type { FindingClassification } from '../../../../../shared/domain/field-work';
import { formatDate } from '../../../components/format';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { useReasonLabel } from '../../../i18n/reason-labels';
import { routeHref } from '../../../state/route';
import { useWorksheetStore } from '../../../state/worksheet-store';

const CLASSIFICATIONS: FindingClassification[] = ['ACTION_REQUIRED', 'RECOMMENDATION'];

/** What the SCSS is about to sign: every finding with its classification, reason and due date, in worksheet order. */
export function FindingsSummary() {
  const { t } = useTranslation();
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const reasonLabel = useReasonLabel();
  if (!worksheet) return null;
  const order = new Map(worksheet.criteria.map((c, i) => [c.id, i]));
  const categoryOf = new Map(worksheet.criteria.map((c) => [c.id, c.category]));
  const reasons = new Map(worksheet.settings.deficiencyReasons.map((r) => [r.code, reasonLabel(r)]));
  const findings = [...worksheet.findings].sort(
    (a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0),
  );
  const count = (c: FindingClassification) => findings.filter((f) => f.classification === c).length;
  const bestPractices = worksheet.observations.length;
  const caption = t('worksheet.review.summary.caption', { count: findings.length });

  return (
    <section className="findings-summary" aria-labelledby="findings-summary-heading" data-testid="findings-summary">
      <h3 id="findings-summary-heading">{t('worksheet.review.summary.heading')}</h3>
      <ul className="usa-list usa-list--unstyled findings-summary__counts" data-testid="findings-counts">
        {CLASSIFICATIONS.map((c) => (
          <li key={c}>
            <strong>{count(c)}</strong> {t(`worksheet.review.summary.counts.${c}`, { count: count(c) })}
          </li>
        ))}
        <li>
          <strong>{bestPractices}</strong> {t('worksheet.review.summary.bestPractices', { count: bestPractices })}
        </li>
      </ul>
      {findings.length === 0 ? (
        <p>{t('worksheet.review.summary.none')}</p>
      ) : (
        <ScrollableTable label={caption} className="findings-summary__scroll">
          <table className="usa-table usa-table--borderless usa-table--compact findings-summary__table">
            <caption className="usa-sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worksheet.review.summary.criterion')}</th>
                <th scope="col">{t('worksheet.review.summary.classification')}</th>
                <th scope="col">{t('worksheet.review.summary.reason')}</th>
                <th scope="col">{t('worksheet.review.summary.due')}</th>
                <th scope="col">{t('worksheet.review.summary.description')}</th>
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
                  <td>{t(`domain.classification.${f.classification}`)}</td>
                  <td>
                    {f.reasonCode
                      ? (reasons.get(f.reasonCode) ?? f.reasonCode)
                      : t('worksheet.review.summary.noReason')}
                  </td>
                  <td>{f.dueDate ? formatDate(f.dueDate) : t('worksheet.review.summary.noDue')}</td>
                  <td className="findings-summary__description">
                    {f.description.trim() || t('worksheet.review.summary.noDescription')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
