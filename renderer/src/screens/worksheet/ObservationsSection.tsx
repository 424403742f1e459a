import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { useWorksheetStore } from '../../state/worksheet-store';

/** Best-practice observations for one category (they matter for Tier 3). */
export function ObservationsSection({
  category,
  categoryName,
  locked,
}: {
  category: number;
  categoryName: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const worksheet = useWorksheetStore((s) => s.worksheet);
  const apply = useWorksheetStore((s) => s.apply);
  const remove = useWorksheetStore((s) => s.remove);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!worksheet) return null;
  const validationId = worksheet.validation.id;
  const observations = worksheet.observations.filter((o) => o.category === category);

  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      apply('observations', await call('observations:save', { validationId, category, text }));
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const del = async (id: string) => {
    setError(null);
    try {
      await call('observations:delete', { validationId, id });
      remove('observations', id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const inputId = `observation-${category}`;
  return (
    <section className="observations" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{t('worksheetParts.observations.heading', { category: categoryName })}</h3>
      {error && <Alert type="error">{error}</Alert>}
      {observations.length > 0 && (
        <ul className="observations__list">
          {observations.map((o) => (
            <li key={o.id} data-testid="observation">
              {o.text}{' '}
              {!locked && (
                <button type="button" className="usa-button usa-button--unstyled" onClick={() => void del(o.id)}>
                  {t('worksheetParts.common.remove')}
                  <span className="usa-sr-only">{t('worksheetParts.observations.removeSr')}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <div className="observations__add">
          <label className="usa-label" htmlFor={inputId}>
            {t('worksheetParts.observations.label')}
          </label>
          {/* Read-only while it is being added: the answer empties the box, which would drop words typed meanwhile. */}
          <textarea
            className="usa-textarea"
            id={inputId}
            rows={2}
            value={text}
            readOnly={busy}
            aria-busy={busy}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            className="usa-button usa-button--outline"
            disabled={busy || text.trim() === ''}
            onClick={() => void add()}
          >
            {t('worksheetParts.observations.add')}
          </button>
        </div>
      )}
    </section>
  );
}
