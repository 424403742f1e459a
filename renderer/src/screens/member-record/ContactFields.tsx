import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/member-record/events';
import { FormField } from '../../components/FormField';

const EMPTY: Contact = { name: '', role: '', email: '', phone: '' };
const PARTS = [
  ['name', 'contactName'],
  ['role', 'contactRole'],
  ['email', 'contactEmail'],
  ['phone', 'contactPhone'],
] as const;

/** The Member's points of contact, each a small group of fields; a refused field is marked where it is. */
export function ContactFields({
  contacts,
  onChange,
  errors,
}: {
  contacts: Contact[];
  onChange: (next: Contact[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (index: number, part: keyof Contact, value: string) =>
    onChange(contacts.map((c, i) => (i === index ? { ...c, [part]: value } : c)));
  return (
    <div className="member-record__contacts-form">
      {contacts.map((contact, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; their order is what the person sees
        <fieldset className="usa-fieldset member-record__group" key={index}>
          <legend className="usa-legend">{t('memberRecord.change.fields.contactLegend', { number: index + 1 })}</legend>
          <div className="member-record__group-grid">
            {PARTS.map(([part, label]) => {
              const id = `record-contact-${index}-${part}`;
              const error = errors[`contacts.${index}.${part}`];
              return (
                <FormField id={id} label={t(`memberRecord.change.fields.${label}`)} error={error} key={part}>
                  {(control) => (
                    <input
                      className="usa-input"
                      type={part === 'email' ? 'email' : 'text'}
                      value={contact[part]}
                      onChange={(e) => update(index, part, e.target.value)}
                      {...control}
                    />
                  )}
                </FormField>
              );
            })}
          </div>
          <button
            type="button"
            className="usa-button usa-button--unstyled"
            onClick={() => onChange(contacts.filter((_, i) => i !== index))}
          >
            {t('memberRecord.change.fields.removeContact')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="usa-button usa-button--outline"
        onClick={() => onChange([...contacts, { ...EMPTY }])}
      >
        {t('memberRecord.change.fields.addContact')}
      </button>
    </div>
  );
}
