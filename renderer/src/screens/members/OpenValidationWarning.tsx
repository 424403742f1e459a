import { useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../../shared/domain/entity-types';
import { WORKFLOW_STATE_LABELS } from '../../../../shared/domain/lifecycle';
import { VALIDATION_MODE_LABELS, VALIDATION_STATUS_LABELS } from '../../../../shared/domain/validation';
import type { ValidationListItem } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { formatDate } from '../../components/format';
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

const stateLabel = (v: ValidationListItem): string =>
  v.workflowState ? WORKFLOW_STATE_LABELS[v.workflowState] : VALIDATION_STATUS_LABELS[v.status];

/** Says the Member already has an open validation and links to each, before a second one is created. */
export function OpenValidationWarning({ memberName, open }: { memberName: string; open: ValidationListItem[] }) {
  const one = open.length === 1;
  return (
    <div className="usa-alert usa-alert--warning usa-alert--slim" role="status" data-testid="open-validation-warning">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">
          {memberName} already has {one ? 'an open validation' : `${open.length} open validations`}
        </h2>
        <ul className="usa-list open-validations">
          {open.map((v) => (
            <li key={v.id}>
              <a
                className="usa-link"
                href={routeHref({ name: 'worksheet', validationId: v.id, category: 1, resume: true })}
              >
                Open the {ENTITY_TYPE_LABELS[v.entityType]} validation ({VALIDATION_MODE_LABELS[v.mode]}) scheduled{' '}
                {formatDate(v.scheduledDate)}
              </a>{' '}
              · {stateLabel(v)} · {v.answeredCount} of {v.applicableCount} answered
            </li>
          ))}
        </ul>
        <p className="usa-alert__text">
          Carry on with {one ? 'it' : 'one of them'} unless a second validation is really needed. To start another
          anyway, tick “Start another validation anyway” before creating it.
        </p>
      </div>
    </div>
  );
}
