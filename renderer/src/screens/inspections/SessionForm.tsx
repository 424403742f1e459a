import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantRoleSchema, type VirtualSession } from '../../../../shared/domain/field-work';
import { SessionField, type SessionFieldControl } from './SessionField';
import { PanelSaveStatus } from './save-status';
import { saveSessionDraft, useSessionSaveStates } from './session-autosave';
import { readDraft, sessionKey, writeDraft } from './session-drafts';
import {
  emptySessionForm,
  holdsSameContent,
  planSessionSave,
  platformChoices,
  type SessionFormValues,
  sessionToForm,
} from './session-form';
import { type EntryList, valueAt, visibleErrors, withoutEntry, withValue } from './session-form-state';

const TEXT_SAVE_DELAY_MS = 700;

const NEW_ENTRY = {
  participants: () => ({ name: '', role: 'COMPANY_POINT_OF_CONTACT' as const, organization: '' }),
  documents: () => ({ title: '', requestedAt: '', receivedAt: '' }),
  segments: () => ({ time: '', area: '', criteria: '', note: '' }),
};
const FIRST_FIELD: Record<EntryList, string> = { participants: 'name', documents: 'title', segments: 'time' };

// React keys for entries: they follow an entry when one above it is removed.
let lastEntryKey = 0;
const entryKeys = (values: SessionFormValues) => ({
  participants: values.participants.map(() => `e${++lastEntryKey}`),
  documents: values.documents.map(() => `e${++lastEntryKey}`),
  segments: values.segments.map(() => `e${++lastEntryKey}`),
});

const TEXT_CONTROL = (maxLength: number): SessionFieldControl => ({ type: 'text', maxLength });

/**
 * One video session of the log. It saves itself like the rest of the worksheet: a choice at once, typing
 * after a short pause, and on leaving a field or the screen. A refused field is marked where it is and
 * keeps what was typed; the rest keeps saving (see planSessionSave).
 */
export function SessionForm({
  validationId,
  sessionId,
  session,
  number,
  criterionIds,
  locked,
  onCancel,
}: {
  validationId: string;
  /** The stored session's id, or the client-generated id a new one will be stored under. */
  sessionId: string;
  session: VirtualSession | null;
  number: number;
  criterionIds: ReadonlySet<string>;
  locked: boolean;
  onCancel?: (() => void) | undefined;
}) {
  const key = sessionKey(validationId, sessionId);
  const { t } = useTranslation();
  const roleChoices = useMemo(
    () => ParticipantRoleSchema.options.map((role) => ({ value: role, label: t(`domain.participantRole.${role}`) })),
    [t],
  );
  // What was typed here before leaving (or reloading) wins over the store: it may be newer, or refused.
  const [draft] = useState(() => (locked ? undefined : readDraft(key)));
  const [values, setValues] = useState<SessionFormValues>(
    () => draft ?? (session ? sessionToForm(session) : emptySessionForm()),
  );
  const [keys, setKeys] = useState(() => entryKeys(values));
  // Fields the SCSS has changed or left; a draft brought back shows all its refused fields at once.
  const [worked, setWorked] = useState<ReadonlySet<string>>(() => new Set(draft ? allPaths(draft) : []));
  const valuesRef = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingUnsaved = useRef(false);
  const focusNext = useRef<string | null>(null);
  const saveState = useSessionSaveStates((s) => s[key]) ?? (session ? { kind: 'saved', at: session.updatedAt } : null);

  // Read when a save is sent, not when it was scheduled (the unmount flush uses the first render's closure).
  const targetRef = useRef({ validationId, sessionId, criterionIds });
  targetRef.current = { validationId, sessionId, criterionIds };

  const saveNow = () => {
    clearTimeout(timer.current);
    typingUnsaved.current = false;
    void saveSessionDraft(targetRef.current);
  };
  const flushTyping = () => {
    if (typingUnsaved.current) saveNow();
  };
  // A draft brought back (left mid-save, or refused) is sent again; leaving the screen sends what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once on mount, flush on unmount
  useEffect(() => {
    if (draft) saveNow();
    return flushTyping;
  }, []);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const update = (next: SessionFormValues, when: 'now' | 'after-pause', touched: string[]) => {
    valuesRef.current = next;
    setValues(next);
    writeDraft(key, next);
    if (touched.length > 0) setWorked((w) => new Set([...w, ...touched]));
    if (when === 'now') {
      saveNow();
    } else {
      typingUnsaved.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(saveNow, TEXT_SAVE_DELAY_MS);
    }
  };

  const plan = planSessionSave(values, { validationId, id: sessionId, stored: session ?? undefined, criterionIds }, t);
  // Nothing can be stored until the platform is chosen: once the SCSS has typed anything, say so at the platform.
  const blocked = !locked && plan.blocker !== null && worked.size > 0;
  const shown = locked ? {} : visibleErrors(plan.errors, blocked ? new Set([...worked, 'platformChoice']) : worked);
  const shownCount = Object.keys(shown).length;
  // The store holds exactly what is on screen (for tests and assistive tech to wait on, like a note's data-saved).
  const allSaved =
    plan.request !== null &&
    Object.keys(plan.errors).length === 0 &&
    holdsSameContent(plan.request, session ?? undefined);

  const p = `session-${sessionId}`;
  const field = (
    path: string,
    label: string,
    control: SessionFieldControl,
    extra: { hint?: string; wide?: boolean } = {},
  ) => (
    <SessionField
      key={path}
      id={`${p}-${path.replaceAll('.', '-')}`}
      label={label}
      {...extra}
      error={shown[path]}
      control={control}
      value={valueAt(values, path)}
      onChange={(value) =>
        update(withValue(valuesRef.current, path, value), control.type === 'select' ? 'now' : 'after-pause', [path])
      }
      onBlur={() => {
        setWorked((w) => (w.has(path) ? w : new Set([...w, path])));
        flushTyping();
      }}
    />
  );

  const addEntry = (list: EntryList) => {
    const index = valuesRef.current[list].length;
    const next = { ...valuesRef.current, [list]: [...valuesRef.current[list], NEW_ENTRY[list]()] };
    setKeys((k) => ({ ...k, [list]: [...k[list], `e${++lastEntryKey}`] }));
    focusNext.current = `${p}-${list}-${index}-${FIRST_FIELD[list]}`;
    update(next, 'now', []);
  };
  const removeEntry = (list: EntryList, index: number) => {
    const next = { ...valuesRef.current, [list]: valuesRef.current[list].filter((_, i) => i !== index) };
    // The Remove button leaves with its entry: the focus goes to the entry that moves up into its place (its first
    // field), or to the list's Add button when it was the last.
    focusNext.current = index < next[list].length ? `${p}-${list}-${index}-${FIRST_FIELD[list]}` : `${p}-${list}-add`;
    setKeys((k) => ({ ...k, [list]: k[list].filter((_, i) => i !== index) }));
    setWorked((w) => withoutEntry(w, list, index));
    update(next, 'now', []);
  };

  const headingId = `${p}-heading`;
  return (
    <form
      className="usa-form session-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        // Enter in a field saves at once rather than reloading the page.
        e.preventDefault();
        saveNow();
      }}
      data-testid="session-form"
      data-saved={allSaved ? 'true' : 'false'}
    >
      <header className="session-form__header">
        <h3 id={headingId} className="session-form__title">
          {t('fieldwork.session.heading', { number })}
          {session ? '' : t('fieldwork.session.headingNew')}
        </h3>
        {!locked && (
          <span className="session-form__status" aria-live="polite" data-testid="session-save-status">
            {blocked ? (
              <span className="save-indicator save-indicator--pending">
                {t('fieldwork.session.notSavedYet', { reason: plan.blocker })}
              </span>
            ) : (
              saveState && <PanelSaveStatus state={saveState} onRetry={saveNow} />
            )}
            {!blocked && shownCount > 0 && (
              <span className="session-form__held" data-testid="session-held-back">
                {t('fieldwork.session.heldBack', { count: shownCount })}
              </span>
            )}
          </span>
        )}
      </header>
      <fieldset className="usa-fieldset" disabled={locked}>
        <legend className="usa-sr-only">{t('fieldwork.session.details', { number })}</legend>
        <div className="session-form__row">
          {field('platformChoice', t('fieldwork.session.platform'), {
            type: 'select',
            choices: platformChoices(t),
            placeholder: t('fieldwork.session.select'),
          })}
          {values.platformChoice === 'OTHER' &&
            field('platformOther', t('fieldwork.session.platformName'), TEXT_CONTROL(80))}
          {field(
            'startedAt',
            t('fieldwork.session.start'),
            { type: 'datetime-local' },
            { hint: t('fieldwork.session.localTime') },
          )}
          {field(
            'endedAt',
            t('fieldwork.session.end'),
            { type: 'datetime-local' },
            { hint: t('fieldwork.session.localTime') },
          )}
        </div>

        <RepeatingEntries
          list="participants"
          addId={`${p}-participants-add`}
          keys={keys.participants}
          locked={locked}
          onAdd={() => addEntry('participants')}
          onRemove={(i) => removeEntry('participants', i)}
        >
          {(i) => (
            <div className="session-form__row">
              {field(`participants.${i}.name`, t('fieldwork.session.participants.name'), TEXT_CONTROL(120))}
              {field(`participants.${i}.role`, t('fieldwork.session.participants.role'), {
                type: 'select',
                choices: roleChoices,
              })}
              {field(
                `participants.${i}.organization`,
                t('fieldwork.session.participants.organization'),
                TEXT_CONTROL(200),
              )}
            </div>
          )}
        </RepeatingEntries>

        <RepeatingEntries
          list="documents"
          addId={`${p}-documents-add`}
          keys={keys.documents}
          locked={locked}
          onAdd={() => addEntry('documents')}
          onRemove={(i) => removeEntry('documents', i)}
        >
          {(i) => (
            <div className="session-form__row">
              {field(`documents.${i}.title`, t('fieldwork.session.documents.title'), TEXT_CONTROL(200), { wide: true })}
              {field(`documents.${i}.requestedAt`, t('fieldwork.session.documents.requestedOn'), { type: 'date' })}
              {field(`documents.${i}.receivedAt`, t('fieldwork.session.documents.receivedOn'), { type: 'date' })}
            </div>
          )}
        </RepeatingEntries>

        <RepeatingEntries
          list="segments"
          addId={`${p}-segments-add`}
          keys={keys.segments}
          locked={locked}
          onAdd={() => addEntry('segments')}
          onRemove={(i) => removeEntry('segments', i)}
        >
          {(i) => (
            <>
              <div className="session-form__row">
                {field(`segments.${i}.time`, t('fieldwork.session.segments.time'), { type: 'time' })}
                {field(`segments.${i}.area`, t('fieldwork.session.segments.area'), TEXT_CONTROL(200), { wide: true })}
                {field(`segments.${i}.criteria`, t('fieldwork.session.segments.criteria'), TEXT_CONTROL(400), {
                  hint: t('fieldwork.session.segments.criteriaHint'),
                })}
              </div>
              <div className="session-form__row">
                {field(
                  `segments.${i}.note`,
                  t('fieldwork.session.segments.seen'),
                  { type: 'textarea', maxLength: 2000 },
                  { wide: true },
                )}
              </div>
            </>
          )}
        </RepeatingEntries>
      </fieldset>

      {!locked && onCancel && (
        <div className="session-form__actions">
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {t('fieldwork.session.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}

/** Every field path of a form, to show the refused ones of a draft brought back. */
function allPaths(values: SessionFormValues): string[] {
  const rows = (list: EntryList) =>
    values[list].flatMap((row, i) => Object.keys(row).map((field) => `${list}.${i}.${field}`));
  return [
    'platformChoice',
    'platformOther',
    'startedAt',
    'endedAt',
    ...rows('participants'),
    ...rows('documents'),
    ...rows('segments'),
  ];
}

/** A list of like entries (participants, documents, tour segments), each removable, with an Add button. */
function RepeatingEntries({
  list,
  addId,
  keys,
  locked,
  onAdd,
  onRemove,
  children,
}: {
  /** Which list: its legend, entries and buttons are named by the catalog's fieldwork.session.<list>. */
  list: EntryList;
  /** The Add button's id: the focus goes there when the last entry is removed. */
  addId: string;
  keys: string[];
  locked: boolean;
  onAdd: () => void;
  onRemove: (index: number) => void;
  children: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="usa-fieldset session-form__section">
      <legend className="usa-legend">{t(`fieldwork.session.${list}.legend`)}</legend>
      {keys.length === 0 && <p className="session-form__empty">{t(`fieldwork.session.${list}.empty`)}</p>}
      {keys.map((key, i) => (
        <fieldset className="usa-fieldset session-form__entry" key={key}>
          <legend>{t(`fieldwork.session.${list}.entry`, { number: i + 1 })}</legend>
          {children(i)}
          {!locked && (
            <button
              type="button"
              className="usa-button usa-button--unstyled session-form__remove"
              onClick={() => onRemove(i)}
            >
              {t(`fieldwork.session.${list}.remove`, { number: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!locked && (
        <button type="button" id={addId} className="usa-button usa-button--outline session-form__add" onClick={onAdd}>
          {t(`fieldwork.session.${list}.add`)}
        </button>
      )}
    </fieldset>
  );
}
