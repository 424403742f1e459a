import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistItemsFor } from '../../../../shared/catalog/checklists';
import type { InspectionChecklist, VirtualSession } from '../../../../shared/domain/field-work';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { formatDate, formatDateTime } from '../../components/format';
import { checklistTitle, groupLabel, itemLabel } from '../inspections/checklist-labels';
import { AccordionSection } from './Accordion';
import type { ReviewCriterion } from './FindingReviewCard';
import { ReviewEvidenceList } from './ReviewEvidence';

/** The group of evidence attached to no criterion or finding (named review.whole.evidence.other). */
const OTHER_EVIDENCE = 'Other';

function ResultTag({ result }: { result: ReviewCriterion['response'] }) {
  const { t } = useTranslation();
  const value = result?.result ?? null;
  return (
    <span className={`result-tag result-tag--${(value ?? 'none').toLowerCase()}`}>
      {value ? t(`domain.result.${value}`) : t('review.whole.notAnsweredTag')}
    </span>
  );
}

function CriteriaTable({
  criteria,
  category,
  markChanged,
}: {
  criteria: ReviewCriterion[];
  category: number;
  markChanged: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="usa-table usa-table--compact usa-table--borderless review-table" data-testid="criteria-table">
      <caption className="usa-sr-only">{t('review.whole.criteria.caption', { category })}</caption>
      <thead>
        <tr>
          <th scope="col" className="review-table__criterion">
            {t('review.whole.criteria.criterion')}
          </th>
          <th scope="col" className="review-table__result">
            {t('review.whole.criteria.result')}
          </th>
          <th scope="col">{t('review.whole.criteria.notes')}</th>
          <th scope="col" className="review-table__methods">
            {t('review.whole.criteria.methods')}
          </th>
          <th scope="col" className="review-table__site">
            {t('review.whole.criteria.site')}
          </th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => {
          const r = c.response;
          const changed = markChanged && c.changedSinceLastReview;
          return (
            <tr
              key={c.criterionId}
              className={changed ? 'review-table__row--changed' : undefined}
              data-testid="criterion-row"
              data-criterion={c.criterionId}
            >
              <th scope="row" className="review-table__criterion">
                <span className="review-table__id">{c.criterionId}</span>
                {c.level && <span className="review-table__level">{t(`domain.level.${c.level}`)}</span>}
                {changed && <span className="usa-tag changed-tag">{t('review.whole.criteria.changed')}</span>}
                {c.summary && (
                  <span className="review-table__summary" title={c.summary}>
                    {c.summary}
                  </span>
                )}
              </th>
              <td>
                <ResultTag result={r} />
              </td>
              <td className="review-table__notes">
                {r?.result === 'NOT_APPLICABLE' && r.naJustification && (
                  <span className="review-table__na">
                    {t('review.whole.criteria.whyNa', { text: r.naJustification })}
                  </span>
                )}
                {r?.notes || (r?.result === 'NOT_APPLICABLE' && r.naJustification ? null : <Dash />)}
              </td>
              <td>
                {r && r.verificationMethods.length > 0 ? (
                  r.verificationMethods.map((m) => t(`domain.method.${m}`)).join(', ')
                ) : (
                  <Dash />
                )}
              </td>
              <td>{c.siteName ?? <Dash />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Dash() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true" className="review-table__dash">
        —
      </span>
      <span className="usa-sr-only">{t('review.whole.none')}</span>
    </>
  );
}

function Checklist({ checklist }: { checklist: InspectionChecklist }) {
  const { t } = useTranslation();
  const recorded = new Map(checklist.items.map((i) => [i.key, i]));
  const items = checklistItemsFor(checklist.kind, checklist.refrigerated);
  const failed = items.filter((i) => recorded.get(i.key)?.status === 'FAIL').length;
  return (
    <div className="review-checklist" data-testid="review-checklist">
      <h4 className="review-checklist__title">
        {checklistTitle(t, checklist.kind, checklist.refrigerated)}
        {checklist.label && ` · ${checklist.label}`}{' '}
        <span className="review-checklist__where">
          {t('review.whole.checklist.on', { criterion: checklist.criterionId })}
        </span>
        {failed > 0 && (
          <span className="usa-tag result-tag result-tag--deficient">
            {' '}
            {t('review.whole.checklist.failed', { count: failed })}
          </span>
        )}
      </h4>
      <table className="usa-table usa-table--compact usa-table--borderless review-table">
        <caption className="usa-sr-only">{t('review.whole.checklist.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.whole.checklist.item')}</th>
            <th scope="col">{t('review.whole.checklist.result')}</th>
            <th scope="col">{t('review.whole.checklist.note')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const record = recorded.get(item.key);
            const status = record?.status ?? null;
            return (
              <tr key={item.key}>
                <th scope="row" className="review-table__plain">
                  {item.group && <span className="review-table__level">{groupLabel(t, item.group)}</span>}{' '}
                  {itemLabel(t, item)}
                </th>
                <td>
                  <span className={`checklist-status checklist-status--${(status ?? 'none').toLowerCase()}`}>
                    {status ? t(`review.labels.checklistStatus.${status}`) : t('review.whole.checklist.notRecorded')}
                  </span>
                </td>
                <td>{record?.note || <Dash />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SessionLog({ session }: { session: VirtualSession }) {
  const { t } = useTranslation();
  return (
    <div className="review-session" data-testid="review-session">
      <h4 className="review-checklist__title">
        {session.platform}
        {session.startedAt && (
          <span className="review-checklist__where">
            {' '}
            {formatDateTime(session.startedAt)}
            {session.endedAt && t('review.whole.session.until', { time: formatDateTime(session.endedAt) })}
          </span>
        )}
      </h4>
      <h5 className="review-session__sub">
        {t('review.whole.session.participants', { count: session.participants.length })}
      </h5>
      {session.participants.length === 0 ? (
        <p className="review-muted">{t('review.whole.session.noneRecorded')}</p>
      ) : (
        <ul className="review-session__list">
          {session.participants.map((p) => (
            <li key={`${p.name}-${p.role}`}>
              {p.name}, {t(`domain.participantRole.${p.role}`)}
              {p.organization && ` (${p.organization})`}
            </li>
          ))}
        </ul>
      )}
      <h5 className="review-session__sub">
        {t('review.whole.session.documents', { count: session.documents.length })}
      </h5>
      {session.documents.length === 0 ? (
        <p className="review-muted">{t('review.whole.session.noneRecorded')}</p>
      ) : (
        <ul className="review-session__list">
          {session.documents.map((d) => (
            <li key={d.title}>
              {t('review.whole.session.document', {
                title: d.title,
                requested: d.requestedAt ? formatDate(d.requestedAt) : t('review.whole.session.dateNotRecorded'),
                received: d.receivedAt ? formatDate(d.receivedAt) : t('review.whole.session.notYet'),
              })}
            </li>
          ))}
        </ul>
      )}
      <h5 className="review-session__sub">{t('review.whole.session.segments', { count: session.segments.length })}</h5>
      {session.segments.length === 0 ? (
        <p className="review-muted">{t('review.whole.session.noneRecorded')}</p>
      ) : (
        <table className="usa-table usa-table--compact usa-table--borderless review-table">
          <caption className="usa-sr-only">{t('review.whole.session.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.whole.session.when')}</th>
              <th scope="col">{t('review.whole.session.area')}</th>
              <th scope="col">{t('review.whole.session.criteriaShown')}</th>
              <th scope="col">{t('review.whole.session.note')}</th>
            </tr>
          </thead>
          <tbody>
            {session.segments.map((s) => (
              <tr key={`${s.at}-${s.area}`}>
                <td>{formatDateTime(s.at)}</td>
                <th scope="row" className="review-table__plain">
                  {s.area}
                </th>
                <td>{s.criterionIds.join(', ') || <Dash />}</td>
                <td>{s.note || <Dash />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

type SectionKey = string;

/**
 * Everything the SCSS recorded, read-only and folded by section so a long validation stays usable on a
 * laptop screen: criteria by category (rows changed since the last review marked), sites, best practices,
 * inspection checklists item by item, the virtual session log and all evidence.
 */
export function WholeValidation({
  view,
  categoryNames,
  markChanged,
}: {
  view: ReviewValidationView;
  categoryNames: ReadonlyMap<number, string>;
  /** Mark what the SCSS changed since the last return (while it is back for review). */
  markChanged: boolean;
}) {
  const [open, setOpen] = useState<ReadonlySet<SectionKey>>(new Set());
  const { t } = useTranslation();
  const categoryName = (n: number) => categoryNames.get(n) ?? t('review.whole.category', { number: n });
  const toggle = (key: SectionKey) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const categories = [...new Set(view.criteria.map((c) => c.category))].sort((a, b) => a - b);
  const evidenceByCriterion = new Map<string, typeof view.evidence>();
  for (const e of view.evidence) {
    const key = e.criterionId ?? view.findings.find((f) => f.id === e.findingId)?.criterionId ?? OTHER_EVIDENCE;
    evidenceByCriterion.set(key, [...(evidenceByCriterion.get(key) ?? []), e]);
  }
  const sectionKeys = [
    ...categories.map((n) => `category-${n}`),
    'sites',
    'observations',
    'checklists',
    ...(view.mode === 'VIRTUAL' || view.virtualSessions.length > 0 ? ['sessions'] : []),
    'evidence',
  ];
  const allOpen = sectionKeys.every((k) => open.has(k));

  return (
    <section className="whole-validation" aria-labelledby="whole-validation-heading" data-testid="whole-validation">
      <div className="whole-validation__header">
        <h2 id="whole-validation-heading">{t('review.whole.heading')}</h2>
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => setOpen(allOpen ? new Set() : new Set(sectionKeys))}
        >
          {allOpen ? t('review.whole.collapseAll') : t('review.whole.expandAll')}
        </button>
      </div>
      <div className="usa-accordion usa-accordion--multiselectable usa-accordion--bordered review-accordion">
        {categories.map((n) => {
          const rows = view.criteria.filter((c) => c.category === n);
          const deficient = rows.filter((c) => c.response?.result === 'DEFICIENT').length;
          const changed = markChanged ? rows.filter((c) => c.changedSinceLastReview).length : 0;
          const unanswered = rows.filter((c) => !c.response?.result).length;
          const key = `category-${n}`;
          return (
            <AccordionSection
              key={key}
              testId="category-section"
              title={t('review.whole.categoryTitle', { number: n, name: categoryName(n) })}
              meta={
                <>
                  {t('review.labels.criteria', { count: rows.length })}
                  {deficient > 0 && (
                    <span className="review-accordion__mark--deficient">
                      {t('review.whole.deficient', { count: deficient })}
                    </span>
                  )}
                  {unanswered > 0 && t('review.whole.notAnswered', { count: unanswered })}
                  {changed > 0 && (
                    <span className="review-accordion__mark--changed">
                      {t('review.whole.changed', { count: changed })}
                    </span>
                  )}
                </>
              }
              open={open.has(key)}
              onToggle={() => toggle(key)}
            >
              <CriteriaTable criteria={rows} category={n} markChanged={markChanged} />
              {view.observations.some((o) => o.category === n) && (
                <p className="review-muted">{t('review.whole.practicesElsewhere')}</p>
              )}
            </AccordionSection>
          );
        })}
        <AccordionSection
          title={t('review.whole.sites.title')}
          meta={t('review.whole.sites.count', { count: view.sites.length })}
          open={open.has('sites')}
          onToggle={() => toggle('sites')}
        >
          {view.sites.length === 0 ? (
            <p className="review-muted">{t('review.whole.sites.none')}</p>
          ) : (
            <table className="usa-table usa-table--compact usa-table--borderless review-table">
              <caption className="usa-sr-only">{t('review.whole.sites.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.whole.sites.site')}</th>
                  <th scope="col">{t('review.whole.sites.type')}</th>
                  <th scope="col">{t('review.whole.sites.address')}</th>
                  <th scope="col">{t('review.whole.sites.visited')}</th>
                </tr>
              </thead>
              <tbody>
                {view.sites.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="review-table__plain">
                      {s.name}
                    </th>
                    <td>{t(`domain.siteType.${s.siteType}`)}</td>
                    <td className="review-table__notes">{s.address || <Dash />}</td>
                    <td>{s.visitDate ? formatDate(s.visitDate) : <Dash />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </AccordionSection>
        <AccordionSection
          title={t('review.whole.practices.title')}
          meta={t('review.whole.practices.count', { count: view.observations.length })}
          open={open.has('observations')}
          onToggle={() => toggle('observations')}
        >
          {view.observations.length === 0 ? (
            <p className="review-muted">{t('review.whole.practices.none')}</p>
          ) : (
            <ul className="review-observations">
              {[...view.observations]
                .sort((a, b) => a.category - b.category)
                .map((o) => (
                  <li key={o.id}>
                    <strong>
                      {o.category}. {categoryName(o.category)}:
                    </strong>{' '}
                    {o.text}
                  </li>
                ))}
            </ul>
          )}
        </AccordionSection>
        <AccordionSection
          title={t('review.whole.checklists.title')}
          meta={t('review.whole.checklists.count', { count: view.checklists.length })}
          open={open.has('checklists')}
          onToggle={() => toggle('checklists')}
        >
          {view.checklists.length === 0 ? (
            <p className="review-muted">{t('review.whole.checklists.none')}</p>
          ) : (
            [...view.checklists]
              .sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true }))
              .map((c) => <Checklist key={c.id} checklist={c} />)
          )}
        </AccordionSection>
        {sectionKeys.includes('sessions') && (
          <AccordionSection
            title={t('review.whole.sessions.title')}
            meta={t('review.whole.sessions.count', { count: view.virtualSessions.length })}
            open={open.has('sessions')}
            onToggle={() => toggle('sessions')}
          >
            {view.virtualSessions.length === 0 ? (
              <p className="review-muted">{t('review.whole.sessions.none')}</p>
            ) : (
              view.virtualSessions.map((s) => <SessionLog key={s.id} session={s} />)
            )}
          </AccordionSection>
        )}
        <AccordionSection
          title={t('review.whole.evidence.title')}
          meta={t('review.whole.evidence.count', { count: view.evidence.length })}
          open={open.has('evidence')}
          onToggle={() => toggle('evidence')}
        >
          {view.evidence.length === 0 ? (
            <p className="review-muted">{t('review.whole.evidence.none')}</p>
          ) : (
            [...evidenceByCriterion]
              .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
              .map(([criterionId, files]) => (
                <div key={criterionId} className="review-evidence-group">
                  <h4 className="review-checklist__title">
                    {criterionId === OTHER_EVIDENCE ? t('review.whole.evidence.other') : criterionId}
                  </h4>
                  <ReviewEvidenceList
                    evidence={files}
                    label={t('review.labels.evidenceFor', {
                      criterion: criterionId === OTHER_EVIDENCE ? t('review.whole.evidence.other') : criterionId,
                    })}
                  />
                </div>
              ))
          )}
        </AccordionSection>
      </div>
    </section>
  );
}
