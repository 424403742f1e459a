import { useTranslation } from 'react-i18next';
import type { ValidationMode } from '../../../../shared/domain/validation';
import { usePreferences } from '../../state/preferences';

/**
 * How this person wants the worksheet: one row per criterion (compact) or full cards (detailed), and whether an
 * in-person worksheet offers Live video and Screen share. Remembered for the enrolled person.
 */
export function WorksheetViewControls({ mode }: { mode: ValidationMode }) {
  const { t } = useTranslation();
  const [preferences, setPreferences] = usePreferences();
  return (
    <div className="worksheet-view-controls">
      <fieldset className="usa-fieldset worksheet-view-controls__view">
        <legend className="usa-sr-only">{t('worksheet.view.layout')}</legend>
        <ul className="usa-button-group usa-button-group--segmented">
          {(['compact', 'detailed'] as const).map((view) => (
            <li className="usa-button-group__item" key={view}>
              <button
                type="button"
                className={`usa-button usa-button--small${preferences.worksheetView === view ? '' : ' usa-button--outline'}`}
                aria-pressed={preferences.worksheetView === view}
                onClick={() => setPreferences({ worksheetView: view })}
              >
                {t(`worksheet.view.${view}`)}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      {mode === 'IN_PERSON' && (
        <div className="usa-checkbox worksheet-view-controls__remote">
          <input
            className="usa-checkbox__input"
            type="checkbox"
            id="offer-remote-methods"
            checked={preferences.virtualMethodsInPerson}
            onChange={(e) => setPreferences({ virtualMethodsInPerson: e.target.checked })}
          />
          <label className="usa-checkbox__label" htmlFor="offer-remote-methods">
            {t('worksheet.view.offerRemote')}
          </label>
        </div>
      )}
    </div>
  );
}
