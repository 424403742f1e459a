import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { createDispatcher, type Dispatch, type DispatchLogger } from '../../electron/ipc/dispatch';
import { createHandlers, type Handlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import type { Member, Validation } from '../../shared/domain/validation';
import { HqAddressSchema } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { expectValue } from '../envelope';

let dataDir: string;
let services: AppServices;
let handlers: Handlers;
let dispatch: Dispatch;
let logError: Mock<DispatchLogger>;
let importer: Member;
let validation: Validation;

const VALID_UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function writeCounts() {
  const n = (table: string) => (services.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    criterion_responses: n('criterion_responses'),
    audit_log: n('audit_log'),
    sync_outbox: n('sync_outbox'),
    validations: n('validations'),
  };
}

function expectFailure(envelope: Envelope<unknown>, code: string): string {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return '';
  expect(envelope.error.code).toBe(code);
  return envelope.error.message;
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-dispatch-test-'));
  services = openAppServices({ dataDir, actor: 'test.scss', now: () => new Date('2026-03-02T14:00:00.000Z') });
  handlers = createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' });
  logError = vi.fn<DispatchLogger>();
  dispatch = createDispatcher(handlers, logError);
  const members = expectValue<Member[]>(await dispatch('members:list', {}));
  const found = members.find((m) => m.entityType === 'IMP');
  if (!found) throw new Error('no demo importer');
  importer = found;
  validation = expectValue<Validation>(
    await dispatch('validations:create', {
      memberId: importer.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-10',
    }),
  );
});

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('dispatch: well-formed requests', () => {
  it('answers app:info and members:list through the real handlers', async () => {
    expect(expectValue(await dispatch('app:info', {}))).toEqual({
      version: '0.0.0-test',
      dataDir,
      transport: 'web-harness',
      actor: 'test.scss',
      catalogEditionIds: ['MSC-2019-11'],
    });
    expect(expectValue<Member[]>(await dispatch('members:list', {}))).toHaveLength(5);
  });

  it('saves an answer and reads it back in the worksheet', async () => {
    const saved = await dispatch('responses:save', {
      validationId: validation.id,
      criterionId: '1.1',
      result: 'COMPLIANT',
      notes: 'Signed statement posted in lobby',
    });
    expect(expectValue(saved)).toMatchObject({ result: 'COMPLIANT', version: 1 });
    const worksheet = expectValue<{ responses: unknown[]; validation: Validation }>(
      await dispatch('worksheet:open', { validationId: validation.id }),
    );
    expect(worksheet.responses).toHaveLength(1);
    expect(worksheet.validation.status).toBe('IN_PROGRESS');
  });

  it('passes a service AppError through with its code', async () => {
    const message = expectFailure(await dispatch('worksheet:open', { validationId: VALID_UUID }), 'NOT_FOUND');
    expect(message).toMatch(/does not exist on this computer/);
    expect(logError).not.toHaveBeenCalled();
  });
});

describe('dispatch: refused requests write nothing', () => {
  it('refuses an unknown channel by name', async () => {
    const before = writeCounts();
    const message = expectFailure(
      await dispatch('responses:delete', { validationId: validation.id }),
      'UNKNOWN_CHANNEL',
    );
    expect(message).toContain('responses:delete');
    expectFailure(await dispatch('__proto__', {}), 'UNKNOWN_CHANNEL');
    expectFailure(await dispatch('toString', {}), 'UNKNOWN_CHANNEL');
    expect(writeCounts()).toEqual(before);
  });

  const saveBase = () => ({ validationId: validation.id, criterionId: '1.1' });
  const createBase = () => ({
    memberId: importer.id,
    entityType: 'IMP',
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
  });

  const cases: Array<{ name: string; channel: string; payload: () => unknown; field: RegExp }> = [
    {
      name: 'a missing field',
      channel: 'validations:create',
      payload: () => {
        const { scheduledDate: _omit, ...rest } = createBase();
        return rest;
      },
      field: /scheduledDate/,
    },
    {
      name: 'an extra field',
      channel: 'validations:create',
      payload: () => ({ ...createBase(), priority: 'high' }),
      field: /priority/,
    },
    {
      name: 'an extra field on a save',
      channel: 'responses:save',
      payload: () => ({ ...saveBase(), result: 'COMPLIANT', version: 7 }),
      field: /version/,
    },
    {
      name: 'a Member id that is not a UUID',
      channel: 'validations:create',
      payload: () => ({ ...createBase(), memberId: 'member-1' }),
      field: /memberId: Must be a UUID/,
    },
    {
      name: 'a validation id that is not a UUID',
      channel: 'responses:save',
      payload: () => ({ ...saveBase(), validationId: `${validation.id}x`, result: 'COMPLIANT' }),
      field: /validationId: Must be a UUID/,
    },
    {
      name: 'a date that does not exist (2026-02-30)',
      channel: 'validations:create',
      payload: () => ({ ...createBase(), scheduledDate: '2026-02-30' }),
      field: /scheduledDate: Use a date in the form YYYY-MM-DD/,
    },
    {
      name: 'a date in the wrong format',
      channel: 'validations:list',
      payload: () => ({ scheduledFrom: '03/10/2026' }),
      field: /scheduledFrom/,
    },
    {
      name: 'notes over 20000 characters',
      channel: 'responses:save',
      payload: () => ({ ...saveBase(), result: 'COMPLIANT', notes: 'x'.repeat(20_001) }),
      field: /notes: Notes are limited to 20000 characters/,
    },
    {
      name: 'a save with neither result nor notes',
      channel: 'responses:save',
      payload: () => saveBase(),
      field: /Send at least one field to change/,
    },
    {
      name: 'an unknown result',
      channel: 'responses:save',
      payload: () => ({ ...saveBase(), result: 'MOSTLY_COMPLIANT' }),
      field: /result/,
    },
    {
      name: 'a malformed criterion id',
      channel: 'responses:save',
      payload: () => ({ ...saveBase(), criterionId: '13.1', result: 'COMPLIANT' }),
      field: /criterionId: Criterion ID looks like 4\.17/,
    },
    {
      name: 'an unknown validation mode',
      channel: 'validations:create',
      payload: () => ({ ...createBase(), mode: 'PHONE' }),
      field: /mode/,
    },
    {
      name: 'a payload that is not an object',
      channel: 'responses:save',
      payload: () => 'COMPLIANT',
      field: /object/i,
    },
    { name: 'a null payload', channel: 'members:list', payload: () => null, field: /object/i },
  ];

  for (const c of cases) {
    it(`${c.channel}: ${c.name} → BAD_REQUEST naming the problem`, async () => {
      const before = writeCounts();
      const message = expectFailure(await dispatch(c.channel, c.payload()), 'BAD_REQUEST');
      expect(message).toContain(`Invalid ${c.channel} request`);
      expect(message).toMatch(c.field);
      expect(writeCounts()).toEqual(before);
    });
  }

  it('names each refused field with its plain-words message, so a form can mark the field', async () => {
    const envelope = await dispatch('validations:submit', {
      validationId: validation.id,
      signedByName: ' D ',
      attestation: false,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(envelope.ok ? [] : envelope.error.issues).toEqual([
      // The schema's own words, with the catalog key that writes them in the interface's language.
      { path: 'signedByName', message: 'Type your full name to sign', key: 'fields.signName' },
      { path: 'attestation', message: 'Confirm the attestation to submit', key: 'fields.attestation' },
    ]);
  });

  it('names the field of text that cannot be stored', async () => {
    const envelope = await dispatch('validations:submit', {
      validationId: validation.id,
      signedByName: 'Dana\u0000Ruiz',
      attestation: true,
    });
    expect(envelope.ok ? [] : envelope.error.issues).toEqual([
      {
        path: 'signedByName',
        message: expect.stringMatching(/^This text contains a NUL character/),
        key: 'fields.textNul',
      },
    ]);
  });

  it('accepts exactly 20000 characters of notes (the limit is inclusive)', async () => {
    const before = writeCounts();
    const saved = expectValue<{ notes: string }>(
      await dispatch('responses:save', { validationId: validation.id, criterionId: '1.1', notes: 'x'.repeat(20_000) }),
    );
    expect(saved.notes).toHaveLength(20_000);
    expect(writeCounts()).toMatchObject({
      criterion_responses: before.criterion_responses + 1,
      audit_log: before.audit_log + 1,
      sync_outbox: before.sync_outbox + 1,
    });
  });

  it('refuses a criterion outside the worksheet with BAD_REQUEST and writes nothing', async () => {
    const before = writeCounts();
    const message = expectFailure(
      await dispatch('responses:save', { validationId: validation.id, criterionId: '6.3', result: 'COMPLIANT' }),
      'BAD_REQUEST',
    );
    expect(message).toMatch(/6\.3/);
    expect(writeCounts()).toEqual(before);
  });
});

describe('dispatch: bugs in handlers', () => {
  it('turns a plain Error into INTERNAL with a message for the user, and logs the real error', async () => {
    const bug = new Error('SQLITE_CORRUPT: /home/scss/secret/path');
    const broken = createDispatcher(
      {
        ...handlers,
        'members:list': () => {
          throw bug;
        },
      },
      logError,
    );
    const message = expectFailure(await broken('members:list', {}), 'INTERNAL');
    expect(message).toMatch(/Something went wrong on this computer and nothing was saved/);
    expect(message).not.toContain('SQLITE_CORRUPT');
    expect(logError).toHaveBeenCalledWith(expect.stringContaining('members:list'), bug);
  });

  it('turns a rejected promise into INTERNAL too', async () => {
    const broken = createDispatcher(
      { ...handlers, 'app:info': async () => Promise.reject(new TypeError('x is undefined')) },
      logError,
    );
    expectFailure(await broken('app:info', {}), 'INTERNAL');
    expect(logError).toHaveBeenCalledTimes(1);
  });

  it('never calls the handler for a malformed request', async () => {
    const spy = vi.fn(handlers['responses:save']);
    const guarded = createDispatcher({ ...handlers, 'responses:save': spy }, logError);
    expectFailure(await guarded('responses:save', { validationId: validation.id }), 'BAD_REQUEST');
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('HQ address', () => {
  it('must be https:, except this computer’s own loopback', () => {
    for (const ok of [
      'https://ctpat-hq.cbp.example',
      'https://10.1.2.3:8443/ctpat',
      'http://127.0.0.1:5180',
      'http://localhost:5180',
      'http://[::1]:5180',
    ]) {
      expect(HqAddressSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['http://ctpat-hq.cbp.example', 'http://10.1.2.3', 'ftp://ctpat-hq.cbp.example', 'not a url']) {
      const parsed = HqAddressSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
    }
    expect(HqAddressSchema.safeParse('http://ctpat-hq.cbp.example').error?.issues[0]?.message).toBe(
      'HQ’s address must start with https:// (http:// is allowed only for localhost)',
    );
  });
});
