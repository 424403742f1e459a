import { VERIFICATION_METHOD_LABELS, type VerificationMethod } from '../../../../shared/domain/field-work';
import { RESPONSE_RESULT_LABELS, type ResponseResult } from '../../../../shared/domain/validation';
import type { ReviewChange, ReviewValidationView } from '../../../../shared/ipc/contract';
import { formatDate } from '../../components/format';
import { classificationLabel, formatMoment, plural } from './review-format';

const CHANGE_LABELS: Record<ReviewChange['change'], string> = {
  ADDED: 'Added',
  CHANGED: 'Changed',
  REMOVED: 'Removed',
};

/** Fields every record carries that say nothing to a reviewer. */
const HIDDEN_FIELDS = new Set(['id', 'validationId', 'version', 'createdAt', 'updatedAt', 'baseVersion']);

const FIELD_LABELS: Record<string, string> = {
  result: 'Result',
  notes: 'Notes',
  siteId: 'Site',
  verificationMethods: 'How verified',
  naJustification: 'Why not applicable',
  classification: 'Classification',
  reasonCode: 'Reason',
  description: 'Description',
  dueDate: 'Due date',
  caption: 'Caption',
  fileName: 'File',
  items: 'Items',
  label: 'Label',
  text: 'Text',
  name: 'Name',
  address: 'Address',
};

const shown = (value: unknown, field: string, siteNames: ReadonlyMap<string, string>): string => {
  if (value === null || value === undefined || value === '') return 'empty';
  if (field === 'siteId' && typeof value === 'string') return siteNames.get(value) ?? 'a site no longer listed';
  if (field === 'result' && typeof value === 'string') return RESPONSE_RESULT_LABELS[value as ResponseResult] ?? value;
  if (field === 'classification' && typeof value === 'string') return classificationLabel(value);
  if (field === 'verificationMethods' && Array.isArray(value)) {
    return value.map((m) => VERIFICATION_METHOD_LABELS[m as VerificationMethod] ?? String(m)).join(', ') || 'none';
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || 'none';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
};

/** The fields that differ between the record as returned and as resubmitted. */
function differences(
  change: ReviewChange,
  siteNames: ReadonlyMap<string, string>,
): { field: string; before: string; after: string }[] {
  if (change.change !== 'CHANGED' || !change.before || !change.after) return [];
  const fields = new Set([...Object.keys(change.before), ...Object.keys(change.after)]);
  return [...fields]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .filter((f) => JSON.stringify(change.before?.[f]) !== JSON.stringify(change.after?.[f]))
    .map((f) => ({
      field: FIELD_LABELS[f] ?? f,
      before: shown(change.before?.[f], f, siteNames),
      after: shown(change.after?.[f], f, siteNames),
    }));
}

function ChangeItem({
  change,
  onShow,
  siteNames,
}: {
  change: ReviewChange;
  onShow: ((criterionId: string) => void) | null;
  siteNames: ReadonlyMap<string, string>;
}) {
  const diffs = differences(change, siteNames);
  return (
    <li className="review-changes__item" data-testid="review-change" data-change={change.change}>
      <span className={`usa-tag review-changes__tag review-changes__tag--${change.change.toLowerCase()}`}>
        {CHANGE_LABELS[change.change]}
      </span>{' '}
      {change.criterionId && onShow ? (
        <button
          type="button"
          className="usa-button usa-button--unstyled review-changes__link"
          onClick={() => change.criterionId && onShow(change.criterionId)}
        >
          {change.label}
        </button>
      ) : (
        <span>{change.label}</span>
      )}
      {diffs.length > 0 && (
        <ul className="review-changes__diffs">
          {diffs.map((d) => (
            <li key={d.field}>
              <span className="review-changes__field">{d.field}:</span> <del>{d.before}</del>{' '}
              <span aria-hidden="true">→</span>
              <span className="usa-sr-only">now</span> <ins>{d.after}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const FIRST_SHOWN = 6;

/** What the SCSS changed since this reviewer returned the validation: each record added, changed or removed. */
export function ChangesSinceReview({
  changes,
  findingCriteria,
  siteNames,
  onShowFinding,
}: {
  changes: NonNullable<ReviewValidationView['changesSinceLastReview']>;
  /** Criteria with a finding card on the page: their changes link to it. */
  findingCriteria: ReadonlySet<string>;
  siteNames: ReadonlyMap<string, string>;
  onShowFinding: (criterionId: string) => void;
}) {
  const list = changes.changes;
  const linkFor = (c: ReviewChange) => (c.criterionId && findingCriteria.has(c.criterionId) ? onShowFinding : null);
  return (
    <section className="review-changes" aria-labelledby="review-changes-heading" data-testid="review-changes">
      <h2 id="review-changes-heading" className="review-changes__heading">
        Changes since your last review
      </h2>
      <p className="review-changes__intro">
        You returned it on {formatMoment(changes.returnedAt)}.{' '}
        {list.length === 0
          ? 'The SCSS submitted it again without changing anything.'
          : `${plural(list.length, 'record')} changed since; rows and findings changed are marked below.`}
      </p>
      {list.length > 0 && (
        <ul className="review-changes__list">
          {list.slice(0, FIRST_SHOWN).map((c) => (
            <ChangeItem key={`${c.entity}/${c.entityId}`} change={c} onShow={linkFor(c)} siteNames={siteNames} />
          ))}
        </ul>
      )}
      {list.length > FIRST_SHOWN && (
        <details className="review-changes__more">
          <summary>{plural(list.length - FIRST_SHOWN, 'more change')}</summary>
          <ul className="review-changes__list">
            {list.slice(FIRST_SHOWN).map((c) => (
              <ChangeItem key={`${c.entity}/${c.entityId}`} change={c} onShow={linkFor(c)} siteNames={siteNames} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
