import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeficiencyReason, Finding, InspectionChecklist } from '../../../../shared/domain/field-work';
import { shownDueDate } from '../../../../shared/domain/lifecycle';
import { FindingDueDate } from '../../components/FindingDueDate';
import { useReasonLabel } from '../../i18n/reason-labels';
import { useWorksheetStore } from '../../state/worksheet-store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { checklistOutcome } from './checklist-outcome';

/** One label and its value in a criterion's definition list; an empty value says so in muted words. */
export function Fact({
  term,
  children,
  empty,
  multiline = false,
  wide = false,
}: {
  term: string;
  children: ReactNode;
  /** Shown instead of children when there is nothing recorded. */
  empty?: string | undefined;
  /** Free text typed by the SCSS: keep its line breaks, and give it the whole width. */
  multiline?: boolean;
  /** The whole width even when it is not free text (a list). */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const nothing = children === null || children === undefined || children === '';
  return (
    <div className={`locked-facts__row${multiline || wide ? ' locked-facts__row--wide' : ''}`}>
      <dt className="locked-facts__term">{term}</dt>
      <dd className={`locked-facts__value${multiline ? ' locked-facts__value--text' : ''}`}>
        {nothing ? <span className="locked-facts__empty">{empty ?? t('worksheet.lockedSummary.none')}</span> : children}
      </dd>
    </div>
  );
}

/** The finding as it was submitted: classification, reason, due date, description and its evidence. */
export function LockedFinding({
  finding,
  criterionId,
  reasons,
  evidenceCount,
}: {
  finding: Finding;
  criterionId: string;
  reasons: readonly DeficiencyReason[];
  evidenceCount: number;
}) {
  const { t } = useTranslation();
  const headingId = `locked-finding-${criterionId}`;
  const reasonLabel = useReasonLabel();
  const reasonFound = reasons.find((r) => r.code === finding.reasonCode);
  const reason = finding.reasonCode ? (reasonFound ? reasonLabel(reasonFound) : finding.reasonCode) : null;
  const recommendation = finding.classification === 'RECOMMENDATION';
  const validationDue = useWorksheetStore((s) => s.worksheet?.lifecycle.responseDueDate ?? null);
  const shownDue = shownDueDate(finding, validationDue);
  return (
    <section className="locked-finding" aria-labelledby={headingId} data-testid="locked-finding">
      <h4 id={headingId} className="locked-finding__heading">
        {t('worksheet.lockedSummary.findingFor', { id: criterionId })}{' '}
        <span className={`locked-finding__class${recommendation ? ' locked-finding__class--advice' : ''}`}>
          {t(`domain.classification.${finding.classification}`)}
        </span>
      </h4>
      <dl className="locked-facts">
        <Fact term={t('worksheet.lockedSummary.reason')} empty={t('worksheet.lockedSummary.notGiven')}>
          {reason}
        </Fact>
        <Fact
          term={t('worksheet.lockedSummary.responseDue')}
          empty={recommendation ? t('worksheet.lockedSummary.noResponseRequired') : t('worksheet.lockedSummary.noDate')}
        >
          {shownDue.due ? <FindingDueDate due={shownDue.due} proposed={shownDue.proposed} /> : null}
        </Fact>
        <Fact
          term={t('worksheet.lockedSummary.description')}
          empty={t('worksheet.lockedSummary.noDescription')}
          multiline
        >
          {finding.description}
        </Fact>
      </dl>
      <LockedEvidence
        validationId={finding.validationId}
        criterionId={null}
        findingId={finding.id}
        count={evidenceCount}
      />
    </section>
  );
}

/** Evidence the SCSS attached, read-only: the same list as while editing, without the ways to change it. */
export function LockedEvidence({
  validationId,
  criterionId,
  findingId,
  count,
}: {
  validationId: string;
  criterionId: string | null;
  findingId: string | null;
  count: number;
}) {
  if (count === 0) return null;
  return (
    <div className="locked-evidence">
      <EvidencePanel validationId={validationId} criterionId={criterionId} findingId={findingId} locked />
    </div>
  );
}

/** Each inspection recorded on the criterion: its tally, and every failed item with the SCSS's note. */
export function LockedChecklists({ checklists }: { checklists: readonly InspectionChecklist[] }) {
  const { t } = useTranslation();
  return (
    <ul className="locked-checklists" data-testid="locked-checklists">
      {checklists.map((checklist) => {
        const outcome = checklistOutcome(t, checklist);
        return (
          <li key={checklist.id}>
            <strong>{outcome.title}</strong> · {outcome.tally}
            {outcome.failed.length > 0 && (
              <ul className="locked-checklists__failed">
                {outcome.failed.map((item) => (
                  <li key={item.label}>
                    <span className="locked-checklists__fail">{t('worksheet.lockedSummary.failed')}</span> {item.label}
                    {item.note && ` (${item.note})`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
