import { claimUnownedValidations } from '../../db/queries/validations';
import { type Person, USER_ROLE_LABELS, type WorkflowEventKind } from '../../shared/domain/lifecycle';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import type { HqUser } from '../../shared/sync/protocol';
import { noticeUnreadableEnrolment, rememberEnrolment } from './enrolment-record';
import type { CredentialStore } from './hq-credentials';
import type { EnrolledPerson, ServiceContext } from './service-context';

/**
 * Who the app says did something. Once the laptop is enrolled, the person HQ enrolled (name and role as HQ
 * knows them); before that a placeholder that cannot be mistaken for a person. The OS account is never used:
 * it says nothing about who signed (e.g. "root" on a shared machine).
 */
export { NOT_ENROLLED_ACTOR } from '../../shared/domain/people';

/** "Sam Ortiz (Field office reviewer)": how the audit log names an enrolled person. */
export const actorLabel = (person: Pick<Person, 'name' | 'role'>): string =>
  `${person.name} (${USER_ROLE_LABELS[person.role]})`;

export const personOf = (user: HqUser): EnrolledPerson => ({
  userId: user.id,
  name: user.name,
  role: user.role,
  fieldOffice: user.fieldOffice,
});

/** From now on this context acts as the enrolled user: called at start-up and right after enrolment. */
export function actAsEnrolledUser(ctx: ServiceContext, user: HqUser): void {
  ctx.person = personOf(user);
  ctx.actor = actorLabel(ctx.person);
  // Started before anyone was enrolled: HQ will make them this person's when they are sent.
  claimUnownedValidations(ctx.db, { userId: user.id, name: user.name });
}

/**
 * Takes the identity from the stored HQ credentials when there are any; returns whether there were. Credentials
 * this computer cannot read make no one enrolled: a new code from HQ proves who takes the laptop's work on.
 */
export function actAsStoredUser(ctx: ServiceContext, credentials: CredentialStore): boolean {
  noticeUnreadableEnrolment(ctx.db, credentials);
  const saved = credentials.load();
  if (!saved) return false;
  rememberEnrolment(ctx.db, saved);
  actAsEnrolledUser(ctx, saved.user);
  return true;
}

/** The enrolled person, or a refusal saying the laptop must be enrolled first. */
export function requirePerson(
  ctx: ServiceContext,
  doing: 'reviewDecision' | 'memberResponse' | WorkflowEventKind,
): EnrolledPerson {
  if (!ctx.person) {
    throw new AppError(
      'FORBIDDEN',
      doing === 'reviewDecision' || doing === 'memberResponse'
        ? message(`errors.notEnrolled.${doing}`)
        : message('errors.notEnrolled.workflow', { event: doing }),
    );
  }
  return ctx.person;
}

/** Who the enrolled person is in a signature or decision: the name HQ knows (ctx.actor before enrolment). */
export const signatureName = (ctx: ServiceContext): string => ctx.person?.name ?? ctx.actor;

/** Whether HQ's user id names the enrolled person; before enrolment there is no one to tell apart. */
export const isEnrolledPersons = (ctx: ServiceContext, userId: string): boolean =>
  !ctx.person || userId === ctx.person.userId;
