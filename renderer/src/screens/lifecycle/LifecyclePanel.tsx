import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowState } from '../../../../shared/domain/lifecycle';
import type { HistoryEntryView, ValidationLifecycleView } from '../../../../shared/ipc/contract';
import { formatDate, formatDateTime } from '../../components/format';
import { useActorName } from '../../i18n/actor-name';
import { useDomainLabels } from '../../i18n/domain-labels';
import { shortHash } from '../review/review-format';

/** A validation's state as a USWDS tag; null is a validation not submitted yet. */
export function WorkflowStateTag({ state }: { state: WorkflowState | null }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  return (
    <span
      className={`usa-tag lifecycle-tag lifecycle-tag--${(state ?? 'DRAFT').toLowerCase().replace(/_/g, '-')}`}
      data-testid="lifecycle-state"
    >
      {state ? labels.workflowState(state) : t('review.lifecycle.notSubmitted')}
    </span>
  );
}

function HistoryItem({ entry }: { entry: HistoryEntryView }) {
  const { t } = useTranslation();
  const actorName = useActorName();
  const role = entry.actor.role ? t(`domain.userRole.${entry.actor.role}`) : null;
  // A step at HQ needs no note; the others say where the step is (review.lifecycle.sync.*).
  const note = entry.sync === 'AT_HQ' ? null : t(`review.lifecycle.sync.${entry.sync}`);
  return (
    <li className="lifecycle-history__item" data-testid="history-entry" data-kind={entry.kind}>
      <span className="lifecycle-history__label">{t(`domain.workflowEvent.${entry.kind}`)}</span>{' '}
      <span className="lifecycle-history__who">
        {actorName(entry.actor.name)}
        {role && ` (${role})`}
      </span>
      {', '}
      <time className="lifecycle-history__when" dateTime={entry.at}>
        {formatDateTime(entry.at)}
      </time>
      {entry.reportDate && (
        <span className="lifecycle-history__extra">
          {t('review.lifecycle.reportDateOn', { date: formatDate(entry.reportDate) })}
        </span>
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
  heading,
  headingLevel = 2,
  recentSteps = 3,
  className,
}: {
  lifecycle: ValidationLifecycleView;
  /** The panel's heading (visible); "Status and history" unless given. */
  heading?: string;
  headingLevel?: 2 | 3;
  /** How many of the latest steps show without unfolding the rest. */
  recentSteps?: number;
  className?: string;
}) {
  const headingId = useId();
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const history = lifecycle.history;
  const split = Math.max(0, history.length - recentSteps);
  const earlier = history.slice(0, split);
  const recent = history.slice(split);
  const facts: { label: string; value: ReactNode; testId: string }[] = [];
  if (lifecycle.reportDate) {
    facts.push({
      label: t('review.lifecycle.reportDate'),
      value: formatDate(lifecycle.reportDate),
      testId: 'lifecycle-report-date',
    });
  }
  if (lifecycle.responseDueDate) {
    facts.push({
      label: t('review.lifecycle.responseDue'),
      value: formatDate(lifecycle.responseDueDate),
      testId: 'lifecycle-response-due',
    });
  }
  if (lifecycle.reportSha256) {
    facts.push({
      label: t('review.lifecycle.reportFingerprint'),
      value: (
        <code className="lifecycle-panel__hash" title={t('review.labels.sha256', { hash: lifecycle.reportSha256 })}>
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
          {heading ?? t('review.lifecycle.heading')}
        </Heading>
        <span className="lifecycle-panel__tags">
          <WorkflowStateTag state={lifecycle.state} />
          {lifecycle.responseOverdue && (
            <span className="usa-tag lifecycle-tag lifecycle-tag--overdue" data-testid="lifecycle-overdue">
              {t('review.lifecycle.overdue')}
            </span>
          )}
          {lifecycle.demo && (
            <span className="usa-tag lifecycle-tag lifecycle-tag--demo" data-testid="lifecycle-demo">
              {t('review.lifecycle.demo')}
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
        <p className="lifecycle-panel__empty">{t('review.lifecycle.noSteps')}</p>
      ) : (
        <div className="lifecycle-history">
          {earlier.length > 0 && (
            <details className="lifecycle-history__earlier">
              <summary>{t('review.lifecycle.earlier', { count: earlier.length })}</summary>
              <ol className="lifecycle-history__list" aria-label={t('review.lifecycle.earlierSteps')}>
                {earlier.map((entry) => (
                  <HistoryItem key={entry.id} entry={entry} />
                ))}
              </ol>
            </details>
          )}
          <ol
            className="lifecycle-history__list"
            start={earlier.length + 1}
            aria-label={earlier.length > 0 ? t('review.lifecycle.latestSteps') : t('review.lifecycle.history')}
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
