import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ENTITY_TYPES, EntityTypeSchema } from '../../../shared/domain/entity-types';
import { ValidationModeSchema } from '../../../shared/domain/validation';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { ErrorSummary, type ErrorSummaryItem } from '../components/ErrorSummary';
import { FieldError, FormField, fieldControl } from '../components/FormField';
import { useDomainLabels } from '../i18n/domain-labels';
import { useMembersStore } from '../state/members-store';
import { navigate, routeHref } from '../state/route';
import { OpenValidationWarning, useOpenValidations } from './members/OpenValidationWarning';

/** The form's rules, their messages in the language `t` speaks. */
const newValidationFormSchema = (t: TFunction) =>
  z.object({
    memberId: z.string().min(1, { error: t('fieldwork.newValidation.errors.chooseMember') }),
    entityType: EntityTypeSchema,
    mode: ValidationModeSchema,
    scheduledDate: z.iso.date({ error: t('fieldwork.newValidation.errors.scheduledDate') }),
  });
type NewValidationForm = z.infer<ReturnType<typeof newValidationFormSchema>>;
/** The fields in the order the form shows them, for the error summary. */
const FIELD_ORDER = [
  'memberId',
  'entityType',
  'mode',
  'scheduledDate',
] as const satisfies readonly (keyof NewValidationForm)[];

/** Entity types some installed catalog edition has criteria for; others cannot be validated yet. */
function useCoveredEntityTypes(): Set<string> | null {
  const [covered, setCovered] = useState<Set<string> | null>(null);
  useEffect(() => {
    void (async () => {
      const info = await call('app:info', {});
      const editions = await Promise.all(info.catalogEditionIds.map((editionId) => call('catalog:get', { editionId })));
      setCovered(new Set(editions.flatMap((e) => e.entityTypes)));
    })().catch(() => setCovered(new Set()));
  }, []);
  return covered;
}

const today = () => new Date().toISOString().slice(0, 10);

export function NewValidationScreen({ memberId }: { memberId?: string | undefined }) {
  const { members, load, status } = useMembersStore();
  const covered = useCoveredEntityTypes();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [secondConfirmed, setSecondConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const schema = useMemo(() => newValidationFormSchema(t), [t]);
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);

  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<NewValidationForm>({
    resolver: zodResolver(schema),
    // The error summary takes the focus instead, and reads every error at once.
    shouldFocusError: false,
    defaultValues: { memberId: memberId ?? '', entityType: 'IMP', mode: 'IN_PERSON', scheduledDate: today() },
  });

  const chosenMemberId = watch('memberId');
  const chosenMember = useMemo(() => members.find((m) => m.id === chosenMemberId), [members, chosenMemberId]);
  // The Member's own entity type is the usual choice; the SCSS can still change it.
  useEffect(() => {
    if (chosenMember) setValue('entityType', chosenMember.entityType);
  }, [chosenMember, setValue]);
  const openValidations = useOpenValidations(chosenMemberId);
  const hasOpen = chosenMember !== undefined && openValidations !== null && openValidations.length > 0;
  // A confirmation is for one Member: choosing another asks again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets when the chosen Member changes
  useEffect(() => {
    setSecondConfirmed(false);
    setConfirmError(null);
  }, [chosenMemberId]);

  const onSubmit = async (form: NewValidationForm) => {
    setSubmitError(null);
    if (hasOpen && !secondConfirmed) {
      setConfirmError(t('fieldwork.newValidation.confirmSecond'));
      confirmRef.current?.focus();
      return;
    }
    try {
      const validation = await call('validations:create', form);
      await load();
      navigate({ name: 'worksheet', validationId: validation.id, category: 1 });
    } catch (error) {
      setSubmitError(errorMessage(error));
    }
  };

  const summaryItems: ErrorSummaryItem[] = FIELD_ORDER.flatMap((field) => {
    const text = errors[field]?.message;
    return text ? [{ text, fieldId: field === 'mode' ? `mode-${ValidationModeSchema.options[0]}` : field }] : [];
  });

  return (
    <div className="grid-container screen">
      <h1 tabIndex={-1}>{t('fieldwork.newValidation.title')}</h1>
      <p className="usa-intro">{t('fieldwork.newValidation.intro')}</p>
      {submitError && (
        <Alert type="error" heading={t('fieldwork.newValidation.notCreated')}>
          {submitError}
        </Alert>
      )}
      {summaryItems.length > 0 && (
        <ErrorSummary
          heading={t('fieldwork.newValidation.notCreated')}
          headingLevel={2}
          items={summaryItems}
          attempt={submitCount}
          testId="new-validation-error-summary"
        />
      )}
      <form className="usa-form usa-form--large" onSubmit={handleSubmit(onSubmit)} noValidate>
        <FormField
          id="memberId"
          label={t('fieldwork.newValidation.member')}
          error={errors.memberId?.message}
          announce={false}
        >
          {(control) => (
            <select className="usa-select" {...control} {...register('memberId')}>
              <option value="">{t('fieldwork.newValidation.select')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.legalName} ({m.accountNumber})
                </option>
              ))}
            </select>
          )}
        </FormField>
        {hasOpen && chosenMember && (
          <OpenValidationWarning memberName={chosenMember.legalName} open={openValidations} />
        )}

        <FormField
          id="entityType"
          label={t('fieldwork.newValidation.entityType')}
          hint={t('fieldwork.newValidation.entityTypeHint')}
        >
          {(control) => (
            <select className="usa-select" {...control} {...register('entityType')}>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type} disabled={covered !== null && !covered.has(type)}>
                  {labels.entityType(type)}
                  {covered !== null && !covered.has(type) ? t('fieldwork.newValidation.noCatalog') : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('fieldwork.newValidation.howValidate')}</legend>
          {ValidationModeSchema.options.map((mode) => (
            <div className="usa-radio" key={mode}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                type="radio"
                id={`mode-${mode}`}
                value={mode}
                {...register('mode')}
              />
              <label className="usa-radio__label" htmlFor={`mode-${mode}`}>
                {labels.mode(mode)}
                <span className="usa-checkbox__label-description">{t(`fieldwork.newValidation.modeHint.${mode}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>

        <FormField
          id="scheduledDate"
          label={t('fieldwork.newValidation.scheduledDate')}
          error={errors.scheduledDate?.message}
          announce={false}
        >
          {(control) => <input className="usa-input" type="date" {...control} {...register('scheduledDate')} />}
        </FormField>

        {hasOpen && chosenMember && (
          <div className={`usa-form-group${confirmError ? ' usa-form-group--error' : ''}`}>
            {confirmError && <FieldError id="confirm-second">{confirmError}</FieldError>}
            <div className="usa-checkbox">
              <input
                ref={confirmRef}
                className="usa-checkbox__input"
                type="checkbox"
                checked={secondConfirmed}
                {...fieldControl('confirm-second', { error: confirmError })}
                onChange={(e) => {
                  setSecondConfirmed(e.target.checked);
                  if (e.target.checked) setConfirmError(null);
                }}
              />
              <label className="usa-checkbox__label" htmlFor="confirm-second">
                {t('fieldwork.newValidation.startAnother')}
                <span className="usa-checkbox__label-description">
                  {t('fieldwork.newValidation.startAnotherHint', { member: chosenMember.legalName })}
                </span>
              </label>
            </div>
          </div>
        )}

        <div className="form-actions">
          <button className="usa-button" type="submit" disabled={isSubmitting}>
            {isSubmitting ? t('fieldwork.newValidation.creating') : t('fieldwork.newValidation.create')}
          </button>
          <a className="usa-button usa-button--unstyled" href={routeHref({ name: 'members' })}>
            {t('fieldwork.newValidation.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
