import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type MemberResponse,
  type ResponseAssessment,
  ResponseAssessmentSchema,
} from '../../../../shared/domain/lifecycle';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { errorIdOf, FieldError, FormField } from '../../components/FormField';
import { formatDate } from '../../components/format';
import { rovingRadio } from '../../components/rovingRadio';
import { localToday } from './lifecycle-labels';
import { type MemberFile, MemberFilesField } from './MemberFiles';

const MIN_NOTE = 10;

/**
 * Records a Member's response to one finding (or corrects one not yet assessed): the date it arrived
 * (today unless said otherwise), what the Member did or will do, and the files they sent.
 */
export function RecordResponseForm({
  validationId,
  findingId,
  criterionId,
  maxBytes,
  receivedFrom,
  existing,
  initialFiles,
  onSaved,
  onCancel,
}: {
  validationId: string;
  findingId: string;
  criterionId: string;
  maxBytes: number;
  /** The day the report was issued: the earliest a response can have arrived (null: not known here). */
  receivedFrom: string | null;
  /** The unassessed response being corrected; absent for a new one. */
  existing?: MemberResponse;
  initialFiles: MemberFile[];
  onSaved: (response: MemberResponse) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const today = localToday();
  const [receivedOn, setReceivedOn] = useState(existing?.receivedOn ?? today);
  const [action, setAction] = useState(existing?.correctiveAction ?? '');
  const [files, setFiles] = useState<MemberFile[]>(initialFiles);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<{ receivedOn?: string; action?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  const actionInput = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    dateInput.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) found.receivedOn = t('worksheetParts.forms.dateMissing');
    else if (receivedOn > today) found.receivedOn = t('worksheetParts.forms.dateFuture');
    else if (receivedFrom !== null && receivedOn < receivedFrom && receivedOn !== existing?.receivedOn) {
      found.receivedOn = t('worksheetParts.forms.dateBeforeIssue', { date: formatDate(receivedFrom) });
    }
    if (action.trim().length === 0) found.action = t('worksheetParts.forms.actionMissing');
    setErrors(found);
    if (found.receivedOn) return dateInput.current?.focus();
    if (found.action) return actionInput.current?.focus();
    setSaving(true);
    setFailure(null);
    try {
      const saved = await call('replies:save', {
        validationId,
        findingId,
        ...(existing ? { id: existing.id } : {}),
        receivedOn,
        correctiveAction: action,
        evidenceSha256: files.map((f) => f.sha256),
      });
      onSaved(saved);
    } catch (error) {
      setFailure(errorMessage(error));
      setSaving(false);
    }
  };

  const title = existing
    ? t('worksheetParts.forms.correctTitle', { criterion: criterionId })
    : t('worksheetParts.common.recordResponse', { criterion: criterionId });
  return (
    <form className="usa-form response-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h5 className="response-form__title">{title}</h5>
      {failure && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('worksheetParts.common.notSaved', { error: failure })}</p>
          </div>
        </div>
      )}
      <FormField id={`${id}-received`} label={t('worksheetParts.forms.dateReceived')} error={errors.receivedOn}>
        {(control) => (
          <input
            ref={dateInput}
            className="usa-input response-form__date"
            type="date"
            max={today}
            min={receivedFrom ?? undefined}
            required
            value={receivedOn}
            {...control}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id={`${id}-action`}
        label={t('worksheetParts.common.correctiveAction')}
        hint={t('worksheetParts.forms.actionHint')}
        error={errors.action}
      >
        {(control) => (
          <textarea
            ref={actionInput}
            className="usa-textarea response-form__action"
            rows={4}
            maxLength={20_000}
            required
            value={action}
            {...control}
            onChange={(e) => setAction(e.target.value)}
          />
        )}
      </FormField>
      <MemberFilesField
        validationId={validationId}
        findingId={findingId}
        maxBytes={maxBytes}
        files={files}
        onChange={setFiles}
        onBusy={setUploading}
      />
      <div className="response-form__actions">
        <button type="submit" className="usa-button" disabled={saving || uploading}>
          {saving
            ? t('worksheetParts.common.saving')
            : uploading
              ? t('worksheetParts.forms.waitingForFiles')
              : existing
                ? t('worksheetParts.forms.saveCorrection')
                : t('worksheetParts.forms.saveResponse')}
        </button>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
          {t('worksheetParts.common.cancel')}
        </button>
      </div>
    </form>
  );
}

export type AssessResult = ResponseOf<'replies:assess'>;

/** The SCSS's assessment of one response: accepted, not accepted or more information requested (with what). */
export function AssessResponseForm({
  validationId,
  response,
  criterionId,
  onAssessed,
}: {
  validationId: string;
  response: MemberResponse;
  criterionId: string;
  onAssessed: (result: AssessResult) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [assessment, setAssessment] = useState<ResponseAssessment | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ assessment?: string; note?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const noteRequired = assessment !== null && assessment !== 'ACCEPTED';
  // One Tab stop: a refused save focuses the first assessment and re-renders, which left to itself gave the group two
  // stops in Chromium.
  const tabIndexOf = rovingRadio(ResponseAssessmentSchema.options, assessment);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!assessment) found.assessment = t('worksheetParts.forms.chooseAssessment');
    else if (assessment !== 'ACCEPTED' && note.trim().length < MIN_NOTE) {
      found.note = t('worksheetParts.forms.noteTooShort', { min: MIN_NOTE });
    }
    setErrors(found);
    if (found.assessment) return firstRadio.current?.focus();
    if (found.note) return noteInput.current?.focus();
    if (!assessment) return;
    setSaving(true);
    setFailure(null);
    try {
      onAssessed(await call('replies:assess', { validationId, responseId: response.id, assessment, note }));
    } catch (error) {
      setFailure(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <form
      className="usa-form assess-form"
      aria-label={t('worksheetParts.forms.assessLabel', {
        criterion: criterionId,
        date: formatDate(response.receivedOn),
      })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {failure && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('worksheetParts.common.notSaved', { error: failure })}</p>
          </div>
        </div>
      )}
      <fieldset
        className={`usa-fieldset assess-form__choices${errors.assessment ? ' usa-form-group--error' : ''}`}
        aria-describedby={errors.assessment ? errorIdOf(`${id}-assessment`) : undefined}
      >
        <legend className="usa-legend assess-form__legend">{t('worksheetParts.forms.yourAssessment')}</legend>
        {errors.assessment && <FieldError id={`${id}-assessment`}>{errors.assessment}</FieldError>}
        {ResponseAssessmentSchema.options.map((option, i) => (
          <div className="usa-radio" key={option}>
            <input
              ref={i === 0 ? firstRadio : undefined}
              className="usa-radio__input"
              type="radio"
              id={`${id}-${option}`}
              name={`${id}-assessment`}
              value={option}
              checked={assessment === option}
              tabIndex={tabIndexOf(option)}
              onChange={() => setAssessment(option)}
            />
            <label className="usa-radio__label" htmlFor={`${id}-${option}`}>
              {t(`worksheetParts.common.assessment.${option}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <FormField
        id={`${id}-note`}
        label={
          <>
            {assessment === 'ACCEPTED' ? t('worksheetParts.forms.noteOptional') : t('worksheetParts.forms.stillNeeded')}
            {noteRequired && <span className="required-note">{t('worksheetParts.forms.required')}</span>}
          </>
        }
        hint={t('worksheetParts.forms.noteHint')}
        error={errors.note}
      >
        {(control) => (
          <textarea
            ref={noteInput}
            className="usa-textarea assess-form__note"
            rows={2}
            maxLength={5_000}
            value={note}
            aria-required={noteRequired}
            {...control}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="usa-button assess-form__submit" disabled={saving}>
        {saving ? t('worksheetParts.common.saving') : t('worksheetParts.forms.saveAssessment')}
      </button>
    </form>
  );
}
