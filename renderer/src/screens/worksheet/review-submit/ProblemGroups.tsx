import { useTranslation } from 'react-i18next';
import type { CompletenessProblem } from '../../../../../shared/domain/completeness-types';
import { warningKey } from '../../../../../shared/domain/considered-warnings';
import { translateMessage } from '../../../i18n/messages';
import { routeHref } from '../../../state/route';
import type { ProblemGroup } from './problem-groups';

export type ConsideredControl = {
  keys: ReadonlySet<string>;
  saving: string | null;
  toggle: (problems: ReadonlyArray<CompletenessProblem>, considered: boolean, busy: string) => Promise<void>;
};

function ProblemMessage({ problem, validationId }: { problem: CompletenessProblem; validationId: string }) {
  if (!problem.criterionId || !problem.category)
    return <span className="review-problem__message">{translateMessage(problem)}</span>;
  return (
    <a
      className="usa-link review-problem__message"
      href={routeHref({ name: 'worksheet', validationId, category: problem.category, focus: problem.criterionId })}
    >
      {translateMessage(problem)}
    </a>
  );
}

function ConsideredCheckbox({
  problem,
  control,
  index,
}: {
  problem: CompletenessProblem;
  control: ConsideredControl;
  index: number;
}) {
  const { t } = useTranslation();
  const key = warningKey(problem);
  // Warnings about no criterion share a key (one mark covers them), so the index keeps each id unique.
  const id = `considered-${key.replace(/[^A-Za-z0-9]+/g, '-')}-${index}`;
  return (
    <div className="usa-checkbox review-problem__considered">
      <input
        className="usa-checkbox__input"
        id={id}
        type="checkbox"
        checked={control.keys.has(key)}
        disabled={control.saving === key || control.saving === problem.code}
        onChange={(e) => void control.toggle([problem], e.target.checked, key)}
      />
      <label className="usa-checkbox__label" htmlFor={id}>
        {t('worksheet.review.considered')}
        <span className="usa-sr-only">: {translateMessage(problem)}</span>
      </label>
    </div>
  );
}

/** One press for a group of the same warning (93 criteria without a verification method). */
function MarkGroup({ group, control }: { group: ProblemGroup; control: ConsideredControl }) {
  const { t } = useTranslation();
  const all = group.considered === group.problems.length;
  const label = all
    ? t('worksheet.review.clearMarks', { n: group.problems.length })
    : t('worksheet.review.markAll', { n: group.problems.length });
  return (
    <div className="review-group__actions">
      <button
        type="button"
        className="usa-button usa-button--unstyled"
        aria-label={t('worksheet.review.groupAction', {
          action: label,
          group: t(`worksheet.review.group.${group.code}`),
        })}
        disabled={control.saving === group.code}
        onClick={() => void control.toggle(group.problems, !all, group.code)}
      >
        {label}
      </button>
    </div>
  );
}

/**
 * Problems grouped by rule, each group a collapsible with its count. Errors open, warnings closed; warnings
 * carry a "Considered" checkbox each, so the SCSS can work through hundreds and see how far they got.
 */
export function ProblemGroups({
  groups,
  validationId,
  considered,
  testId,
}: {
  groups: ProblemGroup[];
  validationId: string;
  /** Given for warnings only: errors must be fixed, not considered. */
  considered?: ConsideredControl;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="review-groups">
      {groups.map((group) => (
        <details
          key={group.code}
          className="review-group"
          data-testid={testId}
          data-code={group.code}
          open={considered ? undefined : true}
        >
          <summary className="review-group__summary">
            <span className="review-group__title">{t(`worksheet.review.group.${group.code}`)}</span>{' '}
            <span className="review-group__count" data-testid="group-count">
              ({group.problems.length})
            </span>
            {considered && group.considered > 0 && (
              <span className="review-group__considered">
                {' '}
                {group.considered === group.problems.length
                  ? t('worksheet.review.allConsidered')
                  : t('worksheet.review.someConsidered', { n: group.considered })}
              </span>
            )}
          </summary>
          {considered && group.problems.length > 1 && <MarkGroup group={group} control={considered} />}
          <ul className="usa-list usa-list--unstyled review-problems">
            {group.problems.map((p, i) => (
              <li key={`${p.code}-${p.criterionId ?? i}`} data-testid="problem" className="review-problem">
                <ProblemMessage problem={p} validationId={validationId} />
                {considered && <ConsideredCheckbox problem={p} control={considered} index={i} />}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
