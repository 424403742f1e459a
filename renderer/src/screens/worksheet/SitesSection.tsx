import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { SITE_TYPE_LABELS, type Site, SiteTypeSchema } from '../../../../shared/domain/field-work';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../components/format';
import { useWorksheetStore } from '../../state/worksheet-store';

const SiteFormSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the site a name, e.g. “Houston distribution center”.' }).max(200),
  address: z.string().max(500),
  siteType: SiteTypeSchema,
  visitDate: z.union([z.literal(''), z.iso.date({ error: 'Use a real date.' })]),
});
type SiteForm = z.infer<typeof SiteFormSchema>;

function SiteEditor({ validationId, site, onDone }: { validationId: string; site?: Site; onDone: () => void }) {
  const apply = useWorksheetStore((s) => s.apply);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SiteForm>({
    resolver: zodResolver(SiteFormSchema),
    defaultValues: {
      name: site?.name ?? '',
      address: site?.address ?? '',
      siteType: site?.siteType ?? 'MAIN_OFFICE',
      visitDate: site?.visitDate ?? '',
    },
  });
  const prefix = site ? `site-${site.id}` : 'site-new';
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
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form
      className="usa-form site-editor"
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={site ? `Edit ${site.name}` : 'Add a site'}
    >
      {error && <Alert type="error">{error}</Alert>}
      <div className={`usa-form-group${errors.name ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor={`${prefix}-name`}>
          Site name
        </label>
        {errors.name && (
          <span className="usa-error-message" role="alert">
            {errors.name.message}
          </span>
        )}
        <input className="usa-input" id={`${prefix}-name`} {...register('name')} />
      </div>
      <label className="usa-label" htmlFor={`${prefix}-type`}>
        Site type
      </label>
      <select className="usa-select" id={`${prefix}-type`} {...register('siteType')}>
        {SiteTypeSchema.options.map((type) => (
          <option key={type} value={type}>
            {SITE_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      <label className="usa-label" htmlFor={`${prefix}-address`}>
        Address
      </label>
      <textarea className="usa-textarea" id={`${prefix}-address`} rows={2} {...register('address')} />
      <div className={`usa-form-group${errors.visitDate ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor={`${prefix}-visit`}>
          Visit date
        </label>
        {errors.visitDate && (
          <span className="usa-error-message" role="alert">
            {errors.visitDate.message}
          </span>
        )}
        <input className="usa-input" type="date" id={`${prefix}-visit`} {...register('visitDate')} />
      </div>
      <div className="form-actions">
        <button className="usa-button" type="submit" disabled={isSubmitting}>
          {site ? 'Save site' : 'Add site'}
        </button>
        <button className="usa-button usa-button--unstyled" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function SitesSection({ locked }: { locked: boolean }) {
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const remove = useWorksheetStore((s) => s.remove);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!worksheet) return null;
  const { sites, validation } = worksheet;

  const deleteSite = async (site: Site) => {
    setError(null);
    try {
      await call('sites:delete', { validationId: validation.id, siteId: site.id });
      remove('sites', site.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>
        The Member’s facilities and partners this validation covers. Each answer can name the site where it was
        verified.
      </p>
      {error && <Alert type="error">{error}</Alert>}
      {sites.length === 0 && editing !== 'new' && <Alert type="info">No sites yet.</Alert>}
      <ul className="usa-list usa-list--unstyled site-list">
        {sites.map((site) => (
          <li key={site.id} className="site-list__item" data-testid="site">
            {editing === site.id ? (
              <SiteEditor validationId={validation.id} site={site} onDone={() => setEditing(null)} />
            ) : (
              <>
                <div>
                  <strong>{site.name}</strong> · {SITE_TYPE_LABELS[site.siteType]}
                  {site.visitDate && <> · visited {formatDate(site.visitDate)}</>}
                  {site.address && <div className="site-list__address">{site.address}</div>}
                </div>
                {!locked && (
                  <div className="site-list__actions">
                    <button
                      type="button"
                      className="usa-button usa-button--unstyled"
                      onClick={() => setEditing(site.id)}
                    >
                      Edit<span className="usa-sr-only"> {site.name}</span>
                    </button>
                    <button
                      type="button"
                      className="usa-button usa-button--unstyled"
                      onClick={() => void deleteSite(site)}
                    >
                      Remove<span className="usa-sr-only"> {site.name}</span>
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
          <SiteEditor validationId={validation.id} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="usa-button usa-button--outline" onClick={() => setEditing('new')}>
            Add a site
          </button>
        ))}
    </section>
  );
}
