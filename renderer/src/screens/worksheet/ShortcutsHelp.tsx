import { useEffect, useLayoutEffect, useRef } from 'react';
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

/** A text field keeps Esc for itself (it leaves the field, back to the criterion: see shortcuts.ts). */
const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type));

/**
 * The list of keyboard shortcuts, shown beside the worksheet. Esc closes it (except in a text field, where Esc
 * has its own meaning); closing it from inside, with its Close button, Esc or "?", returns the focus to whatever
 * opened it (the "Keyboard shortcuts" button, or the criterion "?" was pressed on), never to the page top.
 */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLElement>(null);
  // What had the focus when the list opened: it opened the list. Read once, on the first render.
  const opener = useRef<Element | null>(null);
  if (opener.current === null) opener.current = document.activeElement;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTextField(document.activeElement)) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // Runs as the list leaves the page, while it still holds the focus: the focus goes back to the opener, unless
  // it is already elsewhere (Esc pressed on a criterion leaves it there).
  useLayoutEffect(() => {
    const element = panel.current;
    return () => {
      const active = document.activeElement;
      const lost = active === null || active === document.body || (element?.contains(active) ?? false);
      const back = opener.current;
      if (lost && back instanceof HTMLElement && back !== document.body && back.isConnected) back.focus();
    };
  }, []);

  return (
    <section className="shortcuts-help" aria-labelledby="shortcuts-heading" data-testid="shortcuts-help" ref={panel}>
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
