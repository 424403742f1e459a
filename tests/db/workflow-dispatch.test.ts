import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import type { Member, Validation } from '../../shared/domain/validation';
import type { Envelope } from '../../shared/ipc/envelope';
import { expectValue } from '../envelope';

let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-workflow-dispatch-'));
  services = openAppServices({ dataDir, demoValidationsStayLocal: true, now: () => new Date('2026-03-02T12:00:00Z') });
  dispatch = createDispatcher(
    createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    () => {},
  );
});

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const refused = (envelope: Envelope<unknown>) => (envelope.ok ? null : envelope.error);
const UUID = '0b9a6f0e-4a3c-4e2b-9d1f-2c3b4a5d6e7f';

async function demoValidation(): Promise<Validation> {
  const [member] = expectValue<Member[]>(await dispatch('members:list', {}));
  return expectValue<Validation>(
    await dispatch('validations:create', {
      memberId: member?.id,
      entityType: member?.entityType,
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-10',
    }),
  );
}

describe('the workflow channels', () => {
  it('refuse a non-concurrence without a proposal, a short "not accepted" note, and steps the laptop does not send', async () => {
    const base = { validationId: UUID, findingId: UUID };
    expect(
      refused(await dispatch('reviews:save', { ...base, decision: 'NON_CONCUR', comment: 'Not a deficiency here.' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/proposedClassification: Propose a classification/),
    });
    expect(
      refused(await dispatch('reviews:save', { ...base, decision: 'RETURN_FOR_CORRECTION', comment: 'Fix' })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/comment: Say what the SCSS must correct/) });
    expect(
      refused(
        await dispatch('replies:assess', {
          validationId: UUID,
          responseId: UUID,
          assessment: 'NOT_ACCEPTED',
          note: 'No',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/note: Say what the Member still needs/) });
    for (const kind of ['START_REVIEW', 'SUBMIT', 'WITHDRAW']) {
      expect(refused(await dispatch('workflow:transition', { validationId: UUID, kind, comment: '' }))).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/kind/),
      });
    }
    expect(refused(await dispatch('workflow:history', { validationId: UUID }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refused(await dispatch('reviews:validation', { validationId: UUID }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('show a new demo validation as not submitted, staying local, with every step refused before enrolment', async () => {
    const validation = await demoValidation();
    const [listed] = expectValue<{ id: string; demo: boolean; workflowState: null; returned: boolean }[]>(
      await dispatch('validations:list', {}),
    );
    expect(listed).toMatchObject({ id: validation.id, demo: true, workflowState: null, returned: false });
    const history = expectValue<{ state: null; actions: { allowed: boolean; reason: string }[] }>(
      await dispatch('workflow:history', { validationId: validation.id }),
    );
    expect(history.state).toBeNull();
    expect(history.actions.every((a) => !a.allowed && /not enrolled/.test(a.reason))).toBe(true);
    expect(
      refused(await dispatch('workflow:transition', { validationId: validation.id, kind: 'CLOSE', comment: '' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/not enrolled with HQ/),
    });
  });

  it('answer every work list, sorted and filtered as asked, empty before anything is pulled', async () => {
    for (const list of ['REVIEW', 'APPROVAL'] as const) {
      expect(
        expectValue(
          await dispatch('worklists:get', {
            list,
            queues: ['RESUBMITTED'],
            sort: { by: 'memberName', direction: 'desc' },
          }),
        ),
      ).toEqual({ list, today: '2026-03-02', items: [] });
    }
    expect(expectValue(await dispatch('worklists:get', { list: 'RESPONSES', statuses: ['OVERDUE'] }))).toEqual({
      list: 'RESPONSES',
      today: '2026-03-02',
      items: [],
    });
    expect(refused(await dispatch('worklists:get', { list: 'RESPONSES', queues: ['RETURNED'] }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
