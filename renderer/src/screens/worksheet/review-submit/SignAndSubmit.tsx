import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, englishMessage, errorMessage } from '../../../api';
import { FieldError, FormField, fieldControl } from '../../../components/FormField';
import { currentLanguage } from '../../../i18n';
import { useWorksheetStore } from '../../../state/worksheet-store';
import { checkSignForm, placeRefusal, plainRefusalMessage, type SignErrors, type SignField } from './sign-form';

const FIELD_IDS: Record<SignField, string> = { signedByName: 'signed-by-name', attestation: 'attest' };

type Refusal = { fields: SignErrors; general: string[] };
const NO_REFUSAL: Refusal = { fields: {}, general: [] };

/** Moves focus to a field named in the error summary (the app routes by hash, so a plain #id link would navigate). */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

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
  const summaryRef = useRef<HTMLDivElement>(null);
  const refused = Object.keys(refusal.fields).length > 0 || refusal.general.length > 0;

  useEffect(() => {
    if (refused) summaryRef.current?.focus();
  }, [refused]);

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
  const summaryItems: { text: string; target: string }[] = [
    ...refusal.general.map((text) => ({
      text,
      target: problemsToFix > 0 ? 'review-problems-heading' : '',
    })),
    ...(['signedByName', 'attestation'] as const).flatMap((field) => {
      const text = fieldError(field);
      return text ? [{ text, target: FIELD_IDS[field] }] : [];
    }),
  ];

  return (
    <section aria-labelledby="sign-heading" className="review-sign">
      <h3 id="sign-heading">{returned ? t('worksheet.sign.headingAgain') : t('worksheet.sign.heading')}</h3>
      {returned && <p>{t('worksheet.sign.againNote')}</p>}
      {refused && (
        <div
          className="usa-alert usa-alert--error review-sign__summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          data-testid="submit-error-summary"
        >
          <div className="usa-alert__body">
            <h4 className="usa-alert__heading">{t('worksheet.sign.notSubmitted')}</h4>
            <ul className="usa-list usa-list--unstyled">
              {summaryItems.map((item) => (
                <li key={`${item.target}-${item.text}`}>
                  {item.target ? (
                    <a className="usa-link" href={`#${item.target}`} onClick={(e) => focusField(e, item.target)}>
                      {item.text}
                    </a>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          </div>
        </div>
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
