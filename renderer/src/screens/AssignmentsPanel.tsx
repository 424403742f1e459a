import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { Alert } from '../components/Alert';
import { formatDate } from '../components/format';
import { useDomainLabels } from '../i18n/domain-labels';
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
  const { t } = useTranslation();
  const labels = useDomainLabels();

  useEffect(() => {
    void lastSync;
    call('assignments:list', {}).then(
      (list) => {
        setAssignments(list);
        setError(null);
      },
      (e: unknown) => setError(t('fieldwork.assignments.loadFailed', { error: errorMessage(e) })),
    );
  }, [lastSync, t]);

  const start = async (assignment: Assignment) => {
    setStarting(assignment.id);
    setError(null);
    try {
      const validation = await call('assignments:start', { assignmentId: assignment.id });
      await reloadMembers();
      navigate({ name: 'worksheet', validationId: validation.id, category: 1 });
    } catch (e) {
      setError(t('fieldwork.assignments.notStarted', { member: assignment.member.legalName, error: errorMessage(e) }));
      setStarting(null);
    }
  };

  if (assignments.length === 0 && error === null) return null;
  return (
    <section className="assignments-panel" aria-labelledby="assignments-heading" data-testid="assignments-panel">
      <h2 id="assignments-heading">{t('fieldwork.assignments.heading')}</h2>
      {error && <Alert type="error">{error}</Alert>}
      {assignments.length > 0 && (
        <table className="usa-table usa-table--borderless width-full">
          <thead>
            <tr>
              <th scope="col">{t('fieldwork.assignments.member')}</th>
              <th scope="col">{t('fieldwork.assignments.entityType')}</th>
              <th scope="col">{t('fieldwork.assignments.mode')}</th>
              <th scope="col">{t('fieldwork.assignments.targetDate')}</th>
              <th scope="col">
                <span className="usa-sr-only">{t('fieldwork.assignments.action')}</span>
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
                <td>{labels.entityType(a.entityType)}</td>
                <td>{labels.mode(a.mode)}</td>
                <td>{formatDate(a.targetDate)}</td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--outline"
                    disabled={starting !== null}
                    onClick={() => void start(a)}
                  >
                    {/* The visible words begin the accessible name (WCAG 2.5.3); the Member's name is for screen readers. */}
                    {starting === a.id ? t('fieldwork.assignments.starting') : t('fieldwork.assignments.start')}
                    <span className="usa-sr-only">
                      {t('fieldwork.assignments.startOf', { member: a.member.legalName })}
                    </span>
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
