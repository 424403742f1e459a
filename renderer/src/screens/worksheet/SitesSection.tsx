import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SITE_ADDRESS_MAX, SITE_NAME_MAX, type Site, SiteTypeSchema } from '../../../../shared/domain/field-work';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { FormField } from '../../components/FormField';
import { formatDate } from '../../components/format';
import { useWorksheetStore } from '../../state/worksheet-store';

const lengthOf = (input: unknown): number => (typeof input === 'string' ? input.length : 0);

/** The site form's rules, its messages in the interface's language. */
const siteFormSchema = (t: TFunction) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: t('worksheetParts.sites.nameMissing') })
      .max(SITE_NAME_MAX, {
        error: (issue) =>
          t('worksheetParts.sites.nameTooLong', { limit: SITE_NAME_MAX, length: lengthOf(issue.input) }),
      }),
    address: z.string().max(SITE_ADDRESS_MAX, {
      error: (issue) =>
        t('worksheetParts.sites.addressTooLong', { limit: SITE_ADDRESS_MAX, length: lengthOf(issue.input) }),
    }),
    siteType: SiteTypeSchema,
    visitDate: z.union([z.literal(''), z.iso.date({ error: t('worksheetParts.sites.realDate') })]),
  });
type SiteForm = z.infer<ReturnType<typeof siteFormSchema>>;

/** Where the focus goes once the editor closes or a site is removed: an element id. */
const ADD_BUTTON_ID = 'site-add';
const editButtonId = (siteId: string) => `site-${siteId}-edit`;

function SiteEditor({
  validationId,
  site,
  onDone,
}: {
  validationId: string;
  site?: Site;
  /** Called with the stored site after a save, with nothing on Cancel. */
  onDone: (saved?: Site) => void;
}) {
  const { t } = useTranslation();
  const schema = useMemo(() => siteFormSchema(t), [t]);
  const apply = useWorksheetStore((s) => s.apply);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SiteForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: site?.name ?? '',
      address: site?.address ?? '',
      siteType: site?.siteType ?? 'MAIN_OFFICE',
      visitDate: site?.visitDate ?? '',
    },
  });
  const prefix = site ? `site-${site.id}` : 'site-new';
  // The form replaces the button that opened it: the keyboard lands on its first field, not the page top.
  useEffect(() => setFocus('name'), [setFocus]);
  const onSubmit = async (form: SiteForm) => {
    setError(null);
    try {
      const saved = await call('sites:save', {
        validationId,
        ...(site ? { id: site.id } : {}),
        name: form.name,
        address: form.address,
        siteType: form.siteType,
        visitDate: form.visitDate === '' ? null : form.visitDate,
      });
      apply('sites', saved);
      onDone(saved);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form
      className="usa-form site-editor"
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={site ? t('worksheetParts.sites.edit', { site: site.name }) : t('worksheetParts.sites.addSite')}
    >
      {error && <Alert type="error">{error}</Alert>}
      <FormField id={`${prefix}-name`} label={t('worksheetParts.sites.name')} error={errors.name?.message}>
        {(control) => <input className="usa-input" {...control} {...register('name')} />}
      </FormField>
      <label className="usa-label" htmlFor={`${prefix}-type`}>
        {t('worksheetParts.sites.type')}
      </label>
      <select className="usa-select" id={`${prefix}-type`} {...register('siteType')}>
        {SiteTypeSchema.options.map((type) => (
          <option key={type} value={type}>
            {t(`domain.siteType.${type}`)}
          </option>
        ))}
      </select>
      <FormField id={`${prefix}-address`} label={t('worksheetParts.sites.address')} error={errors.address?.message}>
        {(control) => <textarea className="usa-textarea" rows={2} {...control} {...register('address')} />}
      </FormField>
      <FormField id={`${prefix}-visit`} label={t('worksheetParts.sites.visitDate')} error={errors.visitDate?.message}>
        {(control) => <input className="usa-input" type="date" {...control} {...register('visitDate')} />}
      </FormField>
      <div className="form-actions">
        <button className="usa-button" type="submit" disabled={isSubmitting}>
          {site ? t('worksheetParts.sites.save') : t('worksheetParts.sites.add')}
        </button>
        <button className="usa-button usa-button--unstyled" type="button" onClick={() => onDone()}>
          {t('worksheetParts.common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function SitesSection({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const remove = useWorksheetStore((s) => s.remove);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Said once a site is added, saved or removed (the region is on the page before the text, so it is read).
  const [announcement, setAnnouncement] = useState('');
  // The control to focus after the next render: the editor or a removed site takes the focused one away.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  if (!worksheet) return null;
  const { sites, validation } = worksheet;

  const startEditing = (which: string | 'new') => {
    setAnnouncement('');
    setEditing(which);
  };
  /** Back to the button that opened the editor, saying what was saved. */
  const doneEditing = (which: string | 'new', saved?: Site) => {
    setEditing(null);
    focusNext.current = which === 'new' ? ADD_BUTTON_ID : editButtonId(which);
    if (saved) {
      setAnnouncement(
        t(which === 'new' ? 'worksheetParts.sites.added' : 'worksheetParts.sites.saved', { site: saved.name }),
      );
    }
  };

  const deleteSite = async (site: Site) => {
    setError(null);
    setAnnouncement('');
    const index = sites.findIndex((s) => s.id === site.id);
    // Its neighbour takes the focus: the next site's Edit, else the one before, else Add a site.
    const neighbour = sites[index + 1] ?? sites[index - 1];
    try {
      await call('sites:delete', { validationId: validation.id, siteId: site.id });
      focusNext.current = neighbour ? editButtonId(neighbour.id) : ADD_BUTTON_ID;
      remove('sites', site.id);
      setAnnouncement(t('worksheetParts.sites.removed', { site: site.name }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('worksheetParts.sites.heading')}</h2>
      <p>{t('worksheetParts.sites.intro')}</p>
      {error && <Alert type="error">{error}</Alert>}
      <p className="usa-sr-only" aria-live="polite" data-testid="sites-announcement">
        {announcement}
      </p>
      {sites.length === 0 && editing !== 'new' && <Alert type="info">{t('worksheetParts.sites.none')}</Alert>}
      <ul className="usa-list usa-list--unstyled site-list">
        {sites.map((site) => (
          <li key={site.id} className="site-list__item" data-testid="site">
            {editing === site.id ? (
              <SiteEditor validationId={validation.id} site={site} onDone={(saved) => doneEditing(site.id, saved)} />
            ) : (
              <>
                <div>
                  <strong>{site.name}</strong> · {t(`domain.siteType.${site.siteType}`)}
                  {site.visitDate && t('worksheetParts.sites.visited', { date: formatDate(site.visitDate) })}
                  {site.address && <div className="site-list__address">{site.address}</div>}
                </div>
                {!locked && (
                  <div className="site-list__actions">
                    <button
                      type="button"
                      id={editButtonId(site.id)}
                      className="usa-button usa-button--unstyled"
                      onClick={() => startEditing(site.id)}
                    >
                      {t('worksheetParts.sites.editButton')}
                      <span className="usa-sr-only"> {site.name}</span>
                    </button>
                    <button
                      type="button"
                      className="usa-button usa-button--unstyled"
                      onClick={() => void deleteSite(site)}
                    >
                      {t('worksheetParts.common.remove')}
                      <span className="usa-sr-only"> {site.name}</span>
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {!locked &&
        (editing === 'new' ? (
          <SiteEditor validationId={validation.id} onDone={(saved) => doneEditing('new', saved)} />
        ) : (
          <button
            type="button"
            id={ADD_BUTTON_ID}
            className="usa-button usa-button--outline"
            onClick={() => startEditing('new')}
          >
            {t('worksheetParts.sites.addSite')}
          </button>
        ))}
    </section>
  );
}
