import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../../shared/domain/due-dates';
import { EXTENSION_DAYS } from '../../../../shared/domain/member-record/calendar';
import type {
  BestPracticeRequirement,
  Contact,
  MemberRecordChange,
  MemberRecordChangeKind,
} from '../../../../shared/domain/member-record/events';
import type { MemberRecordView } from '../../../../shared/ipc/member-record-contract';
import { ApiError, call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { type FieldControl, FormField } from '../../components/FormField';
import { formatDate } from '../../components/format';
import type { memberRecord as englishText } from '../../i18n/locales/en/memberRecord';
import { ContactFields } from './ContactFields';
import { PracticeFields } from './PracticeFields';

/** Approvals come from the validation's workflow and assignments from the work plan, not from this form. */
type Kind = Exclude<MemberRecordChangeKind, 'VALIDATION_APPROVED' | 'SCSS_ASSIGNED'>;
export type Practice = { description: string; meets: BestPracticeRequirement[] };

/** The changes that make sense for this record now, for this person. */
export function offeredChanges(view: MemberRecordView): Kind[] {
  const kinds: Kind[] = [];
  const review = view.profileReview;
  if (view.can.decide) {
    if (view.status !== 'REMOVED') {
      if (view.version === 0) kinds.push('HISTORY_SET');
      if (view.status === null || view.status === 'APPLICANT') kinds.push('CERTIFIED');
      if (view.status === 'CERTIFIED' || view.status === 'VALIDATED') {
        if (approvedOnRecord(view).length > 0) kinds.push('TIER_SET');
        if (view.nextValidationDueOn) kinds.push('REVALIDATION_DUE_SET');
        kinds.push('SUSPENDED');
      }
      if (view.status === 'SUSPENDED') kinds.push('REINSTATED');
      if (review?.pendingExtension) kinds.push('EXTENSION_DECIDED');
      if (view.status !== null) kinds.push('REMOVED');
    }
  }
  if (view.can.record) {
    if (review && review.state !== 'APPROVED' && view.status !== 'REMOVED') {
      kinds.push('PROFILE_REVIEW');
      if (!review.pendingExtension && review.grantedDays === 0) kinds.push('EXTENSION_REQUESTED');
    }
    kinds.push('DETAILS_SET');
  }
  return kinds;
}

/** The validations whose approval is on the record, newest first: a tier is set from one of them. */
const approvedOnRecord = (view: MemberRecordView) =>
  view.history.flatMap((h) =>
    h.change.kind === 'VALIDATION_APPROVED' && !h.skipped
      ? [{ validationId: h.change.validationId, approvedOn: h.change.approvedOn }]
      : [],
  );

type Fields = Record<string, string>;
type FieldKey = keyof typeof englishText.change.fields;

/** The form's text as the change it records; the main process checks it again. */
function changeOf(kind: Kind, f: Fields, contacts: Contact[], practices: Practice[]): MemberRecordChange {
  switch (kind) {
    case 'HISTORY_SET': {
      const status = (f.status || 'CERTIFIED') as 'APPLICANT' | 'CERTIFIED' | 'VALIDATED';
      return {
        kind,
        status,
        tier: f.tier ? (Number(f.tier) as 1 | 2 | 3) : null,
        certifiedOn: f.certifiedOn || null,
        lastValidatedOn: f.lastValidatedOn || null,
        note: f.note ?? '',
      };
    }
    case 'DETAILS_SET':
      return { kind, correspondenceLanguage: f.language === 'es' ? 'es' : 'en', contacts };
    case 'CERTIFIED':
      return { kind, certifiedOn: f.certifiedOn ?? '' };
    case 'SUSPENDED':
      return {
        kind,
        effectiveOn: f.effectiveOn ?? '',
        reason: f.reason ?? '',
        reinstatementCondition: f.reinstatementCondition ?? '',
      };
    case 'REINSTATED':
      return { kind, effectiveOn: f.effectiveOn ?? '', reason: f.reason ?? '' };
    case 'REMOVED':
      return {
        kind,
        effectiveOn: f.effectiveOn ?? '',
        reason: f.reason ?? '',
        reinstatementCondition: f.reinstatementCondition ?? '',
      };
    case 'TIER_SET':
      return {
        kind,
        tier: f.tier === '3' ? 3 : 2,
        validationId: f.validationId ?? '',
        bestPractices: f.tier === '3' ? practices : [],
      };
    case 'REVALIDATION_DUE_SET':
      return { kind, dueOn: f.dueOn ?? '', reason: f.reason ?? '' };
    case 'PROFILE_REVIEW':
      return {
        kind,
        anniversaryOn: f.anniversaryOn ?? '',
        outcome: (f.outcome || 'RECEIVED') as 'RECEIVED' | 'APPROVED' | 'RETURNED',
        on: f.on ?? '',
        comments: f.comments ?? '',
      };
    case 'EXTENSION_REQUESTED':
      return {
        kind,
        anniversaryOn: f.anniversaryOn ?? '',
        days: Number(f.days) as (typeof EXTENSION_DAYS)[number],
        requestedOn: f.requestedOn ?? '',
        reason: f.reason ?? '',
      };
    case 'EXTENSION_DECIDED':
      return { kind, anniversaryOn: f.anniversaryOn ?? '', granted: f.decision === 'GRANT', comment: f.comment ?? '' };
  }
}

/** What a new form starts with: today's dates, this record's values, the review in view. */
function startingFields(kind: Kind, view: MemberRecordView): Fields {
  const today = localToday();
  const anniversaryOn = view.profileReview?.anniversaryOn ?? '';
  switch (kind) {
    case 'HISTORY_SET':
      return { status: 'CERTIFIED', tier: '1', certifiedOn: '', lastValidatedOn: '', note: '' };
    case 'DETAILS_SET':
      return { language: view.member.correspondenceLanguage };
    case 'TIER_SET':
      return { tier: '2', validationId: approvedOnRecord(view)[0]?.validationId ?? '' };
    case 'PROFILE_REVIEW': {
      const last = view.profileReview?.entries.at(-1)?.outcome;
      return { anniversaryOn, outcome: last === 'RECEIVED' ? 'APPROVED' : 'RECEIVED', on: today, comments: '' };
    }
    case 'EXTENSION_REQUESTED':
      return { anniversaryOn, days: '30', requestedOn: today, reason: '' };
    case 'EXTENSION_DECIDED':
      return { anniversaryOn, decision: 'GRANT', comment: '' };
    case 'REVALIDATION_DUE_SET':
      return { dueOn: '', reason: '' };
    default:
      return { effectiveOn: today, certifiedOn: today, reason: '', reinstatementCondition: '' };
  }
}

/**
 * Records one change to the Member's record: the person picks what happened, fills its form, and the main process
 * checks it against the record's rules and the version shown. A refusal is shown at its field; nothing typed is lost.
 */
export function ChangePanel({
  view,
  onChanged,
  onStale,
}: {
  view: MemberRecordView;
  onChanged: (view: MemberRecordView) => void;
  /** Reads the record again; resolves to it, or to null when it could not be read. */
  onStale: () => Promise<MemberRecordView | null>;
}) {
  const { t } = useTranslation();
  const offered = offeredChanges(view);
  const [kind, setKind] = useState<Kind | ''>('');
  const [fields, setFields] = useState<Fields>({});
  const [contacts, setContacts] = useState<Contact[]>(view.contacts);
  const [practices, setPractices] = useState<Practice[]>([{ description: '', meets: [] }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ type: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // After each answer (once the form is free again): a refusal takes the focus to its first marked field, else to
  // the message; a recorded change to the message (the form, and the focused Record button, are gone).
  const [answered, setAnswered] = useState(0);
  const messageArea = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (answered === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? messageArea.current)?.focus();
  }, [answered]);

  const choose = (next: Kind | '') => {
    setKind(next);
    setErrors({});
    setMessage(null);
    setFields(next ? startingFields(next, view) : {});
    setContacts(view.contacts);
    setPractices([{ description: '', meets: [] }]);
  };
  const set = (name: string) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    setSaving(true);
    setErrors({});
    setMessage(null);
    try {
      const next = await call('members:change', {
        memberId: view.member.id,
        baseVersion: view.version,
        change: changeOf(kind, fields, contacts, practices),
      });
      onChanged(next);
      setKind('');
      setFields({});
      setMessage({ type: 'success', text: t('memberRecord.change.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && /is at version/.test(error.english)) {
        const latest = await onStale();
        // What was chosen may no longer apply to the record as it now is (a reinstated Member is not reinstated
        // twice): the form closes and says so, rather than keep fields the select no longer names.
        if (latest && !offeredChanges(latest).includes(kind)) {
          setKind('');
          setFields({});
          const change = t(`memberRecord.change.kind.${kind}`);
          setMessage({ type: 'error', text: t('memberRecord.change.conflictNoLonger', { change }) });
        } else {
          setMessage({ type: 'error', text: t('memberRecord.change.conflict') });
        }
      } else {
        const byField: Record<string, string> = {};
        if (error instanceof ApiError) {
          // Only a field the form shows can be marked (a refused choice of change is said in the message).
          for (const issue of error.issues) {
            const name = issue.path.replace(/^change\./, '');
            if (document.getElementById(`record-${name}`)) byField[name] = issue.message;
          }
        }
        setErrors(byField);
        const marked = Object.keys(byField).length > 0;
        setMessage({ type: 'error', text: marked ? t('memberRecord.change.fixFields') : errorMessage(error) });
      }
    } finally {
      setSaving(false);
      setAnswered((n) => n + 1);
    }
  };

  const field = (name: string, label: string, input: (control: FieldControl) => ReactElement) => {
    const error = errors[name];
    return (
      <FormField id={`record-${name}`} label={label} error={error} key={name}>
        {input}
      </FormField>
    );
  };
  const text = (name: string, label: string) =>
    field(name, label, (control) => (
      <input className="usa-input" value={fields[name] ?? ''} onChange={set(name)} {...control} />
    ));
  const longText = (name: string, label: string) =>
    field(name, label, (control) => (
      <textarea
        className="usa-textarea member-record__textarea"
        rows={2}
        value={fields[name] ?? ''}
        onChange={set(name)}
        {...control}
      />
    ));
  const date = (name: string, label: string) =>
    field(name, label, (control) => (
      <input
        className="usa-input member-record__date"
        type="date"
        value={fields[name] ?? ''}
        onChange={set(name)}
        {...control}
      />
    ));
  const select = (name: string, label: string, options: [string, string][]) =>
    field(name, label, (control) => (
      <select className="usa-select" value={fields[name] ?? ''} onChange={set(name)} {...control}>
        {options.map(([value, shown]) => (
          <option key={value} value={value}>
            {shown}
          </option>
        ))}
      </select>
    ));

  const F = (key: FieldKey) => t(`memberRecord.change.fields.${key}`);
  const formFor = (k: Kind) => {
    switch (k) {
      case 'HISTORY_SET':
        return (
          <>
            {select('status', F('status'), [
              ['APPLICANT', t('memberRecord.status.APPLICANT')],
              ['CERTIFIED', t('memberRecord.status.CERTIFIED')],
              ['VALIDATED', t('memberRecord.status.VALIDATED')],
            ])}
            {select('tier', F('tier'), [
              ['', F('noTier')],
              ['1', t('memberRecord.status.tier', { tier: 1 })],
              ['2', t('memberRecord.status.tier', { tier: 2 })],
              ['3', t('memberRecord.status.tier', { tier: 3 })],
            ])}
            {date('certifiedOn', F('certifiedOn'))}
            {date('lastValidatedOn', F('lastValidatedOn'))}
            {text('note', F('note'))}
          </>
        );
      case 'DETAILS_SET':
        return (
          <>
            {select('language', F('language'), [
              ['en', t('memberRecord.language.en')],
              ['es', t('memberRecord.language.es')],
            ])}
            <ContactFields contacts={contacts} onChange={setContacts} errors={errors} />
          </>
        );
      case 'CERTIFIED':
        return date('certifiedOn', F('certifiedOn'));
      case 'SUSPENDED':
        return (
          <>
            {date('effectiveOn', F('effectiveOn'))}
            {longText('reason', F('reason'))}
            {longText('reinstatementCondition', F('reinstatementCondition'))}
          </>
        );
      case 'REINSTATED':
        return (
          <>
            {date('effectiveOn', F('effectiveOn'))}
            {longText('reason', F('reason'))}
          </>
        );
      case 'REMOVED':
        return (
          <>
            {date('effectiveOn', F('effectiveOn'))}
            {longText('reason', F('reason'))}
            {longText('reinstatementCondition', F('reinstatementConditionOptional'))}
          </>
        );
      case 'TIER_SET':
        return (
          <>
            {select(
              'validationId',
              F('validation'),
              approvedOnRecord(view).map((a) => [
                a.validationId,
                t('memberRecord.change.fields.validationOption', { date: formatDate(a.approvedOn) }),
              ]),
            )}
            {select('tier', F('tier'), [
              ['2', F('tier2')],
              ['3', F('tier3')],
            ])}
            {fields.tier === '3' && <PracticeFields practices={practices} onChange={setPractices} errors={errors} />}
          </>
        );
      case 'REVALIDATION_DUE_SET':
        return (
          <>
            {date('dueOn', F('dueOn'))}
            {longText('reason', F('reason'))}
          </>
        );
      case 'PROFILE_REVIEW':
        return (
          <>
            <p className="member-record__for-review">
              {F('anniversary')}: <strong>{fields.anniversaryOn ? formatDate(fields.anniversaryOn) : ''}</strong>
            </p>
            {select(
              'outcome',
              F('outcome'),
              (['RECEIVED', 'APPROVED', 'RETURNED'] as const).map((o) => [o, t(`memberRecord.change.outcome.${o}`)]),
            )}
            {date('on', F('on'))}
            {longText('comments', fields.outcome === 'RETURNED' ? F('commentsReturned') : F('comments'))}
          </>
        );
      case 'EXTENSION_REQUESTED':
        return (
          <>
            {select(
              'days',
              F('days'),
              EXTENSION_DAYS.map((d) => [String(d), t('memberRecord.change.fields.daysOption', { days: d })]),
            )}
            {date('requestedOn', F('requestedOn'))}
            {longText('reason', F('memberReason'))}
          </>
        );
      case 'EXTENSION_DECIDED': {
        const days = view.profileReview?.pendingExtension?.days ?? 0;
        return (
          <>
            {select('decision', F('decision'), [
              ['GRANT', t('memberRecord.change.fields.grant', { days })],
              ['DENY', F('deny')],
            ])}
            {text('comment', F('decisionComment'))}
          </>
        );
      }
    }
  };

  return (
    <section className="member-record__change" aria-labelledby="record-change">
      <h2 id="record-change">{t('memberRecord.change.heading')}</h2>
      <div ref={messageArea} tabIndex={-1} className="member-record__message">
        {message && <Alert type={message.type}>{message.text}</Alert>}
      </div>
      {offered.length === 0 ? (
        <p className="member-record__hint">{t('memberRecord.change.readOnly')}</p>
      ) : (
        <form
          ref={form}
          className="usa-form member-record__form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-busy={saving}
        >
          <p className="member-record__hint">{t('memberRecord.change.intro')}</p>
          {/* Held while a change is being recorded: its answer closes the form, which would drop a choice or text
              made in the meantime. */}
          <fieldset className="usa-fieldset" disabled={saving}>
            <label className="usa-label" htmlFor="record-kind">
              {t('memberRecord.change.action')}
            </label>
            <select
              className="usa-select"
              id="record-kind"
              value={kind}
              onChange={(e) => choose(e.target.value as Kind | '')}
            >
              <option value="">{t('memberRecord.change.chooseAction')}</option>
              {offered.map((k) => (
                <option key={k} value={k}>
                  {t(`memberRecord.change.kind.${k}`)}
                </option>
              ))}
            </select>
            {kind && (
              <>
                <div className="member-record__fields">{formFor(kind)}</div>
                <div className="usa-button-group">
                  <button type="submit" className="usa-button">
                    {t('memberRecord.change.save')}
                  </button>
                  <button type="button" className="usa-button usa-button--unstyled" onClick={() => choose('')}>
                    {t('memberRecord.change.cancel')}
                  </button>
                </div>
              </>
            )}
          </fieldset>
        </form>
      )}
    </section>
  );
}
