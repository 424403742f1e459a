import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/audit-log';
import { countMembers, insertMember } from '../../db/queries/members';
import type { Member } from '../../shared/domain/validation';
import { isoNow, type ServiceContext } from './service-context';

/** Fictional companies so a first run is not an empty screen. Local only: never queued for HQ. */
const DEMO_MEMBERS: ReadonlyArray<Omit<Member, 'id' | 'createdAt'>> = [
  {
    legalName: 'Gulf Coast Home Goods Imports, Inc.',
    accountNumber: 'DEMO-IMP-10421',
    entityType: 'IMP',
    city: 'Houston, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
  },
  {
    legalName: 'Great Lakes Auto Parts Distributors LLC',
    accountNumber: 'DEMO-IMP-20877',
    entityType: 'IMP',
    city: 'Detroit, MI',
    country: 'United States',
    correspondenceLanguage: 'en',
  },
  {
    legalName: 'Rio Bravo Freight Lines LLC',
    accountNumber: 'DEMO-HC-31560',
    entityType: 'HC',
    city: 'Laredo, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
  },
  {
    legalName: 'Manufacturas del Norte S.A. de C.V.',
    accountNumber: 'DEMO-FM-40218',
    entityType: 'FM',
    city: 'Monterrey, NL',
    country: 'Mexico',
    correspondenceLanguage: 'es',
  },
  {
    legalName: 'Pacífico Electronics Assembly S. de R.L.',
    accountNumber: 'DEMO-FM-51903',
    entityType: 'FM',
    city: 'Tijuana, BC',
    country: 'Mexico',
    correspondenceLanguage: 'es',
  },
];

export function seedDemoMembersIfEmpty(ctx: ServiceContext): number {
  if (countMembers(ctx.db) > 0) return 0;
  const at = isoNow(ctx);
  ctx.db.transaction(() => {
    for (const demo of DEMO_MEMBERS) {
      const member: Member = { ...demo, id: randomUUID(), createdAt: at };
      insertMember(ctx.db, member);
      appendAudit(ctx.db, {
        at,
        actor: ctx.actor,
        action: 'member.seed-demo',
        entity: 'member',
        entityId: member.id,
        before: null,
        after: member,
      });
    }
  })();
  return DEMO_MEMBERS.length;
}
