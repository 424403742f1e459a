import { useEffect } from 'react';
import type { ResponseResult } from '../../../../shared/domain/validation';
import { currentPreferences } from '../../state/preferences';
import { navigate } from '../../state/route';
import { displayedResponse, useWorksheetStore } from '../../state/worksheet-store';
import { findingAreaId, justificationFieldId, notesFieldId, siteFieldId } from './criterion/CriterionDetails';
import { methodOfKey, offeredMethods, toggledMethods } from './criterion/methods';

export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'J or ↓', action: 'Next criterion' },
  { keys: 'K or ↑', action: 'Previous criterion' },
  { keys: 'C', action: 'Compliant' },
  { keys: 'D', action: 'Deficient (opens the finding and moves to it)' },
  { keys: 'N', action: 'Not applicable (on a Must criterion, moves to the justification)' },
  { keys: 'V', action: 'Not verified' },
  { keys: '1 to 5', action: 'Turn a verification method on or off, in the order listed' },
  { keys: 'S', action: 'Choose the site where it was verified' },
  { keys: 'E', action: 'Edit the notes of the current criterion' },
  { keys: 'Enter', action: 'Open or close the current row (compact view)' },
  { keys: ']', action: 'Next category (after the last: Review and submit)' },
  { keys: '[', action: 'Previous category' },
  { keys: 'Ctrl+Z (⌘Z)', action: 'Undo the last result, method or site change' },
  { keys: 'Esc', action: 'Leave a text field (back to the criterion)' },
  { keys: '?', action: 'Show or hide this list' },
];

const RESULT_KEYS: Record<string, ResponseResult> = {
  c: 'COMPLIANT',
  d: 'DEFICIENT',
  n: 'NOT_APPLICABLE',
  v: 'NOT_VERIFIED',
};

const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type));

/** Result keys act from the card, the page, or the card's own result buttons; not from other controls. */
const isOtherControl = (el: Element | null) =>
  el instanceof HTMLInputElement && !el.closest('.result-group') && !el.closest('.method-group');

function focusCard(criterionId: string) {
  const card = document.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(criterionId)}"]`);
  card?.focus({ preventScroll: true });
  card?.scrollIntoView({ block: 'nearest' });
}

/**
 * Focuses what `find` returns as soon as it is on screen (a compact row opens, a finding appears after its save):
 * watches the page for up to a few seconds, and gives up if the SCSS moved to another criterion meanwhile.
 */
function focusWhenShown(criterionId: string, find: () => HTMLElement | null | undefined): void {
  const stillHere = () => useWorksheetStore.getState().activeCriterionId === criterionId;
  const tryFocus = () => {
    const el = find();
    if (!el || !stillHere()) return Boolean(el) || !stillHere();
    el.focus();
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), 5000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}

const byId = (id: string) => () => document.getElementById(id);

/** The finding's first field to fill in, its deficiency reason, once the finding D opened is on screen. */
const findingField = (criterionId: string) => () =>
  document.getElementById(findingAreaId(criterionId))?.querySelector<HTMLElement>('select:not(:disabled)');

/** Keyboard-first worksheet: move between criteria and set results without the mouse. */
export function useWorksheetShortcuts(options: {
  validationId: string;
  category: number;
  criterionIds: string[];
  locked: boolean;
  enabled: boolean;
  onToggleHelp: () => void;
  onUndone: (criterionId: string) => void;
}) {
  const { validationId, category, criterionIds, locked, enabled, onToggleHelp, onUndone } = options;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const store = useWorksheetStore.getState();
      const target = document.activeElement;
      if (event.key === 'Escape' && isTextField(target)) {
        const card = (target as HTMLElement).closest<HTMLElement>('[data-criterion]');
        card?.focus();
        return;
      }
      // A select has no undo of its own, so Ctrl+Z there (where D leaves focus) still undoes the last change.
      if (isTextField(target) && !(target instanceof HTMLSelectElement)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        if (locked) return;
        event.preventDefault();
        void store.undo().then((id) => id && onUndone(id));
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(target)) return;
      const active = store.activeCriterionId;
      const index = active ? criterionIds.indexOf(active) : -1;
      const key = event.key;
      if (key === 'j' || key === 'ArrowDown' || key === 'k' || key === 'ArrowUp') {
        // Arrow keys inside a radio group keep their native meaning.
        if ((key === 'ArrowDown' || key === 'ArrowUp') && target instanceof HTMLInputElement) return;
        const step = key === 'j' || key === 'ArrowDown' ? 1 : -1;
        const next = criterionIds[Math.min(criterionIds.length - 1, Math.max(0, index + step))];
        if (next) {
          event.preventDefault();
          store.setActiveCriterion(next);
          focusCard(next);
        }
        return;
      }
      if (key === '?') {
        event.preventDefault();
        onToggleHelp();
        return;
      }
      if (key === ']' || key === '[') {
        const nextCategory = category + (key === ']' ? 1 : -1);
        if (nextCategory >= 1 && nextCategory <= 12)
          navigate({ name: 'worksheet', validationId, category: nextCategory });
        // Past the last category comes Review and submit, as the page's own Next button does.
        else if (nextCategory === 13) navigate({ name: 'worksheet', validationId, category, section: 'review' });
        return;
      }
      const result = RESULT_KEYS[key.toLowerCase()];
      if (result && active && !locked && !isOtherControl(target)) {
        event.preventDefault();
        const level = store.worksheet?.criteria.find((c) => c.id === active)?.level;
        void store.record(active, { result });
        if (result === 'DEFICIENT') {
          store.setExpanded(active, true);
          focusWhenShown(active, findingField(active));
        } else if (result === 'NOT_APPLICABLE' && level !== 'SHOULD') {
          store.setExpanded(active, true);
          focusWhenShown(active, byId(justificationFieldId(active)));
        }
        return;
      }
      const method = methodOfKey(key);
      if (method && active && !locked && !isOtherControl(target)) {
        event.preventDefault();
        const chosen = displayedResponse(store, active).verificationMethods;
        const mode = store.worksheet?.validation.mode ?? 'IN_PERSON';
        // A method this worksheet does not offer (remote methods in person) is not set by a stray key.
        if (!offeredMethods(mode, currentPreferences().virtualMethodsInPerson, chosen).includes(method)) return;
        void store.record(active, { verificationMethods: toggledMethods(chosen, method) });
        return;
      }
      if (key.toLowerCase() === 's' && active && !locked) {
        event.preventDefault();
        store.setExpanded(active, true);
        focusWhenShown(active, byId(siteFieldId(active)));
        return;
      }
      if (key === 'Enter' && active && target instanceof HTMLElement && target.dataset.criterion === active) {
        event.preventDefault();
        store.setExpanded(active, !store.expanded[active]);
        return;
      }
      if (key.toLowerCase() === 'e' && active) {
        event.preventDefault();
        store.setExpanded(active, true);
        focusWhenShown(active, byId(notesFieldId(active)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [validationId, category, criterionIds, locked, enabled, onToggleHelp, onUndone]);
}
