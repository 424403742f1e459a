import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationListItem } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { formatDate } from '../../components/format';
import { useDomainLabels } from '../../i18n/domain-labels';
import { routeHref } from '../../state/route';
import { openValidationsOf } from './open-validations';

/**
 * The chosen Member's validations that are not closed, fetched whatever the Members screen's filters are.
 * Null while unknown (no Member chosen, or the list could not be read: creating is then not held up).
 */
export function useOpenValidations(memberId: string): ValidationListItem[] | null {
  const [open, setOpen] = useState<{ memberId: string; list: ValidationListItem[] } | null>(null);
  useEffect(() => {
    if (!memberId) return;
    let live = true;
    call('validations:list', { memberId }).then(
      (list) => live && setOpen({ memberId, list: openValidationsOf(list, memberId) }),
      () => live && setOpen(null),
    );
    return () => {
      live = false;
    };
  }, [memberId]);
  return open && open.memberId === memberId ? open.list : null;
}

/** Says the Member already has an open validation and links to each, before a second one is created. */
export function OpenValidationWarning({ memberName, open }: { memberName: string; open: ValidationListItem[] }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const stateLabel = (v: ValidationListItem): string =>
    v.workflowState ? labels.workflowState(v.workflowState) : labels.status(v.status);
  return (
    <div className="usa-alert usa-alert--warning usa-alert--slim" role="status" data-testid="open-validation-warning">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">
          {t('members.openWarning.heading', { member: memberName, count: open.length })}
        </h2>
        <ul className="usa-list open-validations">
          {open.map((v) => (
            <li key={v.id}>
              <a
                className="usa-link"
                href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, resume: true })}
              >
                {t('members.openWarning.link', {
                  entityType: labels.entityType(v.entityType),
                  mode: labels.mode(v.mode),
                  date: formatDate(v.scheduledDate),
                })}
              </a>{' '}
              ·{' '}
              {t('members.openWarning.answered', {
                state: stateLabel(v),
                answered: v.answeredCount,
                total: v.applicableCount,
              })}
              {v.anotherPersons && ` · ${t('members.openWarning.anotherPersons', { name: v.anotherPersons.name })}`}
            </li>
          ))}
        </ul>
        <p className="usa-alert__text">
          {/* The person enrolled now cannot carry on with a validation an earlier enrolment started. */}
          {open.every((v) => v.anotherPersons)
            ? t('members.openWarning.carryOnOthers', { count: open.length })
            : t('members.openWarning.carryOn', { count: open.length })}
        </p>
      </div>
    </div>
  );
}
