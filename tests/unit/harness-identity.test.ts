import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../../electron/harness/server';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import type { Member, Validation } from '../../shared/domain/validation';

/**
 * The web harness hosts the services as the app does: the person acting is the enrolled one (a placeholder
 * before enrolment, never the OS account), and demo Members' validations stay on the computer.
 */

const running: { close: () => Promise<void>; dataDir: string }[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) {
    await h.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  }
});

async function harness(env: NodeJS.ProcessEnv = {}, before?: (dataDir: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-harness-identity-'));
  before?.(dataDir);
  const h = await startHarness(['node', 'server', `--data-dir=${dataDir}`, '--port=0'], env);
  running.push({ close: h.close, dataDir });
  const origin = h.url.replace(/\/$/, '');
  return async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const response = await fetch(`${origin}/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(envelope.error?.message);
    return envelope.value;
  };
}

describe('the web harness', () => {
  it('names nobody before enrolment (never the OS account) and keeps a demo Member’s validation local', async () => {
    const invoke = await harness();
    const info = await invoke<{ actor: string }>('app:info');
    expect(info.actor).toBe('Not enrolled');
    expect(info.actor).not.toBe(os.userInfo().username);
    const [demo] = await invoke<Member[]>('members:list');
    expect(demo?.accountNumber).toMatch(/^DEMO-/);
    const validation = await invoke<Validation>('validations:create', {
      memberId: demo?.id,
      entityType: demo?.entityType,
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-10',
    });
    await invoke('responses:save', { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT' });
    expect(await invoke('sync:status')).toMatchObject({ pending: 0, refused: 0 });
    const listed = await invoke<{ id: string; demo: boolean }[]>('validations:list');
    expect(listed).toEqual([expect.objectContaining({ id: validation.id, demo: true })]);
  });

  it('acts as the person enrolled in the data folder', async () => {
    const invoke = await harness({ CTPAT_ACTOR: 'harness.test' }, (dataDir) =>
      fileCredentialStore(dataDir).save({
        hqUrl: 'http://127.0.0.1:9',
        deviceId: '0b9a6f0e-4a3c-4e2b-9d1f-2c3b4a5d6e7f',
        token: 't'.repeat(40),
        user: {
          id: '1c9a6f0e-4a3c-4e2b-9d1f-2c3b4a5d6e7f',
          name: 'Sam Ortiz',
          role: 'SUPERVISOR',
          fieldOffice: 'Houston',
        },
      }),
    );
    expect((await invoke<{ actor: string }>('app:info')).actor).toBe('Sam Ortiz (Supervisor)');
  });
});
