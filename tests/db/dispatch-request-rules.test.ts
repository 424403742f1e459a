import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import type { InspectionChecklist, VirtualSession } from '../../shared/domain/field-work';
import type { Member, Validation } from '../../shared/domain/validation';
import { expectValue } from '../envelope';
import { makePng } from '../unit/evidence-fixtures';

let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-request-rules-'));
  services = openAppServices({ dataDir, actor: 'test.scss', now: () => new Date('2026-03-02T14:00:00.000Z') });
  dispatch = createDispatcher(
    createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    () => {},
  );
});

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = (table: string) =>
  (services.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function newValidation(mode: Validation['mode']): Promise<Validation> {
  const members = expectValue<Member[]>(await dispatch('members:list', {}));
  const importer = members.find((m) => m.entityType === 'IMP');
  return expectValue<Validation>(
    await dispatch('validations:create', {
      memberId: importer?.id,
      entityType: 'IMP',
      mode,
      scheduledDate: '2026-03-10',
    }),
  );
}

describe('evidence:attach needs a criterion or a finding', () => {
  it('refuses evidence attached to neither, naming both fields, and stores nothing', async () => {
    const validation = await newValidation('IN_PERSON');
    const png = await makePng(64, 48);
    const envelope = await dispatch('evidence:attach', {
      validationId: validation.id,
      criterionId: null,
      findingId: null,
      fileName: 'fence.png',
      mediaType: 'image/png',
      caption: '',
      source: { kind: 'bytes', base64: png.toString('base64') },
    });

    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/criterionId or findingId is required/);
    expect(count('evidence')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'evidence'))).toBe(false);
  });
});

describe('an id written in upper case names the same record', () => {
  it('checklists:save with the upper-case id updates the checklist instead of adding a second one', async () => {
    const validation = await newValidation('IN_PERSON');
    const request = {
      validationId: validation.id,
      criterionId: '5.3',
      kind: 'CONTAINER_7_POINT',
      label: 'Container MSKU 123456-7',
      refrigerated: false,
      items: checklistItemsFor('CONTAINER_7_POINT', false).map((i) => ({ key: i.key, status: null, note: '' })),
    };
    const first = expectValue<InspectionChecklist>(await dispatch('checklists:save', request));
    const second = expectValue<InspectionChecklist>(
      await dispatch('checklists:save', {
        ...request,
        id: first.id.toUpperCase(),
        validationId: validation.id.toUpperCase(),
        label: 'Container MSKU 765432-1',
      }),
    );

    expect(second.id).toBe(first.id);
    expect(count('inspection_checklists')).toBe(1);
    expect(services.ctx.db.prepare('SELECT id, label FROM inspection_checklists').all()).toEqual([
      { id: first.id, label: 'Container MSKU 765432-1' },
    ]);
  });

  it('sessions:save with the upper-case id updates the session log instead of adding a second one', async () => {
    const validation = await newValidation('VIRTUAL');
    const request = {
      validationId: validation.id,
      platform: 'Microsoft Teams',
      startedAt: '2026-03-10T14:00:00.000Z',
      endedAt: '2026-03-10T16:30:00.000Z',
      participants: [],
      documents: [],
      segments: [],
    };
    const first = expectValue<VirtualSession>(await dispatch('sessions:save', request));
    const second = expectValue<VirtualSession>(
      await dispatch('sessions:save', { ...request, id: first.id.toUpperCase(), platform: 'Zoom' }),
    );

    expect(second.id).toBe(first.id);
    expect(count('virtual_sessions')).toBe(1);
    expect(second.platform).toBe('Zoom');
  });
});
