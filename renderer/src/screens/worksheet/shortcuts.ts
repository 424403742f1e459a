import { useEffect } from 'react';
import type { ResponseResult } from '../../../../shared/domain/validation';
import { navigate } from '../../state/route';
import { useWorksheetStore } from '../../state/worksheet-store';

export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'J or ↓', action: 'Next criterion' },
  { keys: 'K or ↑', action: 'Previous criterion' },
  { keys: 'C', action: 'Compliant' },
  { keys: 'D', action: 'Deficient (opens a finding)' },
  { keys: 'N', action: 'Not applicable' },
  { keys: 'V', action: 'Not verified' },
  { keys: 'E', action: 'Edit the notes of the current criterion' },
  { keys: ']', action: 'Next category' },
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
  document.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(criterionId)}"]`)?.focus();
}

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
      if (isTextField(target)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        if (locked) return;
        event.preventDefault();
        void store.undo().then((id) => id && onUndone(id));
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
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
        return;
      }
      const result = RESULT_KEYS[key.toLowerCase()];
      if (result && active && !locked && !isOtherControl(target)) {
        event.preventDefault();
        void store.record(active, { result });
        return;
      }
      if (key.toLowerCase() === 'e' && active) {
        event.preventDefault();
        document.getElementById(`notes-${active}`)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [validationId, category, criterionIds, locked, enabled, onToggleHelp, onUndone]);
}
