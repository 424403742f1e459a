import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useMemo, useState } from 'react';
import { type FieldError, useFieldArray, useForm } from 'react-hook-form';
import {
  PARTICIPANT_ROLE_LABELS,
  ParticipantRoleSchema,
  type VirtualSession,
} from '../../../../shared/domain/field-work';
import { call, errorMessage } from '../../api';
import { useWorksheetStore } from '../../state/worksheet-store';
import { type PanelSaveState, PanelSaveStatus } from './save-status';
import {
  emptySessionForm,
  formToRequest,
  PLATFORM_CHOICES,
  type SessionFormValues,
  sessionFormSchema,
  sessionToForm,
} from './session-form';

/** A labelled form field with its hint and error, wired for screen readers (aria-describedby). */
function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: FieldError | undefined;
  className?: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true; className: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error.message}
        </span>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        className: error ? 'usa-input--error' : '',
      })}
    </div>
  );
}

function countErrors(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  if ('message' in value && typeof (value as { message: unknown }).message === 'string') return 1;
  return Object.entries(value).reduce((n, [key, v]) => (key === 'ref' || key === 'root' ? n : n + countErrors(v)), 0);
}

export function SessionForm({
  validationId,
  session,
  number,
  criterionIds,
  locked,
  onCreated,
  onCancel,
}: {
  validationId: string;
  session: VirtualSession | null;
  number: number;
  criterionIds: ReadonlySet<string>;
  locked: boolean;
  onCreated?: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const apply = useWorksheetStore((s) => s.apply);
  const schema = useMemo(() => sessionFormSchema(criterionIds), [criterionIds]);
  const [saveState, setSaveState] = useState<PanelSaveState>(
    session ? { kind: 'saved', at: session.updatedAt } : { kind: 'idle' },
  );
  const {
    register,
    control,
    handleSubmit,
    reset,
    watch,
    formState: { errors, isDirty, isSubmitting, submitCount },
  } = useForm<SessionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: session ? sessionToForm(session) : emptySessionForm(),
  });
  const participants = useFieldArray({ control, name: 'participants' });
  const documents = useFieldArray({ control, name: 'documents' });
  const segments = useFieldArray({ control, name: 'segments' });
  const platformChoice = watch('platformChoice');
  const errorCount = countErrors(errors);

  const onValid = async (form: SessionFormValues) => {
    setSaveState({ kind: 'saving' });
    try {
      const saved = await call('sessions:save', formToRequest(form, validationId, session?.id));
      apply('virtualSessions', saved);
      reset(sessionToForm(saved));
      setSaveState({ kind: 'saved', at: saved.updatedAt });
      if (!session) onCreated?.();
    } catch (error) {
      // The form keeps everything typed; the SCSS can fix the cause and save again.
      setSaveState({ kind: 'error', message: errorMessage(error) });
    }
  };

  const p = `session-${session?.id ?? 'new'}`;
  const headingId = `${p}-heading`;
  return (
    <form
      className="usa-form session-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => void handleSubmit(onValid)(e)}
      data-testid="session-form"
    >
      <h3 id={headingId} className="session-form__title">
        Session {number}
        {session ? '' : ' (new)'}
      </h3>
      {submitCount > 0 && errorCount > 0 && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              The session log was not saved: {errorCount === 1 ? 'one field needs' : `${errorCount} fields need`}{' '}
              attention (marked below).
            </p>
          </div>
        </div>
      )}
      <fieldset className="usa-fieldset" disabled={locked}>
        <legend className="usa-sr-only">Session {number} details</legend>
        <div className="session-form__row">
          <Field id={`${p}-platform`} label="Video platform" error={errors.platformChoice}>
            {(aria) => (
              <select {...aria} className={`usa-select ${aria.className}`} {...register('platformChoice')}>
                <option value="">- Select -</option>
                {PLATFORM_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {platformChoice === 'OTHER' && (
            <Field id={`${p}-platform-other`} label="Platform name" error={errors.platformOther}>
              {(aria) => (
                <input
                  {...aria}
                  className={`usa-input ${aria.className}`}
                  maxLength={80}
                  {...register('platformOther')}
                />
              )}
            </Field>
          )}
          <Field id={`${p}-start`} label="Session start" hint="Your local time" error={errors.startedAt}>
            {(aria) => (
              <input
                {...aria}
                className={`usa-input ${aria.className}`}
                type="datetime-local"
                {...register('startedAt')}
              />
            )}
          </Field>
          <Field id={`${p}-end`} label="Session end" hint="Your local time" error={errors.endedAt}>
            {(aria) => (
              <input
                {...aria}
                className={`usa-input ${aria.className}`}
                type="datetime-local"
                {...register('endedAt')}
              />
            )}
          </Field>
        </div>

        <RepeatingEntries
          legend="Participants"
          noun="participant"
          emptyText="No participants recorded yet."
          keys={participants.fields.map((f) => f.id)}
          onAdd={() => participants.append({ name: '', role: 'COMPANY_POINT_OF_CONTACT', organization: '' })}
          onRemove={(i) => participants.remove(i)}
        >
          {(i) => (
            <>
              <div className="session-form__row">
                <Field id={`${p}-participant-${i}-name`} label="Name" error={errors.participants?.[i]?.name}>
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      maxLength={120}
                      {...register(`participants.${i}.name`)}
                    />
                  )}
                </Field>
                <Field id={`${p}-participant-${i}-role`} label="Role" error={errors.participants?.[i]?.role}>
                  {(aria) => (
                    <select
                      {...aria}
                      className={`usa-select ${aria.className}`}
                      {...register(`participants.${i}.role`)}
                    >
                      {ParticipantRoleSchema.options.map((role) => (
                        <option key={role} value={role}>
                          {PARTICIPANT_ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={`${p}-participant-${i}-organization`}
                  label="Organization"
                  error={errors.participants?.[i]?.organization}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      maxLength={200}
                      {...register(`participants.${i}.organization`)}
                    />
                  )}
                </Field>
              </div>
            </>
          )}
        </RepeatingEntries>

        <RepeatingEntries
          legend="Documents requested and received"
          noun="document"
          emptyText="No documents recorded yet."
          keys={documents.fields.map((f) => f.id)}
          onAdd={() => documents.append({ title: '', requestedAt: '', receivedAt: '' })}
          onRemove={(i) => documents.remove(i)}
        >
          {(i) => (
            <>
              <div className="session-form__row">
                <Field
                  id={`${p}-document-${i}-title`}
                  label="Title"
                  error={errors.documents?.[i]?.title}
                  className="session-form__wide"
                >
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      maxLength={200}
                      {...register(`documents.${i}.title`)}
                    />
                  )}
                </Field>
                <Field
                  id={`${p}-document-${i}-requested`}
                  label="Requested on"
                  error={errors.documents?.[i]?.requestedAt}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      type="date"
                      {...register(`documents.${i}.requestedAt`)}
                    />
                  )}
                </Field>
                <Field id={`${p}-document-${i}-received`} label="Received on" error={errors.documents?.[i]?.receivedAt}>
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      type="date"
                      {...register(`documents.${i}.receivedAt`)}
                    />
                  )}
                </Field>
              </div>
            </>
          )}
        </RepeatingEntries>

        <RepeatingEntries
          legend="Livestream tour"
          noun="tour segment"
          emptyText="No tour segments recorded yet."
          keys={segments.fields.map((f) => f.id)}
          onAdd={() => segments.append({ time: '', area: '', criteria: '', note: '' })}
          onRemove={(i) => segments.remove(i)}
        >
          {(i) => (
            <>
              <div className="session-form__row">
                <Field id={`${p}-segment-${i}-time`} label="Time" error={errors.segments?.[i]?.time}>
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      type="time"
                      {...register(`segments.${i}.time`)}
                    />
                  )}
                </Field>
                <Field
                  id={`${p}-segment-${i}-area`}
                  label="Area shown"
                  error={errors.segments?.[i]?.area}
                  className="session-form__wide"
                >
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      maxLength={200}
                      {...register(`segments.${i}.area`)}
                    />
                  )}
                </Field>
                <Field
                  id={`${p}-segment-${i}-criteria`}
                  label="Criteria shown"
                  hint="IDs separated by commas, e.g. 5.3, 6.7"
                  error={errors.segments?.[i]?.criteria}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      className={`usa-input ${aria.className}`}
                      {...register(`segments.${i}.criteria`)}
                    />
                  )}
                </Field>
              </div>
              <div className="session-form__row">
                <Field
                  id={`${p}-segment-${i}-note`}
                  label="What was seen"
                  error={errors.segments?.[i]?.note}
                  className="session-form__wide"
                >
                  {(aria) => (
                    <textarea
                      {...aria}
                      className={`usa-textarea ${aria.className}`}
                      rows={2}
                      maxLength={2000}
                      {...register(`segments.${i}.note`)}
                    />
                  )}
                </Field>
              </div>
            </>
          )}
        </RepeatingEntries>
      </fieldset>

      {!locked && (
        <div className="session-form__actions">
          <button className="usa-button" type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : `Save session ${number}`}
          </button>
          {onCancel && (
            <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
              Cancel
            </button>
          )}
          <span aria-live="polite">
            {isDirty && saveState.kind !== 'saving' && saveState.kind !== 'error' ? (
              <span className="session-form__dirty">Unsaved changes</span>
            ) : (
              <PanelSaveStatus state={saveState} />
            )}
          </span>
          {isDirty && saveState.kind === 'error' && <span className="session-form__dirty">Your entries are kept.</span>}
        </div>
      )}
    </form>
  );
}

/** A list of like entries (participants, documents, tour segments), each removable, with an Add button. */
function RepeatingEntries({
  legend,
  noun,
  emptyText,
  keys,
  onAdd,
  onRemove,
  children,
}: {
  legend: string;
  noun: string;
  emptyText: string;
  keys: string[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (index: number) => ReactNode;
}) {
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <fieldset className="usa-fieldset session-form__section">
      <legend className="usa-legend">{legend}</legend>
      {keys.length === 0 && <p className="session-form__empty">{emptyText}</p>}
      {keys.map((key, i) => (
        <fieldset className="usa-fieldset session-form__entry" key={key}>
          <legend>
            {title} {i + 1}
          </legend>
          {children(i)}
          <button
            type="button"
            className="usa-button usa-button--unstyled session-form__remove"
            onClick={() => onRemove(i)}
          >
            Remove {noun} {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="usa-button usa-button--outline session-form__add" onClick={onAdd}>
        Add {noun}
      </button>
    </fieldset>
  );
}
