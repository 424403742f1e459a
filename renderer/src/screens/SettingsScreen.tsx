import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DeficiencyReasonSchema, type Settings, SettingsSchema } from '../../../shared/domain/field-work';
import type { PolicyStatusView } from '../../../shared/domain/policy';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { FieldError, FormField, fieldControl, hintIdOf } from '../components/FormField';
import { useFocusBackAfterAnswer } from '../components/useFocusBackAfterAnswer';
import { useFocusFirstInvalid } from '../components/useFocusFirstInvalid';
import { errorWording, type ShownOutcome } from '../components/wording';
import { useReasonLabel } from '../i18n/reason-labels';
import { useSyncStore } from '../state/sync-store';
import { AuditLogSection } from './AuditLog';
import { HqConnection } from './HqConnection';
import { RefusedChanges } from './RefusedChanges';
import { LanguageChoice } from './settings/LanguageChoice';
import { PolicySource } from './settings/PolicySource';
import { PolicySummary } from './settings/PolicySummary';
import { ReasonsTableHead } from './settings/ReasonsTableHead';
import './settings/policy.css';

const MB = 1_000_000; // decimal MB, as formatFileSize counts them

/** The form's rules, with each refusal in the interface's language. */
const settingsFormSchema = (t: TFunction) =>
  z.object({
    deficiencyReasons: z
      .array(
        DeficiencyReasonSchema.extend({
          code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: t('settings.errors.codeFormat') }),
          label: z
            .string()
            .trim()
            .min(1, { error: t('settings.errors.labelMissing') })
            .max(120, { error: t('settings.errors.labelTooLong') }),
        }),
      )
      // Said above the table and marked at each code that repeats an earlier one, naming the reason it repeats.
      // On the list, not the form: it is checked even while another field (the days, say) is wrong.
      .superRefine((list, ctx) => {
        const firstWith = new Map<string, number>();
        list.forEach((reason, i) => {
          const first = firstWith.get(reason.code);
          if (first === undefined) firstWith.set(reason.code, i);
          else
            ctx.addIssue({
              code: 'custom',
              message: t('settings.errors.codeTaken', { number: first + 1 }),
              path: [i, 'code'],
            });
        });
        if (firstWith.size < list.length) ctx.addIssue({ code: 'custom', message: t('settings.errors.duplicateCode') });
      }),
    responseDays: z.coerce
      .number<string | number>({ error: t('settings.errors.notANumber') })
      .int({ error: t('settings.errors.daysWhole') })
      .min(1, { error: t('settings.errors.daysMin') })
      .max(365, { error: t('settings.errors.daysMax') }),
    maxEvidenceMb: z.coerce
      .number<string | number>({ error: t('settings.errors.notANumber') })
      .min(1, { error: t('settings.errors.mbMin') })
      .max(500, { error: t('settings.errors.mbMax') }),
    reportMarking: SettingsSchema.shape.reportMarking,
  });
type SettingsFormSchema = ReturnType<typeof settingsFormSchema>;
type SettingsForm = z.input<SettingsFormSchema>;

function toForm(s: Settings): SettingsForm {
  return {
    deficiencyReasons: s.deficiencyReasons,
    responseDays: s.responseDays,
    maxEvidenceMb: s.maxEvidenceBytes / MB,
    reportMarking: s.reportMarking,
  };
}

/**
 * Settings: the deficiency reasons findings choose from, the response period, the evidence size limit and the
 * report marking. They are policy: HQ sets them on an enrolled laptop (a supervisor may change them there),
 * this computer keeps its own while it was never enrolled.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const schema = useMemo(() => settingsFormSchema(t), [t]);
  const enrolled = useSyncStore((s) => s.status?.enrolled ?? false);
  const lastSync = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<PolicyStatusView | null>(null);
  // A failed load is said above the form; a save's outcome below its button, where the person is looking.
  const [message, setMessage] = useState<ShownOutcome | null>(null);
  const [saveOutcome, setSaveOutcome] = useState<ShownOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const saveButton = useFocusBackAfterAnswer(saving);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setFocus,
    trigger,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SettingsForm, unknown, z.output<SettingsFormSchema>>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
  });
  const refused = useFocusFirstInvalid<SettingsForm>();
  // Fields already marked are checked again when the language is switched, so their refusals are read in it too.
  const anyMarked = useRef(false);
  anyMarked.current = Object.keys(errors).length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: schema is the trigger: it changes with the language
  useEffect(() => {
    if (anyMarked.current) void trigger();
  }, [schema, trigger]);
  const reasons = useFieldArray({ control, name: 'deficiencyReasons' });
  // A removed reason's row leaves with its focused Remove button: focus goes to the reason that moves up into its
  // place, or after the last one to Add a reason, never to the top of the page.
  const addReason = useRef<HTMLButtonElement>(null);
  const [removedAt, setRemovedAt] = useState<number | null>(null);
  useEffect(() => {
    if (removedAt === null) return;
    if (removedAt < reasons.fields.length) setFocus(`deficiencyReasons.${removedAt}.label`);
    else addReason.current?.focus();
    setRemovedAt(null);
  }, [removedAt, reasons.fields.length, setFocus]);
  // A default reason still worded as shipped is shown to SCSSs in their language: say so beside the English label.
  const reasonValues = useWatch({ control, name: 'deficiencyReasons' });
  const reasonLabel = useReasonLabel();
  const shownAs = (i: number): string | null => {
    const reason = reasonValues?.[i];
    if (!reason) return null;
    const shown = reasonLabel(reason);
    return shown === reason.label ? null : shown;
  };
  const dirty = useRef(false);
  dirty.current = isDirty;

  /** Reads the settings in force and where they come from; the form is reset only when asked. */
  const load = useCallback(
    async (resetForm: boolean) => {
      const [settings, status] = await Promise.all([call('settings:get', {}), call('settings:policy', {})]);
      setPolicy(status);
      setLoaded(settings);
      if (resetForm) reset(toForm(settings));
      return status;
    },
    [reset],
  );

  // Again after enrolment and each sync (either may bring HQ's policy), unless the person is mid-edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: enrolled and lastSync are triggers, not inputs
  useEffect(() => {
    load(!dirty.current).catch((e: unknown) => setMessage({ type: 'error', text: errorWording(e) }));
  }, [load, enrolled, lastSync]);

  const onSubmit = async (form: z.output<SettingsFormSchema>) => {
    setMessage(null);
    setSaveOutcome(null);
    setSaving(true);
    const versionBefore = policy?.version ?? null;
    try {
      const saved = await call('settings:update', {
        deficiencyReasons: form.deficiencyReasons,
        responseDays: form.responseDays,
        maxEvidenceBytes: Math.round(form.maxEvidenceMb * MB),
        reportMarking: form.reportMarking,
      });
      setLoaded(saved);
      reset(toForm(saved));
      await load(false);
      setSaveOutcome({
        type: 'success',
        text: (tr) => tr(policy?.source === 'local' ? 'settings.saved' : 'settings.savedAtHq'),
      });
    } catch (e) {
      setSaveOutcome({ type: 'error', text: errorWording(e) });
      // HQ's policy moved on meanwhile: show HQ's, so a second save cannot undo the other supervisor's change.
      const now = await load(false).catch(() => null);
      if (now && now.version !== versionBefore) await load(true);
    } finally {
      saveButton.answered();
      setSaving(false);
    }
  };

  const readOnly = policy !== null && !policy.canEdit;

  return (
    <div className="grid-container screen">
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <p className="usa-intro">{t('settings.intro')}</p>
      <LanguageChoice />
      <HqConnection />
      <AuditLogSection />
      {enrolled && <RefusedChanges />}
      {message && <Alert type={message.type}>{message.text(t)}</Alert>}
      {policy && <PolicySource status={policy} />}
      {loaded && readOnly && <PolicySummary settings={loaded} />}
      {loaded && !readOnly && (
        <form
          className="usa-form usa-form--large settings-form"
          onSubmit={handleSubmit(onSubmit, (fieldErrors) => {
            // An earlier save's "saved" would read as this one's: nothing was saved this time.
            setSaveOutcome(null);
            refused.onInvalid(fieldErrors);
          })}
          noValidate
          aria-busy={saving}
          ref={refused.ref}
        >
          {/* Held while saving: the answer resets the form to what was saved, which would drop edits made meanwhile. */}
          <fieldset className="usa-fieldset" disabled={saving}>
            <fieldset
              className="usa-fieldset"
              aria-describedby={errors.deficiencyReasons?.root ? 'reasons-hint reasons-error' : 'reasons-hint'}
            >
              <legend className="usa-legend usa-legend--large">{t('settings.reasons')}</legend>
              <p className="usa-hint" id="reasons-hint">
                {t('settings.reasonsHint')}
              </p>
              {errors.deficiencyReasons?.root && (
                <FieldError id="reasons">{errors.deficiencyReasons.root.message}</FieldError>
              )}
              <table className="usa-table usa-table--borderless settings-reasons">
                <ReasonsTableHead removable />
                <tbody>
                  {reasons.fields.map((field, i) => {
                    const shown = shownAs(i);
                    return (
                      <tr key={field.id} data-testid="reason-row">
                        <td>
                          <input
                            className="usa-input"
                            aria-label={t('settings.labelOf', { number: i + 1 })}
                            {...fieldControl(`reason-${i}-label`, {
                              hint: shown !== null,
                              error: errors.deficiencyReasons?.[i]?.label?.message,
                            })}
                            {...register(`deficiencyReasons.${i}.label`)}
                          />
                          {shown !== null && (
                            <span className="usa-hint settings-reasons__shown-as" id={hintIdOf(`reason-${i}-label`)}>
                              {t('settings.shownAs', { label: shown })}
                            </span>
                          )}
                          {errors.deficiencyReasons?.[i]?.label && (
                            <FieldError id={`reason-${i}-label`}>
                              {errors.deficiencyReasons[i]?.label?.message}
                            </FieldError>
                          )}
                        </td>
                        <td>
                          <input
                            className="usa-input"
                            aria-label={t('settings.codeOf', { number: i + 1 })}
                            {...fieldControl(`reason-${i}-code`, {
                              error: errors.deficiencyReasons?.[i]?.code?.message,
                            })}
                            {...register(`deficiencyReasons.${i}.code`)}
                          />
                          {errors.deficiencyReasons?.[i]?.code && (
                            <FieldError id={`reason-${i}-code`}>
                              {errors.deficiencyReasons[i]?.code?.message}
                            </FieldError>
                          )}
                        </td>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t('settings.inUseOf', { number: i + 1 })}
                            {...register(`deficiencyReasons.${i}.active`)}
                          />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="usa-button usa-button--unstyled"
                            onClick={() => {
                              reasons.remove(i);
                              setRemovedAt(i);
                            }}
                          >
                            {t('settings.remove')}
                            <span className="usa-sr-only">{t('settings.removeReason', { number: i + 1 })}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <button
                ref={addReason}
                type="button"
                className="usa-button usa-button--outline"
                onClick={() => reasons.append({ code: '', label: '', active: true })}
              >
                {t('settings.addReason')}
              </button>
            </fieldset>

            <FormField
              id="responseDays"
              label={t('settings.responseDays')}
              hint={t('settings.responseDaysHint')}
              error={errors.responseDays?.message}
            >
              {(control) => (
                <input
                  className="usa-input usa-input--small"
                  inputMode="numeric"
                  {...control}
                  {...register('responseDays')}
                />
              )}
            </FormField>
            <FormField id="maxEvidenceMb" label={t('settings.maxEvidence')} error={errors.maxEvidenceMb?.message}>
              {(control) => (
                <input
                  className="usa-input usa-input--small"
                  inputMode="decimal"
                  {...control}
                  {...register('maxEvidenceMb')}
                />
              )}
            </FormField>
            <FormField
              id="reportMarking"
              label={t('settings.marking')}
              hint={t('settings.markingHint')}
              error={errors.reportMarking?.message}
            >
              {(control) => (
                <input
                  className="usa-input usa-input--medium"
                  maxLength={60}
                  {...control}
                  {...register('reportMarking')}
                />
              )}
            </FormField>
            <button className="usa-button" type="submit" disabled={isSubmitting} ref={saveButton.ref}>
              {t('settings.save')}
            </button>
          </fieldset>
          <div className="margin-top-2" data-testid="settings-save-outcome">
            {saveOutcome && <Alert type={saveOutcome.type}>{saveOutcome.text(t)}</Alert>}
          </div>
        </form>
      )}
    </div>
  );
}
