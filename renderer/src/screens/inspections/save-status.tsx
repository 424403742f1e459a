import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format';

/** Where one inspection or session log stands against the store; an error keeps what was typed on screen. */
export type PanelSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

/** The same words and colours as the worksheet's per-criterion indicator. */
export function PanelSaveStatus({ state, onRetry }: { state: PanelSaveState; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') {
    return <span className="save-indicator save-indicator--saving">{t('fieldwork.saveStatus.saving')}</span>;
  }
  if (state.kind === 'saved') {
    return (
      <span className="save-indicator save-indicator--saved" data-testid="inspection-saved">
        <span aria-hidden="true">✓ </span>
        {t('fieldwork.saveStatus.saved', { time: formatTime(state.at) })}
      </span>
    );
  }
  return (
    <span className="save-indicator save-indicator--error" role="alert">
      {t('fieldwork.saveStatus.notSaved', { message: state.message })}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="usa-button usa-button--unstyled" onClick={onRetry}>
            {t('fieldwork.saveStatus.tryAgain')}
          </button>
        </>
      )}
    </span>
  );
}
