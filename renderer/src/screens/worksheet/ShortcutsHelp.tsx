import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

type ShortcutAction =
  | 'next'
  | 'previous'
  | 'compliant'
  | 'deficient'
  | 'notApplicable'
  | 'notVerified'
  | 'methods'
  | 'site'
  | 'notes'
  | 'row'
  | 'nextCategory'
  | 'previousCategory'
  | 'undo'
  | 'leave'
  | 'help';

/** Each shortcut of the list (by its keys) to its text in the catalog; keys written with words are translated too. */
const ACTIONS: Record<string, ShortcutAction> = {
  'J or ↓': 'next',
  'K or ↑': 'previous',
  C: 'compliant',
  D: 'deficient',
  N: 'notApplicable',
  V: 'notVerified',
  '1 to 5': 'methods',
  S: 'site',
  E: 'notes',
  Enter: 'row',
  ']': 'nextCategory',
  '[': 'previousCategory',
  'Ctrl+Z (⌘Z)': 'undo',
  Esc: 'leave',
  '?': 'help',
};
const WORDED_KEYS: Partial<Record<ShortcutAction, 'next' | 'previous' | 'methods'>> = {
  next: 'next',
  previous: 'previous',
  methods: 'methods',
};

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="shortcuts-help" aria-labelledby="shortcuts-heading" data-testid="shortcuts-help">
      <div className="shortcuts-help__header">
        <h2 id="shortcuts-heading">{t('worksheet.shortcuts.heading')}</h2>
        <button type="button" className="usa-button usa-button--unstyled" onClick={onClose}>
          {t('worksheet.shortcuts.close')}
          <span className="usa-sr-only">{t('worksheet.shortcuts.closeWhat')}</span>
        </button>
      </div>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <thead>
          <tr>
            <th scope="col">{t('worksheet.shortcuts.keysColumn')}</th>
            <th scope="col">{t('worksheet.shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => {
            // A shortcut added to the list before its text reaches the catalog shows as the list writes it.
            const action = ACTIONS[s.keys];
            const worded = action && WORDED_KEYS[action];
            return (
              <tr key={s.keys}>
                <td>
                  <kbd>{worded ? t(`worksheet.shortcuts.keys.${worded}`) : s.keys}</kbd>
                </td>
                <td>{action ? t(`worksheet.shortcuts.action.${action}`) : s.action}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="shortcuts-help__note">{t('worksheet.shortcuts.note')}</p>
    </section>
  );
}
