import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../components/format';
import { useWorksheetStore } from '../../state/worksheet-store';

/**
 * The validation was started from an assignment HQ has since withdrawn (a supervisor gave the work to another
 * SCSS): it stays, with everything typed in it, and says so on every page of the worksheet.
 */
export function AssignmentWithdrawnBanner() {
  const { t } = useTranslation();
  const withdrawn = useWorksheetStore((s) => s.worksheet?.assignmentWithdrawn ?? null);
  if (!withdrawn) return null;
  const params = { date: formatLocalDate(withdrawn.at), name: withdrawn.byName };
  return (
    <section
      className="usa-alert usa-alert--warning usa-alert--slim assignment-withdrawn-banner"
      aria-labelledby="assignment-withdrawn-heading"
      data-testid="assignment-withdrawn-banner"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="assignment-withdrawn-heading">
          {t('worksheetParts.assignmentWithdrawn.heading', params)}
        </h2>
        <p className="usa-alert__text">{t('worksheetParts.assignmentWithdrawn.body', params)}</p>
      </div>
    </section>
  );
}
