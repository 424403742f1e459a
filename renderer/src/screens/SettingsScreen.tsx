import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { DeficiencyReasonSchema, type Settings, SettingsSchema } from '../../../shared/domain/field-work';
import type { PolicyStatusView } from '../../../shared/domain/policy';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { useSyncStore } from '../state/sync-store';
import { AuditLogSection } from './AuditLog';
import { HqConnection } from './HqConnection';
import { RefusedChanges } from './RefusedChanges';
import { PolicySource } from './settings/PolicySource';
import { PolicySummary } from './settings/PolicySummary';
import './settings/policy.css';

const MB = 1_000_000; // decimal MB, as formatFileSize counts them

const SettingsFormSchema = z
  .object({
    deficiencyReasons: z.array(
      DeficiencyReasonSchema.extend({
        code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: 'Use capitals, digits and _ (e.g. SEAL_LOG_GAP).' }),
        label: z.string().trim().min(1, { error: 'Give the reason a label.' }).max(120),
      }),
    ),
    responseDays: z.coerce
      .number<string | number>()
      .int()
      .min(1, { error: 'At least 1 day.' })
      .max(365, { error: 'At most 365 days.' }),
    maxEvidenceMb: z.coerce
      .number<string | number>()
      .min(1, { error: 'At least 1 MB.' })
      .max(500, { error: 'At most 500 MB.' }),
    reportMarking: SettingsSchema.shape.reportMarking,
  })
  .refine((f) => new Set(f.deficiencyReasons.map((r) => r.code)).size === f.deficiencyReasons.length, {
    error: 'Two reasons have the same code.',
    path: ['deficiencyReasons'],
  });
type SettingsForm = z.input<typeof SettingsFormSchema>;

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
  const enrolled = useSyncStore((s) => s.status?.enrolled ?? false);
  const lastSync = useSyncStore((s) => s.status?.lastSuccessAt ?? null);
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<PolicyStatusView | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SettingsForm, unknown, z.output<typeof SettingsFormSchema>>({
    resolver: zodResolver(SettingsFormSchema),
  });
  const reasons = useFieldArray({ control, name: 'deficiencyReasons' });
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
    load(!dirty.current).catch((e: unknown) => setMessage({ type: 'error', text: errorMessage(e) }));
  }, [load, enrolled, lastSync]);

  const onSubmit = async (form: z.output<typeof SettingsFormSchema>) => {
    setMessage(null);
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
      setMessage({ type: 'success', text: policy?.source === 'local' ? 'Settings saved.' : 'Settings saved at HQ.' });
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
      // HQ's policy moved on meanwhile: show HQ's, so a second save cannot undo the other supervisor's change.
      const now = await load(false).catch(() => null);
      if (now && now.version !== versionBefore) await load(true);
    }
  };

  const readOnly = policy !== null && !policy.canEdit;

  return (
    <div className="grid-container screen">
      <h1 tabIndex={-1}>Settings</h1>
      <p className="usa-intro">
        Deficiency reasons, the response period, the evidence size limit and the report marking. Findings keep the
        reason they were given.
      </p>
      <HqConnection />
      <AuditLogSection />
      {enrolled && <RefusedChanges />}
      {message && <Alert type={message.type}>{message.text}</Alert>}
      {policy && <PolicySource status={policy} />}
      {loaded && readOnly && <PolicySummary settings={loaded} />}
      {loaded && !readOnly && (
        <form className="usa-form usa-form--large settings-form" onSubmit={handleSubmit(onSubmit)} noValidate>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend usa-legend--large">Deficiency reasons</legend>
            <p className="usa-hint">
              Retire a reason by unticking “In use”; a reason used by a finding cannot be removed.
            </p>
            {errors.deficiencyReasons?.root && (
              <span className="usa-error-message" role="alert">
                {errors.deficiencyReasons.root.message}
              </span>
            )}
            <table className="usa-table usa-table--borderless settings-reasons">
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Code</th>
                  <th scope="col">In use</th>
                  <th scope="col">
                    <span className="usa-sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {reasons.fields.map((field, i) => (
                  <tr key={field.id} data-testid="reason-row">
                    <td>
                      <input
                        className="usa-input"
                        aria-label={`Label of reason ${i + 1}`}
                        {...register(`deficiencyReasons.${i}.label`)}
                      />
                      {errors.deficiencyReasons?.[i]?.label && (
                        <span className="usa-error-message">{errors.deficiencyReasons[i]?.label?.message}</span>
                      )}
                    </td>
                    <td>
                      <input
                        className="usa-input"
                        aria-label={`Code of reason ${i + 1}`}
                        {...register(`deficiencyReasons.${i}.code`)}
                      />
                      {errors.deficiencyReasons?.[i]?.code && (
                        <span className="usa-error-message">{errors.deficiencyReasons[i]?.code?.message}</span>
                      )}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Reason ${i + 1} in use`}
                        {...register(`deficiencyReasons.${i}.active`)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() => reasons.remove(i)}
                      >
                        Remove<span className="usa-sr-only"> reason {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => reasons.append({ code: '', label: '', active: true })}
            >
              Add a reason
            </button>
          </fieldset>

          <div className={`usa-form-group${errors.responseDays ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="responseDays">
              Days the Member has to respond to a finding
            </label>
            <span className="usa-hint">New findings are due this many days after the day they are recorded.</span>
            {errors.responseDays && (
              <span className="usa-error-message" role="alert">
                {errors.responseDays.message}
              </span>
            )}
            <input
              className="usa-input usa-input--small"
              id="responseDays"
              inputMode="numeric"
              {...register('responseDays')}
            />
          </div>
          <div className={`usa-form-group${errors.maxEvidenceMb ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="maxEvidenceMb">
              Largest evidence file (MB)
            </label>
            {errors.maxEvidenceMb && (
              <span className="usa-error-message" role="alert">
                {errors.maxEvidenceMb.message}
              </span>
            )}
            <input
              className="usa-input usa-input--small"
              id="maxEvidenceMb"
              inputMode="decimal"
              {...register('maxEvidenceMb')}
            />
          </div>
          <div className={`usa-form-group${errors.reportMarking ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="reportMarking">
              Marking on every report page
            </label>
            <span className="usa-hint" id="reportMarking-hint">
              Printed at the top and bottom of every page of every report, in every format (e.g. CUI).
            </span>
            {errors.reportMarking && (
              <span className="usa-error-message" role="alert">
                {errors.reportMarking.message}
              </span>
            )}
            <input
              className="usa-input usa-input--medium"
              id="reportMarking"
              aria-describedby="reportMarking-hint"
              maxLength={60}
              {...register('reportMarking')}
            />
          </div>
          <button className="usa-button" type="submit" disabled={isSubmitting}>
            Save settings
          </button>
        </form>
      )}
    </div>
  );
}
