import './inspections.css';
import { useMemo, useState } from 'react';
import type { VirtualSession } from '../../../../shared/domain/field-work';
import { useWorksheetStore } from '../../state/worksheet-store';
import { SessionForm } from './SessionForm';

/**
 * The log of a virtual validation's video sessions: platform, start and end, who attended, the documents
 * requested and received, and the livestream tour noted against criteria.
 */
export function VirtualSessionPanel({ validationId, locked }: { validationId: string; locked: boolean }) {
  const stored = useWorksheetStore((s) => s.worksheet?.virtualSessions);
  const criteria = useWorksheetStore((s) => s.worksheet?.criteria);
  const sessions: VirtualSession[] = stored ?? [];
  const criterionIds = useMemo(() => new Set((criteria ?? []).map((c) => c.id)), [criteria]);
  const [adding, setAdding] = useState(false);
  const showNew = !locked && (sessions.length === 0 || adding);

  return (
    <section className="session-log" aria-labelledby="session-log-heading" data-testid="virtual-session-log">
      <h2 id="session-log-heading" className="session-log__heading">
        Virtual session log
      </h2>
      <p className="session-log__intro">
        Record each video session: the platform, when it started and ended, who took part, the documents you requested
        and received, and what the livestream tour showed for which criteria.
      </p>
      {locked && sessions.length === 0 && <p>No session was logged for this validation.</p>}
      {sessions.map((session, i) => (
        <SessionForm
          key={session.id}
          validationId={validationId}
          session={session}
          number={i + 1}
          criterionIds={criterionIds}
          locked={locked}
        />
      ))}
      {showNew && (
        <SessionForm
          key="new"
          validationId={validationId}
          session={null}
          number={sessions.length + 1}
          criterionIds={criterionIds}
          locked={false}
          onCreated={() => setAdding(false)}
          onCancel={sessions.length > 0 ? () => setAdding(false) : undefined}
        />
      )}
      {!locked && sessions.length > 0 && !adding && (
        <button type="button" className="usa-button usa-button--outline" onClick={() => setAdding(true)}>
          Log another session
        </button>
      )}
    </section>
  );
}
