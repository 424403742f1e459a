import { type ReactNode, useId } from 'react';
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../../../shared/domain/lifecycle';
import type { HistoryEntryView, ValidationLifecycleView } from '../../../../shared/ipc/contract';
import { formatDate } from '../../components/format';
import { formatMoment, roleLabel, shortHash } from '../review/review-format';

/** A validation's state as a USWDS tag; null is a validation not submitted yet. */
export function WorkflowStateTag({ state }: { state: WorkflowState | null }) {
  return (
    <span
      className={`usa-tag lifecycle-tag lifecycle-tag--${(state ?? 'DRAFT').toLowerCase().replace(/_/g, '-')}`}
      data-testid="lifecycle-state"
    >
      {state ? WORKFLOW_STATE_LABELS[state] : 'Not submitted'}
    </span>
  );
}

const SYNC_NOTES: Partial<Record<HistoryEntryView['sync'], string>> = {
  WAITING: 'Not at HQ yet: it goes with the next sync',
  REFUSED: 'HQ refused this step',
  LOCAL_ONLY: 'Kept on this computer only',
};

function HistoryItem({ entry }: { entry: HistoryEntryView }) {
  const role = roleLabel(entry.actor.role);
  const note = SYNC_NOTES[entry.sync];
  return (
    <li className="lifecycle-history__item" data-testid="history-entry" data-kind={entry.kind}>
      <span className="lifecycle-history__label">{entry.label}</span>{' '}
      <span className="lifecycle-history__who">
        {entry.actor.name}
        {role && ` (${role})`}
      </span>
      {', '}
      <time className="lifecycle-history__when" dateTime={entry.at}>
        {formatMoment(entry.at)}
      </time>
      {entry.reportDate && (
        <span className="lifecycle-history__extra"> · report date {formatDate(entry.reportDate)}</span>
      )}
      {note && (
        <span
          className={`lifecycle-history__sync lifecycle-history__sync--${entry.sync.toLowerCase()}`}
          data-testid="history-sync"
        >
          {note}
        </span>
      )}
      {entry.comment && <q className="lifecycle-history__comment">{entry.comment}</q>}
    </li>
  );
}

/**
 * Where a validation is and how it got there: its state, the report and response dates, and each step with
 * who took it and when. Compact, for the top of the review and worksheet pages; the oldest steps fold away.
 */
export function LifecyclePanel({
  lifecycle,
  heading = 'Status and history',
  headingLevel = 2,
  recentSteps = 3,
  className,
}: {
  lifecycle: ValidationLifecycleView;
  /** The panel's heading (visible). */
  heading?: string;
  headingLevel?: 2 | 3;
  /** How many of the latest steps show without unfolding the rest. */
  recentSteps?: number;
  className?: string;
}) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const history = lifecycle.history;
  const split = Math.max(0, history.length - recentSteps);
  const earlier = history.slice(0, split);
  const recent = history.slice(split);
  const facts: { label: string; value: ReactNode; testId: string }[] = [];
  if (lifecycle.reportDate) {
    facts.push({ label: 'Report date', value: formatDate(lifecycle.reportDate), testId: 'lifecycle-report-date' });
  }
  if (lifecycle.responseDueDate) {
    facts.push({
      label: 'Response due',
      value: formatDate(lifecycle.responseDueDate),
      testId: 'lifecycle-response-due',
    });
  }
  if (lifecycle.reportSha256) {
    facts.push({
      label: 'Report fingerprint',
      value: (
        <code className="lifecycle-panel__hash" title={`SHA-256 ${lifecycle.reportSha256}`}>
          <span aria-hidden="true">{shortHash(lifecycle.reportSha256)}</span>
          <span className="usa-sr-only">{lifecycle.reportSha256}</span>
        </code>
      ),
      testId: 'lifecycle-report-sha',
    });
  }

  return (
    <section
      className={`lifecycle-panel${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      data-testid="lifecycle-panel"
    >
      <div className="lifecycle-panel__top">
        <Heading id={headingId} className="lifecycle-panel__heading">
          {heading}
        </Heading>
        <span className="lifecycle-panel__tags">
          <WorkflowStateTag state={lifecycle.state} />
          {lifecycle.responseOverdue && (
            <span className="usa-tag lifecycle-tag lifecycle-tag--overdue" data-testid="lifecycle-overdue">
              Response overdue
            </span>
          )}
          {lifecycle.demo && (
            <span className="usa-tag lifecycle-tag lifecycle-tag--demo" data-testid="lifecycle-demo">
              Demo validation: stays on this computer
            </span>
          )}
        </span>
      </div>
      {facts.length > 0 && (
        <dl className="lifecycle-panel__facts">
          {facts.map((fact) => (
            <div key={fact.label} className="lifecycle-panel__fact">
              <dt>{fact.label}</dt>
              <dd data-testid={fact.testId}>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {history.length === 0 ? (
        <p className="lifecycle-panel__empty">No steps recorded yet.</p>
      ) : (
        <div className="lifecycle-history">
          {earlier.length > 0 && (
            <details className="lifecycle-history__earlier">
              <summary>
                {earlier.length} earlier step{earlier.length === 1 ? '' : 's'}
              </summary>
              <ol className="lifecycle-history__list" aria-label="Earlier steps">
                {earlier.map((entry) => (
                  <HistoryItem key={entry.id} entry={entry} />
                ))}
              </ol>
            </details>
          )}
          <ol
            className="lifecycle-history__list"
            start={earlier.length + 1}
            aria-label={earlier.length > 0 ? 'Latest steps' : 'History'}
            data-testid="lifecycle-history"
          >
            {recent.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
