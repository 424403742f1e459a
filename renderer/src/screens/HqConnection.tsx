import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type FieldErrors, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { hqAddressIsSafe, type SyncStatusView } from '../../../shared/ipc/contract';
import { ApiError } from '../api';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFocusBackAfterAnswer } from '../components/useFocusBackAfterAnswer';
import { errorWording, type ShownOutcome } from '../components/wording';
import { translateMessage } from '../i18n/messages';
import { useSyncStore } from '../state/sync-store';

/** The enrolment request's own rules (shared/ipc/contract.ts), worded for the person at each field. */
const enrolFormSchema = (t: TFunction) =>
  z.object({
    hqUrl: z
      .string()
      .trim()
      .pipe(z.url({ protocol: /^https?$/, error: t('fieldwork.hq.errors.address') }))
      .refine(hqAddressIsSafe, { error: t('fieldwork.hq.errors.https') }),
    code: z
      .string()
      .trim()
      .min(8, { error: t('fieldwork.hq.errors.code') })
      .max(64, { error: t('fieldwork.hq.errors.codeLong') }),
    deviceName: z
      .string()
      .trim()
      .min(1, { error: t('fieldwork.hq.errors.deviceName') })
      .max(120, { error: t('fieldwork.hq.errors.deviceNameLong') }),
  });
type EnrolForm = z.infer<ReturnType<typeof enrolFormSchema>>;
const FIELDS: ReadonlyArray<Path<EnrolForm>> = ['hqUrl', 'code', 'deviceName'];
/** A field the main process refused is marked with this type; the form's own checks use zod's. */
const REFUSED_BY_MAIN = 'main';
type RefusedByMain = Partial<Record<Path<EnrolForm>, ApiError['issues'][number]>>;

/** What a field says: the main process's refusal written in the language of the moment, else the form's own. */
const fieldError = (errors: FieldErrors<EnrolForm>, refused: RefusedByMain, field: Path<EnrolForm>) => {
  const error = errors[field];
  const issue = refused[field];
  return error?.type === REFUSED_BY_MAIN && issue ? translateMessage(issue) : error?.message;
};

/** Enrolment with HQ: the address and the one-time code from `npm run hq -- enroll`. */
export function HqConnection() {
  const { status, enroll } = useSyncStore();
  // Said below the button, where the person is looking; the button was disabled while HQ answered, which took the
  // focus away: it goes back to the button, or to the first field HQ's answer marked.
  const [message, setMessage] = useState<ShownOutcome | null>(null);
  const [refusedByMain, setRefusedByMain] = useState<RefusedByMain>({});
  const { t } = useTranslation();
  const schema = useMemo(() => enrolFormSchema(t), [t]);
  const {
    register,
    handleSubmit,
    resetField,
    setError,
    trigger,
    formState: { errors, isSubmitting, dirtyFields },
  } = useForm<EnrolForm>({
    resolver: zodResolver(schema),
    defaultValues: { hqUrl: hqUrlOf(status), code: '', deviceName: 'CTPAT laptop' },
  });
  // On a switch of language, the fields this form marked are checked again so they read in it; one the main process
  // refused is left marked (checking it here would clear it) and is written in the new language as it is drawn.
  const markedByForm = useRef<Path<EnrolForm>[]>([]);
  markedByForm.current = FIELDS.filter((f) => errors[f] && errors[f]?.type !== REFUSED_BY_MAIN);
  // biome-ignore lint/correctness/useExhaustiveDependencies: schema is the trigger: it changes with the language
  useEffect(() => {
    if (markedByForm.current.length > 0) void trigger(markedByForm.current);
  }, [schema, trigger]);
  const enrolButton = useFocusBackAfterAnswer(isSubmitting);
  // The status may answer after the form is drawn: its address fills the field unless the person typed one.
  const savedUrl = hqUrlOf(status);
  const typedUrl = dirtyFields.hqUrl === true;
  useEffect(() => {
    if (!typedUrl) resetField('hqUrl', { defaultValue: savedUrl });
  }, [savedUrl, typedUrl, resetField]);

  // An enrolment waiting to be handed back is settled at a later sync: the error shown here about it is replaced by
  // what HQ did (a message about an enrolment made since stays).
  const handBackOf = status?.handBackOf;
  const refusedHere = status?.state === 'needs-enrolment';
  const enrolledName = status?.userName ?? '';
  const handingBack = useRef(handBackOf);
  useEffect(() => {
    const was = handingBack.current;
    handingBack.current = handBackOf;
    if (!was || handBackOf) return;
    const names = { newName: was, name: enrolledName };
    const outcome: ShownOutcome = refusedHere
      ? { type: 'error', text: (tr) => tr('fieldwork.hq.handBackRefused', names) }
      : { type: 'success', text: (tr) => tr('fieldwork.hq.handedBack', names) };
    setMessage((shown) => (shown?.type === 'error' ? outcome : shown));
  }, [handBackOf, refusedHere, enrolledName]);

  const submit = async (form: EnrolForm) => {
    setMessage(null);
    try {
      await enroll(form);
      resetField('code', { defaultValue: '' });
      setMessage({ type: 'success', text: (tr) => tr('fieldwork.hq.enrolled') });
      enrolButton.answered();
    } catch (error) {
      // A field the main process refused is marked where it is, as a field this form checks would be.
      const refused = error instanceof ApiError ? error.issues : [];
      const marked = refused.filter((issue): issue is typeof issue & { path: Path<EnrolForm> } =>
        FIELDS.includes(issue.path as Path<EnrolForm>),
      );
      setRefusedByMain(Object.fromEntries(marked.map((issue) => [issue.path, issue])));
      marked.forEach((issue, i) => {
        setError(issue.path, { type: REFUSED_BY_MAIN, message: issue.message }, { shouldFocus: i === 0 });
      });
      setMessage({
        type: 'error',
        text: marked.length > 0 ? (tr) => tr('fieldwork.hq.fixFields') : errorWording(error),
      });
      if (marked.length === 0) enrolButton.answered();
    }
  };

  return (
    <section className="hq-connection" aria-labelledby="hq-heading">
      <h2 id="hq-heading">{t('fieldwork.hq.heading')}</h2>
      {status === null ? (
        <p aria-live="polite" data-testid="hq-checking">
          {t('fieldwork.hq.checking')}
        </p>
      ) : status.enrolled ? (
        <p data-testid="hq-enrolled">
          {t('fieldwork.hq.enrolledBefore')}
          <strong>{status.hqUrl}</strong>
          {t('fieldwork.hq.enrolledAfter', { name: status.userName })}
        </p>
      ) : status.unreadableEnrolment ? (
        <UnreadableEnrolment name={status.unreadableEnrolment.name} />
      ) : (
        <p>{t('fieldwork.hq.notEnrolled')}</p>
      )}
      <form
        className="usa-form usa-form--large"
        onSubmit={handleSubmit(submit)}
        noValidate
        aria-labelledby="hq-heading"
      >
        <FormField id="hq-url" label={t('fieldwork.hq.address')} error={fieldError(errors, refusedByMain, 'hqUrl')}>
          {(control) => <input className="usa-input" type="url" {...control} {...register('hqUrl')} />}
        </FormField>
        <FormField id="hq-code" label={t('fieldwork.hq.code')} error={fieldError(errors, refusedByMain, 'code')}>
          {(control) => <input className="usa-input" autoComplete="off" {...control} {...register('code')} />}
        </FormField>
        <FormField
          id="hq-device"
          label={t('fieldwork.hq.deviceName')}
          error={fieldError(errors, refusedByMain, 'deviceName')}
        >
          {(control) => <input className="usa-input" {...control} {...register('deviceName')} />}
        </FormField>
        <button type="submit" className="usa-button" disabled={isSubmitting} ref={enrolButton.ref}>
          {t('fieldwork.hq.enrol')}
        </button>
      </form>
      <div className="margin-top-2" data-testid="enrol-outcome">
        {message && <Alert type={message.type}>{message.text(t)}</Alert>}
      </div>
    </section>
  );
}

/** The HQ this computer is enrolled with, else the one of an enrolment it could not read: where to enrol again. */
const hqUrlOf = (status: SyncStatusView | null): string => status?.hqUrl ?? status?.unreadableEnrolment?.hqUrl ?? '';

/** Why a computer holding enrolled work is not enrolled: the data came from another computer or OS account. */
function UnreadableEnrolment({ name }: { name: string | null }) {
  const { t } = useTranslation();
  // Drawn with the page, not announced: a static warning, as the returned and withdrawn banners are.
  return (
    <section
      className="usa-alert usa-alert--warning hq-unreadable"
      aria-labelledby="hq-unreadable-heading"
      data-testid="hq-unreadable"
    >
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading" id="hq-unreadable-heading">
          {t('fieldwork.hq.unreadable.heading')}
        </h3>
        <p className="usa-alert__text">{t('fieldwork.hq.unreadable.copied')}</p>
        <p className="usa-alert__text">
          {name ? t('fieldwork.hq.unreadable.whose', { name }) : t('fieldwork.hq.unreadable.whoseUnknown')}
        </p>
      </div>
    </section>
  );
}
