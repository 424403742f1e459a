import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  filterWorkPlan,
  WORK_PLAN_KINDS,
  WORK_PLAN_STATES,
  type WorkPlanFilters,
  type WorkPlanKind,
  type WorkPlanRow,
  type WorkPlanState,
} from '../../../../shared/domain/member-record/work-plan';
import type { OfficePeople, WorkPlan } from '../../../../shared/ipc/member-record-contract';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate, formatLocalDate } from '../../components/format';
import { navigate, routeHref } from '../../state/route';
import { ExportOutcome, useSaveOutcome } from '../report/ExportStatus';
import type { Outcome } from '../report/save-outcome';
import { AssignForm } from './AssignForm';
import './work-plan.css';

const NO_FILTERS: WorkPlanFilters = { kind: null, state: null, mineOnly: false, search: '' };
const thisYear = () => new Date().getFullYear();
/** Work a supervisor can still give to an SCSS: not started, not done, not a profile review. */
const ASSIGNABLE: ReadonlySet<WorkPlanState> = new Set(['PLANNED', 'OVERDUE', 'ASSIGNED']);
const rowKey = (r: WorkPlanRow) => `${r.memberId}-${r.kind}-${r.dueOn}`;

/**
 * The field office's plan for a year: every validation, revalidation and profile review due, by date, with who
 * does it and where it stands. The same filters shape the table and the CSV.
 */
export function WorkPlanScreen({ year = thisYear() }: { year?: number | undefined }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<WorkPlan | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filters, setShownFilters] = useState<WorkPlanFilters>(NO_FILTERS);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // What the last CSV held no longer matches the table once the filters change: its message goes.
  const setFilters = (update: (f: WorkPlanFilters) => WorkPlanFilters) => {
    setOutcome(null);
    setShownFilters(update);
  };
  const saved = useSaveOutcome();
  const [people, setPeople] = useState<OfficePeople['people']>([]);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setPlan(null);
    call('workplan:get', { year })
      .then((p) => current && setPlan(p))
      .catch((e) => current && setLoadError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [year]);
  const reload = useCallback(() => {
    call('workplan:get', { year })
      .then(setPlan)
      .catch((e) => setLoadError(errorMessage(e)));
  }, [year]);
  const canAssign = plan?.canAssign ?? false;
  useEffect(() => {
    if (!canAssign) return;
    call('people:office', {})
      .then((p) => setPeople(p.people))
      .catch((e) => setLoadError(errorMessage(e)));
  }, [canAssign]);

  const rows = useMemo(() => (plan ? filterWorkPlan(plan.rows, filters) : []), [plan, filters]);
  const saveCsv = async () => {
    setOutcome(null);
    try {
      setOutcome(saved.finished(await call('workplan:csv', { year, filters })));
    } catch (e) {
      setOutcome(saved.failed(errorMessage(e)));
    }
  };
  const goTo = (next: number) => navigate({ name: 'work-plan', year: next });

  return (
    <div className="grid-container-widescreen screen work-plan">
      <div className="work-plan__title">
        <h1 tabIndex={-1}>{t('memberRecord.workPlan.table', { year })}</h1>
        <div className="work-plan__years">
          <button type="button" className="usa-button usa-button--outline" onClick={() => goTo(year - 1)}>
            {t('memberRecord.workPlan.previousYear')}
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={() => goTo(year + 1)}>
            {t('memberRecord.workPlan.nextYear')}
          </button>
        </div>
      </div>
      <p className="usa-intro work-plan__intro">{t('memberRecord.workPlan.intro')}</p>
      {loadError && <Alert type="error">{loadError}</Alert>}
      <form
        className="usa-form work-plan__filters"
        aria-label={t('memberRecord.workPlan.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label className="usa-label" htmlFor="plan-search">
            {t('memberRecord.workPlan.search')}
          </label>
          <input
            className="usa-input"
            id="plan-search"
            type="text"
            value={filters.search}
            maxLength={200}
            onChange={(e) => setFilters((f) => ({ ...f, search: e.target.value }))}
          />
        </div>
        <div>
          <label className="usa-label" htmlFor="plan-kind">
            {t('memberRecord.workPlan.kind')}
          </label>
          <select
            className="usa-select"
            id="plan-kind"
            value={filters.kind ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, kind: (e.target.value || null) as WorkPlanKind | null }))}
          >
            <option value="">{t('memberRecord.workPlan.anyKind')}</option>
            {WORK_PLAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`memberRecord.workPlan.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="usa-label" htmlFor="plan-state">
            {t('memberRecord.workPlan.state')}
          </label>
          <select
            className="usa-select"
            id="plan-state"
            value={filters.state ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, state: (e.target.value || null) as WorkPlanState | null }))}
          >
            <option value="">{t('memberRecord.workPlan.anyState')}</option>
            {WORK_PLAN_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`memberRecord.workPlan.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="usa-checkbox work-plan__mine">
          <input
            className="usa-checkbox__input"
            id="plan-mine"
            type="checkbox"
            checked={filters.mineOnly}
            onChange={(e) => setFilters((f) => ({ ...f, mineOnly: e.target.checked }))}
          />
          <label className="usa-checkbox__label" htmlFor="plan-mine">
            {t('memberRecord.workPlan.mineOnly')}
          </label>
        </div>
        <button type="button" className="usa-button usa-button--outline work-plan__csv" onClick={() => void saveCsv()}>
          {t('memberRecord.workPlan.saveCsv')}
        </button>
      </form>
      {outcome && <ExportOutcome outcome={outcome} testId="work-plan-outcome" />}
      <p className="work-plan__notice" role="status" data-testid="work-plan-notice">
        {notice}
      </p>
      {plan && (
        <>
          <p className="work-plan__count" aria-live="polite" data-testid="work-plan-count">
            {t('memberRecord.workPlan.count', { count: rows.length })}
          </p>
          {plan.rows.length === 0 ? (
            <p>{t('memberRecord.workPlan.noneAtAll')}</p>
          ) : rows.length === 0 ? (
            <p>{t('memberRecord.workPlan.none', { year })}</p>
          ) : (
            <table
              className="usa-table usa-table--compact usa-table--striped work-plan__table"
              aria-label={t('memberRecord.workPlan.table', { year })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('memberRecord.workPlan.due')}</th>
                  <th scope="col">{t('memberRecord.workPlan.kind')}</th>
                  <th scope="col">{t('memberRecord.workPlan.member')}</th>
                  <th scope="col">{t('memberRecord.workPlan.state')}</th>
                  <th scope="col">{t('memberRecord.workPlan.assignee')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <Fragment key={rowKey(r)}>
                    <tr data-testid="work-plan-row">
                      <td className="work-plan__due">{formatDate(r.dueOn)}</td>
                      <td>{t(`memberRecord.workPlan.kinds.${r.kind}`)}</td>
                      <th scope="row" className="work-plan__member">
                        <a className="usa-link" href={routeHref({ name: 'member', memberId: r.memberId })}>
                          {r.legalName}
                        </a>
                        <span className="work-plan__account">{r.accountNumber}</span>
                      </th>
                      <td>
                        <span className={`usa-tag work-plan__state work-plan__state--${r.state.toLowerCase()}`}>
                          {t(`memberRecord.workPlan.states.${r.state}`)}
                        </span>
                        {r.validationId && (
                          <a
                            className="usa-link work-plan__open"
                            href={routeHref(
                              r.reviewCopy
                                ? { name: 'review', validationId: r.validationId }
                                : { name: 'worksheet', validationId: r.validationId, category: 1, resume: true },
                            )}
                          >
                            {t('memberRecord.workPlan.openValidation')}
                          </a>
                        )}
                        {r.startedElsewhere && (
                          <span className="work-plan__elsewhere" data-testid="work-plan-started-elsewhere">
                            {t('memberRecord.workPlan.startedElsewhere', {
                              date: formatLocalDate(r.startedElsewhere.at),
                              device: r.startedElsewhere.device,
                            })}
                          </span>
                        )}
                      </td>
                      <td>
                        {r.assignee ?? <span className="work-plan__none">{t('memberRecord.workPlan.unassigned')}</span>}
                        {r.targetDate && r.mode && (
                          <span className="work-plan__target">
                            {t('memberRecord.workPlan.target', {
                              date: formatDate(r.targetDate),
                              mode: t(`domain.mode.${r.mode}`),
                            })}
                          </span>
                        )}
                        {canAssign && r.kind !== 'PROFILE_REVIEW' && ASSIGNABLE.has(r.state) && (
                          <button
                            type="button"
                            className="usa-button usa-button--outline usa-button--small work-plan__assign-button"
                            aria-expanded={assigning === rowKey(r)}
                            aria-label={t(
                              r.assignee ? 'memberRecord.workPlan.reassignLabel' : 'memberRecord.workPlan.assignLabel',
                              { member: r.legalName, work: t(`memberRecord.workPlan.kinds.${r.kind}`) },
                            )}
                            onClick={() => {
                              setNotice(null);
                              setAssigning(assigning === rowKey(r) ? null : rowKey(r));
                            }}
                          >
                            {t(r.assignee ? 'memberRecord.workPlan.reassign' : 'memberRecord.workPlan.assign')}
                          </button>
                        )}
                      </td>
                    </tr>
                    {assigning === rowKey(r) && (
                      <tr className="work-plan__assign-row">
                        <td colSpan={5}>
                          <AssignForm
                            row={r}
                            people={people}
                            today={plan.today}
                            onSaved={(name) => {
                              setAssigning(null);
                              setNotice(t('memberRecord.workPlan.assignForm.saved', { member: r.legalName, name }));
                              reload();
                            }}
                            onStale={reload}
                            onCancel={() => setAssigning(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
