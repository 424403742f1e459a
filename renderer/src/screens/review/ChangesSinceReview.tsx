import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FindingClassificationSchema, VerificationMethodSchema } from '../../../../shared/domain/field-work';
import { ResponseResultSchema } from '../../../../shared/domain/validation';
import type { ReviewChange, ReviewValidationView } from '../../../../shared/ipc/contract';
import { formatDate, formatDateTime } from '../../components/format';
import { isContentEntity } from '../record-entities';

/** Fields every record carries that say nothing to a reviewer. */
const HIDDEN_FIELDS = new Set(['id', 'validationId', 'version', 'createdAt', 'updatedAt', 'baseVersion']);

/** The fields a reviewer sees named (review.changes.field.*); any other shows under its own name. */
const NAMED_FIELDS = [
  'result',
  'notes',
  'siteId',
  'verificationMethods',
  'naJustification',
  'classification',
  'reasonCode',
  'description',
  'dueDate',
  'caption',
  'fileName',
  'items',
  'label',
  'text',
  'name',
  'address',
] as const;
type NamedField = (typeof NAMED_FIELDS)[number];
const isNamed = (field: string): field is NamedField => (NAMED_FIELDS as readonly string[]).includes(field);

const shown = (t: TFunction, value: unknown, field: string, siteNames: ReadonlyMap<string, string>): string => {
  if (value === null || value === undefined || value === '') return t('review.changes.empty');
  if (field === 'siteId' && typeof value === 'string') return siteNames.get(value) ?? t('review.changes.siteGone');
  if (field === 'result' && typeof value === 'string') {
    const result = ResponseResultSchema.safeParse(value);
    return result.success ? t(`domain.result.${result.data}`) : value;
  }
  if (field === 'classification' && typeof value === 'string') {
    const classification = FindingClassificationSchema.safeParse(value);
    return classification.success ? t(`domain.classification.${classification.data}`) : value;
  }
  if (field === 'verificationMethods' && Array.isArray(value)) {
    const methods = value.map((m) => {
      const method = VerificationMethodSchema.safeParse(m);
      return method.success ? t(`domain.method.${method.data}`) : String(m);
    });
    return methods.join(', ') || t('review.changes.none');
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.join(', ') || t('review.changes.none');
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
};

/** The fields that differ between the record as returned and as resubmitted. */
function differences(
  t: TFunction,
  change: ReviewChange,
  siteNames: ReadonlyMap<string, string>,
): { field: string; before: string; after: string }[] {
  if (change.change !== 'CHANGED' || !change.before || !change.after) return [];
  const fields = new Set([...Object.keys(change.before), ...Object.keys(change.after)]);
  return [...fields]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .filter((f) => JSON.stringify(change.before?.[f]) !== JSON.stringify(change.after?.[f]))
    .map((f) => ({
      field: isNamed(f) ? t(`review.changes.field.${f}`) : f,
      before: shown(t, change.before?.[f], f, siteNames),
      after: shown(t, change.after?.[f], f, siteNames),
    }));
}

/** "Evidence on 4.1 policy.pdf" in the interface's language: the kind of record, its criterion, what tells it apart. */
function changeLabel(t: TFunction, change: ReviewChange): string {
  const kind = isContentEntity(change.entity) ? t(`review.changes.entity.${change.entity}`) : change.entity;
  const detail =
    change.entity === 'observation' && change.detail
      ? t('review.changes.category', { number: change.detail })
      : change.detail;
  return [kind, change.criterionId ? t('review.changes.onCriterion', { id: change.criterionId }) : null, detail]
    .filter((part): part is string => !!part)
    .join(' ');
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
  const { t } = useTranslation();
  const diffs = differences(t, change, siteNames);
  return (
    <li className="review-changes__item" data-testid="review-change" data-change={change.change}>
      <span className={`usa-tag review-changes__tag review-changes__tag--${change.change.toLowerCase()}`}>
        {t(`review.changes.change.${change.change}`)}
      </span>{' '}
      {change.criterionId && onShow ? (
        <button
          type="button"
          className="usa-button usa-button--unstyled review-changes__link"
          onClick={() => change.criterionId && onShow(change.criterionId)}
        >
          {changeLabel(t, change)}
        </button>
      ) : (
        <span>{changeLabel(t, change)}</span>
      )}
      {diffs.length > 0 && (
        <ul className="review-changes__diffs">
          {diffs.map((d) => (
            <li key={d.field}>
              <span className="review-changes__field">{d.field}:</span> <del>{d.before}</del>{' '}
              <span aria-hidden="true">→</span>
              <span className="usa-sr-only">{t('review.changes.now')}</span> <ins>{d.after}</ins>
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
  const { t } = useTranslation();
  const list = changes.changes;
  const linkFor = (c: ReviewChange) => (c.criterionId && findingCriteria.has(c.criterionId) ? onShowFinding : null);
  return (
    <section className="review-changes" aria-labelledby="review-changes-heading" data-testid="review-changes">
      <h2 id="review-changes-heading" className="review-changes__heading">
        {t('review.changes.heading')}
      </h2>
      <p className="review-changes__intro">
        {t('review.changes.returnedOn', { when: formatDateTime(changes.returnedAt) })}{' '}
        {list.length === 0 ? t('review.changes.unchanged') : t('review.changes.records', { count: list.length })}
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
          <summary>{t('review.changes.more', { count: list.length - FIRST_SHOWN })}</summary>
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
