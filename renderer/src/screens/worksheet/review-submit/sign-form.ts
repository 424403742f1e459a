import type { FieldIssue } from '../../../../../shared/ipc/envelope';
import { message } from '../../../../../shared/messages';
import { i18n } from '../../../i18n';
import { translateMessage } from '../../../i18n/messages';

export type SignField = 'signedByName' | 'attestation';
export type SignValues = { signedByName: string; attested: boolean };
export type SignErrors = Partial<Record<SignField, string>>;

/** Mirrors the validations:submit request schema, in the words the SCSS reads at each field. */
export function checkSignForm(values: SignValues): SignErrors {
  const errors: SignErrors = {};
  const name = values.signedByName.trim();
  if (name.length === 0) errors.signedByName = i18n.t('worksheet.sign.nameMissing');
  else if (name.length < 3) errors.signedByName = i18n.t('worksheet.sign.nameShort');
  else if (name.length > 120) errors.signedByName = i18n.t('worksheet.sign.nameLong', { length: name.length });
  if (!values.attested) errors.attestation = i18n.t('worksheet.sign.attestMissing');
  return errors;
}

/**
 * Places the main process's refusal of a submit at the fields it names: our own words where this form knows
 * the rule, otherwise the refusal's own message (written for the SCSS). Issues about anything else (the
 * validation's id) are not the person's to fix and come back in `other`.
 */
export function placeRefusal(
  issues: ReadonlyArray<FieldIssue>,
  values: SignValues,
): { fields: SignErrors; other: FieldIssue[] } {
  const ours = checkSignForm(values);
  const fields: SignErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0];
    if (field === 'signedByName' || field === 'attestation') {
      fields[field] ??= ours[field] ?? withFullStop(issue.message);
    } else other.push(issue);
  }
  return { fields, other };
}

const withFullStop = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

/**
 * A refusal message that names a channel or a schema path is for developers: replace it with plain words.
 * `shown` is the refusal in the interface's language, `english` as the main process sent it.
 */
export function plainRefusalMessage(shown: string, english = shown): string {
  if (/^Invalid [a-z]+:[a-z]+ request/.test(english)) return translateMessage(message('errors.unreadableRequest'));
  return shown;
}
