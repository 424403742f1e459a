import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, englishMessage, errorMessage } from '../../../api';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary';
import { FieldError, FormField, fieldControl } from '../../../components/FormField';
import { currentLanguage } from '../../../i18n';
import { useWorksheetStore } from '../../../state/worksheet-store';
import { checkSignForm, placeRefusal, plainRefusalMessage, type SignErrors, type SignField } from './sign-form';

const FIELD_IDS: Record<SignField, string> = { signedByName: 'signed-by-name', attestation: 'attest' };

type Refusal = { fields: SignErrors; general: string[] };
const NO_REFUSAL: Refusal = { fields: {}, general: [] };

/**
 * The signature form. It checks what it can before sending; whatever the main process still refuses is shown
 * at the field it concerns, with a USWDS error summary linking to each, in plain words and never a channel name.
 */
export function SignAndSubmit({
  validationId,
  returned,
  problemsToFix,
  onRefused,
}: {
  validationId: string;
  returned: boolean;
  /** Errors the completeness check found; the summary links to their list. */
  problemsToFix: number;
  /** Called after the main process refused the submission: the completeness list is checked again. */
  onRefused: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const setValidation = useWorksheetStore((s) => s.setValidation);
  const refreshLifecycle = useWorksheetStore((s) => s.refreshLifecycle);
  const [signedByName, setSignedByName] = useState('');
  const [attested, setAttested] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const refused = Object.keys(refusal.fields).length > 0 || refusal.general.length > 0;

  const submit = async () => {
    const values = { signedByName, attested };
    const local = checkSignForm(values);
    if (Object.keys(local).length > 0) {
      setRefusal({ fields: local, general: [] });
      return;
    }
    setRefusal(NO_REFUSAL);
    setSubmitting(true);
    try {
      // The signature records the language the SCSS read the worksheet in.
      setValidation(
        await call('validations:submit', {
          validationId,
          signedByName,
          attestation: attested as true,
          worksheetLanguage: currentLanguage(),
        }),
      );
      await refreshLifecycle();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) {
        const placed = placeRefusal(e.issues, values);
        setRefusal({
          fields: placed.fields,
          general: placed.other.length > 0 ? [plainRefusalMessage(e.message, e.english)] : [],
        });
      } else {
        setRefusal({ fields: {}, general: [plainRefusalMessage(errorMessage(e), englishMessage(e))] });
      }
      await onRefused();
    } finally {
      setSubmitting(false);
    }
  };

  const fieldError = (field: SignField) => refusal.fields[field];
  const summaryItems: ErrorSummaryItem[] = [
    ...refusal.general.map((text) => (problemsToFix > 0 ? { text, fieldId: 'review-problems-heading' } : { text })),
    ...(['signedByName', 'attestation'] as const).flatMap((field) => {
      const text = fieldError(field);
      return text ? [{ text, fieldId: FIELD_IDS[field] }] : [];
    }),
  ];

  return (
    <section aria-labelledby="sign-heading" className="review-sign">
      <h3 id="sign-heading">{returned ? t('worksheet.sign.headingAgain') : t('worksheet.sign.heading')}</h3>
      {returned && <p>{t('worksheet.sign.againNote')}</p>}
      {refused && (
        <ErrorSummary
          heading={t('worksheet.sign.notSubmitted')}
          headingLevel={4}
          items={summaryItems}
          attempt={refusal}
          testId="submit-error-summary"
        />
      )}
      {/* The error summary above takes the focus and reads every error, so the fields' own are not announced too. */}
      <FormField
        id={FIELD_IDS.signedByName}
        label={t('worksheet.sign.name')}
        error={fieldError('signedByName')}
        announce={false}
      >
        {(control) => (
          <input
            className="usa-input"
            autoComplete="name"
            value={signedByName}
            {...control}
            onChange={(e) => setSignedByName(e.target.value)}
          />
        )}
      </FormField>
      <div className={`usa-form-group${fieldError('attestation') ? ' usa-form-group--error' : ''}`}>
        {fieldError('attestation') && (
          <FieldError id={FIELD_IDS.attestation} announce={false}>
            {fieldError('attestation')}
          </FieldError>
        )}
        <div className="usa-checkbox review__attest">
          <input
            className="usa-checkbox__input"
            type="checkbox"
            checked={attested}
            {...fieldControl(FIELD_IDS.attestation, { error: fieldError('attestation') })}
            onChange={(e) => setAttested(e.target.checked)}
          />
          <label className="usa-checkbox__label" htmlFor={FIELD_IDS.attestation}>
            {t('worksheet.sign.attest')}
          </label>
        </div>
      </div>
      <button type="button" className="usa-button" disabled={submitting} onClick={() => void submit()}>
        {submitting ? t('worksheet.sign.submitting') : t('worksheet.sign.submit')}
      </button>
    </section>
  );
}
