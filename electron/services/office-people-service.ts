import { listOfficePeople } from '../../db/queries/office-people';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import type { OfficePeople } from '../../shared/ipc/member-record-contract';
import { type Message, message } from '../../shared/messages';
import type { ServiceContext } from './service-context';

/** The enrolled person's field office and its people as HQ last listed them; none before enrolment. */
export function getOfficePeople(ctx: ServiceContext): OfficePeople {
  if (!ctx.person) return { fieldOffice: null, people: [] };
  return { fieldOffice: ctx.person.fieldOffice, people: listOfficePeople(ctx.db) };
}

/**
 * On an enrolled laptop a validation goes only to an SCSS of the field office HQ listed; HQ checks again when the
 * change reaches it. A laptop never enrolled keeps its own records and has no list to hold it against.
 */
export function assigneeRefusal(ctx: ServiceContext, change: MemberRecordChange): Message | null {
  if (change.kind !== 'SCSS_ASSIGNED' || !ctx.person) return null;
  const listed = listOfficePeople(ctx.db).some((p) => p.id === change.scss.userId && p.role === 'SCSS');
  return listed ? null : message('memberRecord.assignNotInOffice', { name: change.scss.name });
}
