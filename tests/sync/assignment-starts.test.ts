import { afterEach, describe, expect, it } from 'vitest';
import { listAssignments, startValidationFromAssignment } from '../../electron/services/assignment-service';
import { listRefusedChanges } from '../../electron/services/refused-changes';
import { saveResponse } from '../../electron/services/response-service';
import { openWorksheet } from '../../electron/services/validation-service';
import { createAssignment } from '../../hq/assignments';
import { message } from '../../shared/messages';
import { testUserId } from '../hq/helpers';
import { type EnrolledLaptop, enrolledLaptop, type Person } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

/**
 * One SCSS, two enrolled laptops: the assignment one laptop started stops being offered on the other after its
 * next pull, and a validation the other started anyway (from a list shown before that pull) is refused by HQ
 * like any other refused change, keeping what was typed on it.
 */

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DANA: Person = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' };
const ACCOUNT = 'ACCT-716';

async function syncOk(l: EnrolledLaptop): Promise<void> {
  expect(await l.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
}

/** Dana's two laptops, each having pulled the assignment HQ gave her. */
async function assignedToDanaOnTwoLaptops() {
  const assignment = await createAssignment(hq.db, {
    'member-name': 'Bayou Freight LLC',
    account: ACCOUNT,
    'entity-type': 'IMP',
    mode: 'in person',
    'target-date': '2027-01-10',
    scss: await testUserId(hq.db, DANA),
  });
  const a = await enrolledLaptop(hq, DANA, cleanups);
  const b = await enrolledLaptop(hq, DANA, cleanups);
  await syncOk(a);
  await syncOk(b);
  for (const laptop of [a, b]) {
    expect(listAssignments(laptop.services.ctx).map((x) => x.id)).toEqual([assignment.id]);
  }
  return { a, b, assignmentId: assignment.id };
}

const validationsOn = (l: EnrolledLaptop) =>
  l.services.ctx.db.prepare('SELECT id FROM validations').pluck().all() as string[];

describe('an assignment started on one of the SCSS’s laptops', () => {
  it('is no longer offered on the other after its pull, and starting it there from the old list is refused', async () => {
    const { a, b, assignmentId } = await assignedToDanaOnTwoLaptops();
    const [offeredOnB] = listAssignments(b.services.ctx);
    const validation = startValidationFromAssignment(a.services.ctx, assignmentId);
    await syncOk(a);

    await syncOk(b);
    expect(listAssignments(b.services.ctx)).toEqual([]);
    const startedAt = validation.createdAt;
    const told = message('errors.assignment.startedElsewhere', { at: startedAt, device: `${DANA.name}'s laptop` });
    expect(() => startValidationFromAssignment(b.services.ctx, offeredOnB?.id ?? '')).toThrow(told.message);
    expect(validationsOn(b)).toEqual([]);
    // The laptop that started it keeps its validation, and HQ holds it.
    expect(validationsOn(a)).toEqual([validation.id]);
    expect(listAssignments(a.services.ctx)).toEqual([]);
    const [held] = await hq.db.query<{ started_validation_id: string }>(
      'SELECT started_validation_id FROM assignments WHERE id = $1',
      [assignmentId],
    );
    expect(held?.started_validation_id).toBe(validation.id);
  });

  it('refuses at HQ a second validation started before the pull; it shows as refused and what was typed stays', async () => {
    const { a, b, assignmentId } = await assignedToDanaOnTwoLaptops();
    const first = startValidationFromAssignment(a.services.ctx, assignmentId);
    await syncOk(a);
    // Laptop B has not pulled since: its list still offers the assignment.
    const second = startValidationFromAssignment(b.services.ctx, assignmentId);
    saveResponse(b.services.ctx, {
      validationId: second.id,
      criterionId: '1.1',
      result: 'COMPLIANT',
      notes: 'Security vision statement signed by the CEO',
    });
    await b.sync.syncNow();

    const refused = listRefusedChanges(b.services.ctx);
    const create = refused.find((r) => r.entity === 'validation' && r.operation === 'create');
    const hqSaid = message('hqReason.assignmentStarted', { at: first.createdAt, device: `${DANA.name}'s laptop` });
    expect(create?.validationId).toBe(second.id);
    expect(create?.reason).toContain(hqSaid.message);
    expect(create?.reasonMessage).toMatchObject({ key: 'hqRefusal.conflictSaying' });
    expect(JSON.stringify(create?.reasonMessage)).toContain('hqReason.assignmentStarted');
    // Nothing typed on B is lost; HQ holds only A's validation.
    expect(openWorksheet(b.services.ctx, second.id).responses.find((r) => r.criterionId === '1.1')).toMatchObject({
      result: 'COMPLIANT',
      notes: 'Security vision statement signed by the CEO',
    });
    const atHq = await hq.db.query<{ id: string }>('SELECT id FROM validations');
    expect(atHq.map((v) => v.id)).toEqual([first.id]);
    expect(listAssignments(b.services.ctx)).toEqual([]);
  });
});
