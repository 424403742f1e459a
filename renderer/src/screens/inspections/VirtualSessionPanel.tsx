import './inspections.css';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VirtualSession } from '../../../../shared/domain/field-work';
import { useWorksheetStore } from '../../state/worksheet-store';
import { SessionForm } from './SessionForm';
import {
  currentPendingSession,
  forgetDraft,
  forgetPendingSession,
  sessionKey,
  startPendingSession,
} from './session-drafts';

/**
 * The log of a virtual validation's video sessions: platform, start and end, who attended, the documents
 * requested and received, and the livestream tour noted against criteria. A new session has its id from the
 * start, so the form the SCSS is typing in stays the same form when its first autosave stores it.
 */
export function VirtualSessionPanel({ validationId, locked }: { validationId: string; locked: boolean }) {
  const stored = useWorksheetStore((s) => s.worksheet?.virtualSessions);
  const criteria = useWorksheetStore((s) => s.worksheet?.criteria);
  const sessions: VirtualSession[] = stored ?? [];
  const criterionIds = useMemo(() => new Set((criteria ?? []).map((c) => c.id)), [criteria]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const { t } = useTranslation();

  let pendingId = locked ? undefined : currentPendingSession(validationId);
  const pendingStored = pendingId !== undefined && sessions.some((s) => s.id === pendingId);
  if (pendingStored) pendingId = undefined;
  // The first session is offered without asking.
  if (!locked && !pendingId && sessions.length === 0) pendingId = startPendingSession(validationId);
  // Once stored, the session is listed like the others and the next new one gets a new id.
  useEffect(() => {
    if (pendingStored) forgetPendingSession(validationId);
  }, [pendingStored, validationId]);

  // One list, keyed by id, so a new session keeps its form (and focus) when it becomes a stored one.
  const entries = [
    ...sessions.map((session) => ({ id: session.id, session })),
    ...(pendingId ? [{ id: pendingId, session: null }] : []),
  ];
  // Cancelling a new session takes its form (and the focused Cancel) away: the focus goes to "Log another session".
  const logAnother = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (cancelled.current) logAnother.current?.focus();
    cancelled.current = false;
  });
  const cancelPending = (id: string) => {
    forgetDraft(sessionKey(validationId, id));
    forgetPendingSession(validationId);
    cancelled.current = true;
    rerender();
  };

  return (
    <section className="session-log" aria-labelledby="session-log-heading" data-testid="virtual-session-log">
      <h2 id="session-log-heading" className="session-log__heading">
        {t('fieldwork.sessionLog.heading')}
      </h2>
      <p className="session-log__intro">{t('fieldwork.sessionLog.intro')}</p>
      {locked && sessions.length === 0 && <p>{t('fieldwork.sessionLog.noneLogged')}</p>}
      {entries.map(({ id, session }, i) => (
        <SessionForm
          key={id}
          validationId={validationId}
          sessionId={id}
          session={session}
          number={i + 1}
          criterionIds={criterionIds}
          locked={locked}
          onCancel={session === null && sessions.length > 0 ? () => cancelPending(id) : undefined}
        />
      ))}
      {!locked && !pendingId && (
        <button
          ref={logAnother}
          type="button"
          className="usa-button usa-button--outline"
          onClick={() => {
            startPendingSession(validationId);
            rerender();
          }}
        >
          {t('fieldwork.sessionLog.logAnother')}
        </button>
      )}
    </section>
  );
}
