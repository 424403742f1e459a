import { useTranslation } from 'react-i18next';
import { formatDate } from './format';

/**
 * A finding's due date as the reviewer and the locked worksheet show it (see shownDueDate): after approval the
 * report date sets it, and the date the SCSS proposed stays readable beside it.
 */
export function FindingDueDate({ due, proposed }: { due: string; proposed: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDate(due)}
      {proposed && (
        <span className="finding-due__proposed">{t('review.finding.dueProposed', { date: formatDate(proposed) })}</span>
      )}
    </>
  );
}
