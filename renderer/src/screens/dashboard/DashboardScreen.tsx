import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsFilters, AnalyticsFiltersSchema } from '../../../../shared/analytics/filters';
import { ANALYTICS_VIEWS } from '../../../../shared/analytics/views';
import type { AnalyticsAnswer, AnalyticsRequest } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDateTime } from '../../components/format';
import { translateMessage } from '../../i18n/messages';
import { knownPerson } from '../../state/known-person';
import { navigate, routeHref } from '../../state/route';
import { useSyncStore } from '../../state/sync-store';
import { ExportOutcome, useSaveOutcome } from '../report/ExportStatus';
import type { Outcome } from '../report/save-outcome';
import { DashboardFilters } from './DashboardFilters';
import { type DashboardQuery, dashboardQueryString, limitChoices, parseDashboardQuery } from './dashboard-query';
import { useDashboardLabels } from './labels';
import { ViewBody } from './ViewBody';

type FieldErrors = Partial<Record<keyof AnalyticsFilters, string>>;

/** The filters as the contract reads them, or the message for each field it refuses. */
/** The filters checked with the API's own schema; each refusal worded for the person, in the interface's language. */
function checkFilters(filters: AnalyticsFilters, t: TFunction): { ok: true } | { ok: false; errors: FieldErrors } {
  const parsed = AnalyticsFiltersSchema.safeParse(filters);
  if (parsed.success) return { ok: true };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof AnalyticsFilters | undefined;
    if (!key || errors[key]) continue;
    // The only cross-field rule: the end of the range before its start.
    errors[key] =
      issue.code === 'custom' ? t('reports.dashboard.errors.dateOrder') : t(`reports.dashboard.errors.${key}`);
  }
  return { ok: false, errors };
}

/**
 * The MSC performance dashboard: six views over this computer's own validations or, from HQ, over
 * everything the person's role may see. The address holds the view, source and filters, so a view can be
 * bookmarked, sent to a colleague or reopened after a restart.
 */
export function DashboardScreen({ query }: { query: string }) {
  const syncStatus = useSyncStore((s) => s.status);
  const role = knownPerson(syncStatus).role;
  const enrolled = syncStatus?.enrolled ?? false;
  const seesMore = role === 'FIELD_OFFICE_REVIEWER' || role === 'SUPERVISOR' || role === 'HQ_ANALYST';
  const q = useMemo(() => parseDashboardQuery(query, seesMore ? 'hq' : 'computer'), [query, seesMore]);
  // HQ is a choice once the laptop is enrolled (or the address asks for it); until the status is known, neither.
  const sourceChoice = enrolled || q.source === 'hq';
  const request: AnalyticsRequest = { source: q.source, view: q.view, filters: q.filters, limit: q.limit };
  const requestKey = JSON.stringify(request);
  const labels = useDashboardLabels();
  const { t, i18n } = useTranslation();
  const saved = useSaveOutcome();

  const [answer, setAnswer] = useState<AnalyticsAnswer | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);

  // The messages are worded when the request is made: again when the language changes, as it does just after a
  // reload in Spanish (the first render is in English until the person's language is known).
  // biome-ignore lint/correctness/useExhaustiveDependencies: requestKey stands for the request it was made from
  useEffect(() => {
    let current = true;
    setOutcome(null);
    const checked = checkFilters(request.filters, t);
    if (!checked.ok) {
      setFieldErrors(checked.errors);
      setAnswer(null);
      setLoading(false);
      setError(t('reports.dashboard.invalidFilters'));
      return;
    }
    setFieldErrors({});
    setLoading(true);
    setError(null);
    call('analytics:view', request)
      .then((a) => current && setAnswer(a))
      .catch((e: unknown) => {
        if (!current) return;
        setAnswer(null);
        setError(errorMessage(e));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [requestKey, i18n.language]);

  const go = (next: Partial<DashboardQuery>) =>
    navigate({ name: 'dashboard', query: dashboardQueryString({ ...q, ...next }) });

  const saveCsv = async () => {
    setSaving(true);
    setOutcome(null);
    try {
      setOutcome(saved.finished(await call('analytics:csv', request)));
    } catch (e) {
      setOutcome(saved.failed(errorMessage(e)));
    } finally {
      setSaving(false);
    }
  };

  const result = answer?.result.view === q.view ? answer.result : null;
  return (
    <div className="grid-container screen dashboard-screen">
      <div className="dashboard-screen__title">
        <h1 tabIndex={-1}>{t('reports.dashboard.title')}</h1>
        {sourceChoice ? (
          <fieldset className="usa-fieldset dashboard-source">
            <legend className="usa-legend">{t('reports.dashboard.figuresFrom')}</legend>
            {(['computer', 'hq'] as const).map((s) => (
              <div className="usa-radio dashboard-source__option" key={s}>
                <input
                  className="usa-radio__input"
                  id={`dashboard-source-${s}`}
                  type="radio"
                  name="dashboard-source"
                  checked={q.source === s}
                  onChange={() => go({ source: s })}
                  aria-describedby={`dashboard-source-${s}-hint`}
                />
                <label className="usa-radio__label" htmlFor={`dashboard-source-${s}`}>
                  {t(`reports.dashboard.source.${s}`)}
                </label>
                <span className="usa-sr-only" id={`dashboard-source-${s}-hint`}>
                  {t(`reports.dashboard.sourceHint.${s}`)}
                </span>
              </div>
            ))}
          </fieldset>
        ) : (
          // One source is no choice: a lone radio button would ask a question with one answer.
          syncStatus && (
            <p className="dashboard-source dashboard-source--only" data-testid="dashboard-source-only">
              {t('reports.dashboard.onlyComputer')}
            </p>
          )
        )}
      </div>
      <div className="dashboard-screen__top">
        <DashboardFilters
          filters={q.filters}
          editions={labels.editions}
          errors={fieldErrors}
          onApply={(filters) => go({ filters })}
        />
      </div>
      <div className="dashboard-screen__body">
        <nav aria-label={t('reports.dashboard.views')} className="dashboard-screen__nav">
          <ul className="usa-sidenav">
            {ANALYTICS_VIEWS.map((view) => (
              <li className="usa-sidenav__item" key={view}>
                <a
                  href={routeHref({ name: 'dashboard', query: dashboardQueryString({ ...q, view }) })}
                  className={view === q.view ? 'usa-current' : undefined}
                  aria-current={view === q.view ? 'page' : undefined}
                >
                  {t(`reports.dashboard.view.${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section className="dashboard-screen__view" aria-labelledby="dashboard-view-title" aria-busy={loading}>
          <div className="dashboard-screen__view-head">
            <h2 id="dashboard-view-title">{t(`reports.dashboard.view.${q.view}`)}</h2>
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={saving || !result}
              onClick={() => void saveCsv()}
            >
              {t('reports.dashboard.downloadCsv')}
            </button>
          </div>
          <p className="dashboard-scope" data-testid="dashboard-scope" aria-live="polite">
            {loading
              ? t('reports.dashboard.counting')
              : answer && result
                ? t('reports.dashboard.scope', {
                    scope: translateMessage({ message: answer.scope, ...answer.scopeMessage }),
                    time: formatDateTime(answer.computedAt),
                  })
                : ''}
          </p>
          {error && <Alert type="error">{error}</Alert>}
          {outcome && <ExportOutcome outcome={outcome} testId="dashboard-csv-outcome" />}
          {q.view === 'top-deficiencies' && (
            <div className="dashboard-controls">
              <label className="usa-label" htmlFor="dashboard-limit">
                {t('reports.dashboard.criteriaListed')}
              </label>
              <select
                className="usa-select dashboard-controls__narrow"
                id="dashboard-limit"
                value={q.limit}
                onChange={(e) => go({ limit: Number(e.target.value) })}
              >
                {limitChoices(q.limit).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          )}
          {result && <ViewBody result={result} labels={labels} />}
        </section>
      </div>
    </div>
  );
}
