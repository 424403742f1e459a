import { useState } from 'react';
import { checklistItemsFor } from '../../../../shared/catalog/checklists';
import {
  type ChecklistItemStatus,
  type InspectionChecklist,
  PARTICIPANT_ROLE_LABELS,
  SITE_TYPE_LABELS,
  VERIFICATION_METHOD_LABELS,
  type VirtualSession,
} from '../../../../shared/domain/field-work';
import { checklistName } from '../../../../shared/domain/inspection-rules';
import { RESPONSE_RESULT_LABELS } from '../../../../shared/domain/validation';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';
import { formatDate } from '../../components/format';
import { AccordionSection } from './Accordion';
import type { ReviewCriterion } from './FindingReviewCard';
import { ReviewEvidenceList } from './ReviewEvidence';
import { formatMoment, LEVEL_LABELS, plural } from './review-format';

const STATUS_LABELS: Record<ChecklistItemStatus, string> = { PASS: 'Pass', FAIL: 'Fail', NOT_APPLICABLE: 'N/A' };

function ResultTag({ result }: { result: ReviewCriterion['response'] }) {
  const value = result?.result ?? null;
  return (
    <span className={`result-tag result-tag--${(value ?? 'none').toLowerCase()}`}>
      {value ? RESPONSE_RESULT_LABELS[value] : 'Not answered'}
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
  return (
    <table className="usa-table usa-table--compact usa-table--borderless review-table" data-testid="criteria-table">
      <caption className="usa-sr-only">Criteria of category {category} with the SCSS&rsquo;s answers</caption>
      <thead>
        <tr>
          <th scope="col" className="review-table__criterion">
            Criterion
          </th>
          <th scope="col" className="review-table__result">
            Result
          </th>
          <th scope="col">Notes</th>
          <th scope="col" className="review-table__methods">
            How verified
          </th>
          <th scope="col" className="review-table__site">
            Site
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
                {c.level && <span className="review-table__level">{LEVEL_LABELS[c.level]}</span>}
                {changed && <span className="usa-tag changed-tag">Changed</span>}
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
                  <span className="review-table__na">Why not applicable: {r.naJustification}</span>
                )}
                {r?.notes || (r?.result === 'NOT_APPLICABLE' && r.naJustification ? null : <Dash />)}
              </td>
              <td>
                {r && r.verificationMethods.length > 0 ? (
                  r.verificationMethods.map((m) => VERIFICATION_METHOD_LABELS[m]).join(', ')
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
  return (
    <>
      <span aria-hidden="true" className="review-table__dash">
        —
      </span>
      <span className="usa-sr-only">none</span>
    </>
  );
}

function Checklist({ checklist }: { checklist: InspectionChecklist }) {
  const recorded = new Map(checklist.items.map((i) => [i.key, i]));
  const items = checklistItemsFor(checklist.kind, checklist.refrigerated);
  const failed = items.filter((i) => recorded.get(i.key)?.status === 'FAIL').length;
  return (
    <div className="review-checklist" data-testid="review-checklist">
      <h4 className="review-checklist__title">
        {checklistName(checklist.kind, checklist.refrigerated)}
        {checklist.label && ` · ${checklist.label}`}{' '}
        <span className="review-checklist__where">on {checklist.criterionId}</span>
        {failed > 0 && <span className="usa-tag result-tag result-tag--deficient"> {failed} failed</span>}
      </h4>
      <table className="usa-table usa-table--compact usa-table--borderless review-table">
        <caption className="usa-sr-only">Items of this inspection</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Result</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const record = recorded.get(item.key);
            const status = record?.status ?? null;
            return (
              <tr key={item.key}>
                <th scope="row" className="review-table__plain">
                  {item.group && <span className="review-table__level">{item.group}</span>} {item.label}
                </th>
                <td>
                  <span className={`checklist-status checklist-status--${(status ?? 'none').toLowerCase()}`}>
                    {status ? STATUS_LABELS[status] : 'Not recorded'}
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
  return (
    <div className="review-session" data-testid="review-session">
      <h4 className="review-checklist__title">
        {session.platform}
        {session.startedAt && (
          <span className="review-checklist__where">
            {' '}
            {formatMoment(session.startedAt)}
            {session.endedAt && ` to ${formatMoment(session.endedAt)}`}
          </span>
        )}
      </h4>
      <h5 className="review-session__sub">Participants ({session.participants.length})</h5>
      {session.participants.length === 0 ? (
        <p className="review-muted">None recorded.</p>
      ) : (
        <ul className="review-session__list">
          {session.participants.map((p) => (
            <li key={`${p.name}-${p.role}`}>
              {p.name}, {PARTICIPANT_ROLE_LABELS[p.role]}
              {p.organization && ` (${p.organization})`}
            </li>
          ))}
        </ul>
      )}
      <h5 className="review-session__sub">Documents ({session.documents.length})</h5>
      {session.documents.length === 0 ? (
        <p className="review-muted">None recorded.</p>
      ) : (
        <ul className="review-session__list">
          {session.documents.map((d) => (
            <li key={d.title}>
              {d.title}: requested {d.requestedAt ? formatDate(d.requestedAt) : '—'}, received{' '}
              {d.receivedAt ? formatDate(d.receivedAt) : 'not yet'}
            </li>
          ))}
        </ul>
      )}
      <h5 className="review-session__sub">Tour segments ({session.segments.length})</h5>
      {session.segments.length === 0 ? (
        <p className="review-muted">None recorded.</p>
      ) : (
        <table className="usa-table usa-table--compact usa-table--borderless review-table">
          <caption className="usa-sr-only">Livestream tour segments</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Area</th>
              <th scope="col">Criteria shown</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {session.segments.map((s) => (
              <tr key={`${s.at}-${s.area}`}>
                <td>{formatMoment(s.at)}</td>
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
    const key = e.criterionId ?? view.findings.find((f) => f.id === e.findingId)?.criterionId ?? 'Other';
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
        <h2 id="whole-validation-heading">The whole validation (read-only)</h2>
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => setOpen(allOpen ? new Set() : new Set(sectionKeys))}
        >
          {allOpen ? 'Collapse all sections' : 'Expand all sections'}
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
              title={`${n}. ${categoryNames.get(n) ?? `Category ${n}`}`}
              meta={
                <>
                  {plural(rows.length, 'criterion', 'criteria')}
                  {deficient > 0 && <span className="review-accordion__mark--deficient"> · {deficient} deficient</span>}
                  {unanswered > 0 && ` · ${unanswered} not answered`}
                  {changed > 0 && <span className="review-accordion__mark--changed"> · {changed} changed</span>}
                </>
              }
              open={open.has(key)}
              onToggle={() => toggle(key)}
            >
              <CriteriaTable criteria={rows} category={n} markChanged={markChanged} />
              {view.observations.some((o) => o.category === n) && (
                <p className="review-muted">Best practices noted in this category are listed under Best practices.</p>
              )}
            </AccordionSection>
          );
        })}
        <AccordionSection
          title="Sites"
          meta={plural(view.sites.length, 'site')}
          open={open.has('sites')}
          onToggle={() => toggle('sites')}
        >
          {view.sites.length === 0 ? (
            <p className="review-muted">No sites recorded.</p>
          ) : (
            <table className="usa-table usa-table--compact usa-table--borderless review-table">
              <caption className="usa-sr-only">Sites</caption>
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col">Type</th>
                  <th scope="col">Address</th>
                  <th scope="col">Visited</th>
                </tr>
              </thead>
              <tbody>
                {view.sites.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="review-table__plain">
                      {s.name}
                    </th>
                    <td>{SITE_TYPE_LABELS[s.siteType]}</td>
                    <td className="review-table__notes">{s.address || <Dash />}</td>
                    <td>{s.visitDate ? formatDate(s.visitDate) : <Dash />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </AccordionSection>
        <AccordionSection
          title="Best practices"
          meta={plural(view.observations.length, 'observation')}
          open={open.has('observations')}
          onToggle={() => toggle('observations')}
        >
          {view.observations.length === 0 ? (
            <p className="review-muted">No best practices noted.</p>
          ) : (
            <ul className="review-observations">
              {[...view.observations]
                .sort((a, b) => a.category - b.category)
                .map((o) => (
                  <li key={o.id}>
                    <strong>
                      {o.category}. {categoryNames.get(o.category) ?? `Category ${o.category}`}:
                    </strong>{' '}
                    {o.text}
                  </li>
                ))}
            </ul>
          )}
        </AccordionSection>
        <AccordionSection
          title="Inspection checklists"
          meta={plural(view.checklists.length, 'inspection')}
          open={open.has('checklists')}
          onToggle={() => toggle('checklists')}
        >
          {view.checklists.length === 0 ? (
            <p className="review-muted">No inspections recorded.</p>
          ) : (
            [...view.checklists]
              .sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true }))
              .map((c) => <Checklist key={c.id} checklist={c} />)
          )}
        </AccordionSection>
        {sectionKeys.includes('sessions') && (
          <AccordionSection
            title="Virtual session log"
            meta={plural(view.virtualSessions.length, 'session')}
            open={open.has('sessions')}
            onToggle={() => toggle('sessions')}
          >
            {view.virtualSessions.length === 0 ? (
              <p className="review-muted">No session recorded.</p>
            ) : (
              view.virtualSessions.map((s) => <SessionLog key={s.id} session={s} />)
            )}
          </AccordionSection>
        )}
        <AccordionSection
          title="All evidence"
          meta={plural(view.evidence.length, 'file')}
          open={open.has('evidence')}
          onToggle={() => toggle('evidence')}
        >
          {view.evidence.length === 0 ? (
            <p className="review-muted">No evidence attached.</p>
          ) : (
            [...evidenceByCriterion]
              .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
              .map(([criterionId, files]) => (
                <div key={criterionId} className="review-evidence-group">
                  <h4 className="review-checklist__title">{criterionId}</h4>
                  <ReviewEvidenceList evidence={files} label={`Evidence for ${criterionId}`} />
                </div>
              ))
          )}
        </AccordionSection>
      </div>
    </section>
  );
}
