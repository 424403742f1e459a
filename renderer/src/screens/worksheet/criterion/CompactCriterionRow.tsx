import './criterion.css';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../../../shared/catalog/schema';
import { displayedResponse, useWorksheetStore } from '../../../state/worksheet-store';
import { CriterionDetails } from './CriterionDetails';
import { CriterionSaveState, CriterionTags, CriterionText, LevelTag, useReturnedFinding } from './CriterionTags';
import { ResultChoice } from './ResultChoice';

/** What a collapsed row says about its details: notes written, evidence attached, a finding recorded or missing. */
function RowIndicators({ criterionId }: { criterionId: string }) {
  const { t } = useTranslation();
  const hasNotes = useWorksheetStore((s) => displayedResponse(s, criterionId).notes.trim() !== '');
  const evidenceCount = useWorksheetStore(
    (s) =>
      s.worksheet?.evidence.filter(
        (e) =>
          e.criterionId === criterionId ||
          s.worksheet?.findings.some((f) => f.id === e.findingId && f.criterionId === criterionId),
      ).length ?? 0,
  );
  const finding = useWorksheetStore((s) => s.worksheet?.findings.some((f) => f.criterionId === criterionId));
  const deficient = useWorksheetStore((s) => displayedResponse(s, criterionId).result === 'DEFICIENT');
  return (
    <span className="criterion-row__indicators">
      {hasNotes && <span className="criterion-row__indicator">{t('worksheet.criterion.row.notes')}</span>}
      {evidenceCount > 0 && (
        <span className="criterion-row__indicator">{t('worksheet.criterion.row.evidence', { n: evidenceCount })}</span>
      )}
      {finding && (
        <span className="criterion-row__indicator criterion-row__indicator--finding">
          {t('worksheet.criterion.row.finding')}
        </span>
      )}
      {deficient && !finding && (
        <span className="criterion-row__indicator criterion-row__indicator--missing">
          {t('worksheet.criterion.row.noFinding')}
        </span>
      )}
    </span>
  );
}

/**
 * One criterion as a single row: id, level, summary, result buttons and what it holds. Enter (or the arrow
 * button) opens it in place for method, site, notes, evidence and the finding.
 */
export const CompactCriterionRow = memo(function CompactCriterionRow({
  criterion,
  locked,
  active,
}: {
  criterion: Criterion;
  locked: boolean;
  active: boolean;
}) {
  const { t } = useTranslation();
  const result = useWorksheetStore((s) => displayedResponse(s, criterion.id).result);
  const expanded = useWorksheetStore((s) => Boolean(s.expanded[criterion.id]));
  const setExpanded = useWorksheetStore((s) => s.setExpanded);
  const setActive = useWorksheetStore((s) => s.setActiveCriterion);
  const returned = useReturnedFinding(criterion.id);
  const headingId = `criterion-${criterion.id}-heading`;
  const detailsId = `criterion-${criterion.id}-details`;

  return (
    <article
      className={`criterion-row${active ? ' criterion-row--active' : ''}${result ? ` criterion-card--${result.toLowerCase()}` : ''}${returned ? ' criterion-card--returned' : ''}${expanded ? ' criterion-row--expanded' : ''}`}
      aria-labelledby={headingId}
      data-criterion={criterion.id}
      data-testid="criterion-row"
      tabIndex={-1}
      onFocusCapture={() => setActive(criterion.id)}
    >
      <div className="criterion-row__line">
        <button
          type="button"
          className="criterion-row__toggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-keyshortcuts="Enter"
          onClick={() => setExpanded(criterion.id, !expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="usa-sr-only">{t('worksheet.criterion.row.details', { id: criterion.id })}</span>
        </button>
        <h3 id={headingId} className="criterion-row__id">
          {criterion.id}
        </h3>
        <LevelTag level={criterion.level} />
        <p className="criterion-row__summary" title={criterion.summary}>
          {criterion.summary}
        </p>
        <RowIndicators criterionId={criterion.id} />
        <ResultChoice criterion={criterion} result={result} locked={locked} compact />
        <span className="criterion-row__status">
          <CriterionSaveState criterionId={criterion.id} compact />
        </span>
      </div>
      {expanded && (
        <div id={detailsId} className="criterion-row__details">
          <p className="criterion-card__tags">
            <CriterionTags criterion={criterion} result={result} />
          </p>
          <CriterionText criterion={criterion} />
          <CriterionDetails criterion={criterion} locked={locked} />
        </div>
      )}
    </article>
  );
});
