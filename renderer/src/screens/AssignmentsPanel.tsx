import { useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/domain/entity-types';
import { VALIDATION_MODE_LABELS } from '../../../shared/domain/validation';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDate } from '../components/format';
import { useMembersStore } from '../state/members-store';
import { navigate } from '../state/route';
import { useSyncStore } from '../state/sync-store';

type Assignment = ResponseOf<'assignments:list'>[number];

/** Validations HQ assigned to this SCSS, each one click from its worksheet. Hidden when there are none. */
export function AssignmentsPanel() {
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const reloadMembers = useMembersStore((s) => s.load);
  // A finished sync may have pulled new assignments.
  const lastSync = useSyncStore((s) => s.status?.lastSuccessAt);

  useEffect(() => {
    void lastSync;
    call('assignments:list', {}).then(
      (list) => {
        setAssignments(list);
        setError(null);
      },
      (e: unknown) => setError(`Assignments could not be loaded: ${errorMessage(e)}`),
    );
  }, [lastSync]);

  const start = async (assignment: Assignment) => {
    setStarting(assignment.id);
    setError(null);
    try {
      const validation = await call('assignments:start', { assignmentId: assignment.id });
      await reloadMembers();
      navigate({ name: 'worksheet', validationId: validation.id, category: 1 });
    } catch (e) {
      setError(`The validation for ${assignment.member.legalName} was not started: ${errorMessage(e)}`);
      setStarting(null);
    }
  };

  if (assignments.length === 0 && error === null) return null;
  return (
    <section className="assignments-panel" aria-labelledby="assignments-heading" data-testid="assignments-panel">
      <h2 id="assignments-heading">Assigned to you</h2>
      {error && <Alert type="error">{error}</Alert>}
      {assignments.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Entity type</th>
              <th scope="col">Mode</th>
              <th scope="col">Target date</th>
              <th scope="col">
                <span className="usa-sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id} data-testid="assignment-row">
                <th scope="row">
                  {a.member.legalName}
                  <span className="display-block text-base-dark">{a.member.accountNumber}</span>
                </th>
                <td>{ENTITY_TYPE_LABELS[a.entityType]}</td>
                <td>{VALIDATION_MODE_LABELS[a.mode]}</td>
                <td>{formatDate(a.targetDate)}</td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={starting !== null}
                    onClick={() => void start(a)}
                  >
                    {/* The visible words begin the accessible name (WCAG 2.5.3); the Member's name is for screen readers. */}
                    {starting === a.id ? 'Starting…' : 'Start validation'}
                    <span className="usa-sr-only"> of {a.member.legalName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
