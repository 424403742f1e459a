import { memo } from 'react';
import type { Criterion } from '../../../shared/catalog/schema';
import { displayedResponse, useWorksheetStore } from '../state/worksheet-store';
import { CriterionDetails } from './worksheet/criterion/CriterionDetails';
import {
  CriterionSaveState,
  CriterionTags,
  CriterionText,
  useReturnedFinding,
} from './worksheet/criterion/CriterionTags';
import { ResultChoice } from './worksheet/criterion/ResultChoice';

/** One criterion in the detailed view: its text, sub-requirements, result and every detail, always open. */
export const CriterionCard = memo(function CriterionCard({
  criterion,
  locked,
  active,
}: {
  criterion: Criterion;
  locked: boolean;
  active: boolean;
}) {
  const result = useWorksheetStore((s) => displayedResponse(s, criterion.id).result);
  const returned = useReturnedFinding(criterion.id);
  const setActive = useWorksheetStore((s) => s.setActiveCriterion);
  const headingId = `criterion-${criterion.id}-heading`;

  return (
    <article
      className={`criterion-card${active ? ' criterion-card--active' : ''}${result ? ` criterion-card--${result.toLowerCase()}` : ''}${returned ? ' criterion-card--returned' : ''}`}
      aria-labelledby={headingId}
      data-criterion={criterion.id}
      data-testid="criterion-card"
      tabIndex={-1}
      onFocusCapture={() => setActive(criterion.id)}
    >
      <header className="criterion-card__header">
        <h3 id={headingId} className="criterion-card__id">
          {criterion.id}
        </h3>
        <CriterionTags criterion={criterion} result={result} />
        <span className="criterion-card__status">
          <CriterionSaveState criterionId={criterion.id} />
        </span>
      </header>
      <CriterionText criterion={criterion} />
      <ResultChoice criterion={criterion} result={result} locked={locked} />
      <CriterionDetails criterion={criterion} locked={locked} />
    </article>
  );
});
