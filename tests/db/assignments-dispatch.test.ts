import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { pullFromHq } from '../../electron/sync/pull';
import { type PullTransport, pullPath, pullResponseFrom } from '../../electron/sync/pull-transport';
import { buildHqApp } from '../../hq/app';
import { createAssignment } from '../../hq/assignments';
import { migrateHqDb } from '../../hq/db/migrate';
import { createPgliteDb } from '../../hq/db/pglite-adapter';
import type { HqDb } from '../../hq/db/types';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import type { Member, Validation, ValidationSummary } from '../../shared/domain/validation';
import type { ResponseOf } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { expectValue } from '../envelope';

const NOW = new Date('2026-03-02T14:00:00.000Z');
let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;
let hqDb: HqDb;
let hq: FastifyInstance;

function errorOf(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error('expected a refusal');
  return envelope.error;
}

/** Assigns two validations to this laptop's SCSS at a real HQ and pulls them into the real store. */
async function pullAssignments(): Promise<void> {
  const { code, user } = await issueEnrolmentCode(hqDb, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
  const enrolled = await enrolDevice(hqDb, code, 'Dana’s laptop');
  if (!enrolled) throw new Error('enrolment failed');
  const assign = (account: string, name: string, targetDate: string, mode: string) =>
    createAssignment(hqDb, {
      'member-name': name,
      account,
      'entity-type': 'IMP',
      mode,
      'target-date': targetDate,
      scss: user.id,
    });
  await assign('IMP-900', 'Bayou Imports Co.', '2026-04-20', 'VIRTUAL');
  await assign('DEMO-IMP-10421', 'Gulf Coast (as HQ spells it)', '2026-04-02', 'IN_PERSON');
  const transport: PullTransport = {
    async pull(cursor, limit) {
      const response = await hq.inject({
        method: 'GET',
        url: `/v1/${pullPath(cursor, limit)}`,
        headers: { authorization: `Bearer ${enrolled.token}` },
      });
      return pullResponseFrom(response.statusCode, response.body);
    },
  };
  await pullFromHq(services.ctx.db, transport, { now: () => NOW });
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-assignments-dispatch-'));
  services = openAppServices({ dataDir, actor: 'test.scss', now: () => NOW });
  dispatch = createDispatcher(
    createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
  );
  hqDb = await createPgliteDb();
  await migrateHqDb(hqDb);
  hq = buildHqApp({ db: hqDb });
  await hq.ready();
});

afterEach(async () => {
  services.close();
  await hq.close();
  await hqDb.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('assignments through the dispatcher', () => {
  it('answers an empty list before anything is pulled', async () => {
    expect(expectValue(await dispatch('assignments:list', {}))).toEqual([]);
  });

  it('lists pulled assignments with their Member, starts one into a worksheet, and offers it only once', async () => {
    await pullAssignments();
    const listed = expectValue<ResponseOf<'assignments:list'>>(await dispatch('assignments:list', {}));
    expect(listed.map((a) => [a.member.legalName, a.member.accountNumber, a.mode, a.targetDate])).toEqual([
      // HQ's Member row is the authority: the Member already on this laptop takes HQ's name with the pull.
      ['Gulf Coast (as HQ spells it)', 'DEMO-IMP-10421', 'IN_PERSON', '2026-04-02'],
      ['Bayou Imports Co.', 'IMP-900', 'VIRTUAL', '2026-04-20'],
    ]);
    const members = expectValue<Member[]>(await dispatch('members:list', {}));
    expect(members.map((m) => m.accountNumber)).toContain('IMP-900');

    const bayou = listed[1];
    if (!bayou) throw new Error('assignment missing');
    const started = expectValue<Validation>(await dispatch('assignments:start', { assignmentId: bayou.id }));
    expect(started).toMatchObject({
      memberId: bayou.member.id,
      entityType: 'IMP',
      mode: 'VIRTUAL',
      scheduledDate: '2026-04-20',
      status: 'DRAFT',
    });
    const worksheet = expectValue<ResponseOf<'worksheet:open'>>(
      await dispatch('worksheet:open', { validationId: started.id }),
    );
    expect(worksheet.member.legalName).toBe('Bayou Imports Co.');
    const summaries = expectValue<ValidationSummary[]>(
      await dispatch('validations:list', { memberId: bayou.member.id }),
    );
    expect(summaries.map((v) => v.id)).toEqual([started.id]);

    expect(
      expectValue<ResponseOf<'assignments:list'>>(await dispatch('assignments:list', {})).map((a) => a.id),
    ).toEqual([listed[0]?.id]);
    const again = errorOf(await dispatch('assignments:start', { assignmentId: bayou.id }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already been started/);
    expect(
      expectValue<ValidationSummary[]>(await dispatch('validations:list', { memberId: bayou.member.id })),
    ).toHaveLength(1);
  });

  it('refuses a malformed or unknown assignment id and creates nothing', async () => {
    await pullAssignments();
    const before = services.ctx.db.prepare('SELECT count(*) AS n FROM validations').get();
    const malformed = errorOf(await dispatch('assignments:start', { assignmentId: 'tomorrow' }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.message).toMatch(/assignmentId/);
    const unknown = errorOf(
      await dispatch('assignments:start', { assignmentId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
    );
    expect(unknown).toEqual({
      code: 'NOT_FOUND',
      message: 'That assignment is not on this computer. Sync with HQ to refresh the list.',
      key: 'errors.assignment.notHere',
    });
    expect(services.ctx.db.prepare('SELECT count(*) AS n FROM validations').get()).toEqual(before);
  });
});
