import type { ValidationOwner } from '../../db/queries/validations';
import type { ServiceContext } from './service-context';

/** The owner when it is not the enrolled person: a laptop handed over keeps the earlier person's validations. */
export const anotherPersonsOwner = (ctx: ServiceContext, owner: ValidationOwner | null): ValidationOwner | null =>
  owner && ctx.person && owner.userId !== ctx.person.userId ? owner : null;
