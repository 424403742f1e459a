import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../hq/admin-commands';
import { buildHqApp } from '../../hq/app';
import { DataDirInUseError, LOCK_FILE } from '../../hq/db/data-dir-lock';
import type { HqDbEnv } from '../../hq/db/open';
import type { HqDb } from '../../hq/db/types';
import { BACKENDS, type Backend, openTestDb } from './helpers';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

type Run = { exitCode: number; stdout: string; stderr: string };

/** `npm run hq -- <args>` against the given database, run in this process (hq/cli.ts only adds process.exit). */
async function hqCli(env: HqDbEnv, ...args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await runAdminCommand(args, env, {
    log: (text) => stdout.push(text),
    error: (text) => stderr.push(text),
  });
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A database the CLI and the test take turns on: PGlite on disk admits one process at a time, so the test
 * opens it only inside `whileOpen`; PostgreSQL stays open.
 */
async function sharedDatabase(backend: Backend) {
  const dataDir = backend === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-hq-cli-')) : undefined;
  const opened = await openTestDb(backend, dataDir ? { dataDir } : {});
  let open = backend === 'postgres';
  if (!open) await opened.dispose();
  cleanups.push(async () => {
    if (open) await opened.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    cliEnv: opened.cliEnv,
    async whileOpen<T>(fn: (db: HqDb) => Promise<T>): Promise<T> {
      if (backend === 'postgres') return fn(opened.db);
      const db = await opened.reopen();
      open = true;
      try {
        return await fn(db);
      } finally {
        await db.close();
        open = false;
      }
    },
  };
}

describe.each(BACKENDS)('the HQ admin commands on %s', (backend) => {
  it('creates two users with one name, enrols one by id, and lists one device after a retried enrolment', async () => {
    const shared = await sharedDatabase(backend);
    const cli = (...args: string[]) => hqCli(shared.cliEnv, ...args);
    const addDana = () => cli('add-user', '--name', 'Dana Ruiz', '--role', 'scss', '--office', 'Houston');

    const [first, second] = [await addDana(), await addDana()];
    expect([first.exitCode, second.exitCode], first.stderr + second.stderr).toEqual([0, 0]);
    const danaA = first.stdout.match(UUID)?.[0] ?? '';
    const danaB = second.stdout.match(UUID)?.[0] ?? '';
    expect(danaA).not.toBe(danaB);

    // A name no person has, or one that cannot be stored, is refused naming the option; nobody is created.
    const tooLong = await cli('add-user', '--name', 'D'.repeat(5000), '--role', 'SCSS', '--office', 'Houston');
    expect([tooLong.exitCode, tooLong.stderr]).toEqual([2, 'add-user: --name: at most 120 characters']);
    const nul = await cli('add-user', '--name', 'Dana', '--role', 'SCSS', '--office', 'Hous\u0000ton');
    expect([nul.exitCode, nul.stderr]).toEqual([
      2,
      'add-user: --office: contains a NUL character, which cannot be stored',
    ]);

    const users = await cli('users');
    const lines = users.stdout.split('\n').filter((line) => line.includes('Dana Ruiz'));
    expect(lines.map((line) => line.split('\t')[0]).sort()).toEqual([danaA, danaB].sort());

    const oldForm = await cli('enroll', '--name', 'Dana Ruiz', '--role', 'SCSS', '--office', 'Houston');
    expect(oldForm.exitCode).toBe(2);
    expect(oldForm.stderr).toMatch(/--user/);

    const issued = await cli('enroll', '--user', danaA);
    expect(issued.exitCode, issued.stderr).toBe(0);
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/m.exec(issued.stdout)?.[1] ?? '';
    expect(code).not.toBe('');

    // The laptop's first answer is lost; it sends the same enrolment again.
    const installationId = randomUUID();
    const answers = await shared.whileOpen(async (db) => {
      const app = buildHqApp({ db });
      try {
        const send = () =>
          app.inject({
            method: 'POST',
            url: '/v1/enroll',
            payload: { code, deviceName: 'Dana’s laptop', installationId },
          });
        return [await send(), await send()];
      } finally {
        await app.close();
      }
    });
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);

    const devices = await cli('devices');
    const deviceLines = devices.stdout.split('\n').filter((line) => line.includes('\t'));
    expect(deviceLines).toHaveLength(1);
    expect(deviceLines[0]?.split('\t').slice(0, 3)).toEqual([answers[0]?.json().deviceId, 'Dana’s laptop', danaA]);

    // A device id mistyped is named as unknown, the same as a well-formed id HQ never issued.
    for (const id of ['not-a-uuid', randomUUID()]) {
      const revoked = await cli('revoke-device', id);
      expect([revoked.exitCode, revoked.stderr]).toEqual([1, `No active device ${id}.`]);
    }
  }, 120_000);

  it('corrects a Member’s details by account number, and refuses unknown accounts and bad values naming the flag', async () => {
    const shared = await sharedDatabase(backend);
    const cli = (...args: string[]) => hqCli(shared.cliEnv, ...args);
    const scss = (await cli('add-user', '--name', 'Dana Ruiz', '--role', 'SCSS', '--office', 'Laredo')).stdout.match(
      UUID,
    )?.[0];
    const assigned = await cli(
      ...['assign', '--member-name', 'Rio Bravo Freight', '--account', 'HC-7781', '--entity-type', 'HC'],
      ...['--mode', 'IN_PERSON', '--target-date', '2027-03-01', '--scss', scss ?? '', '--city', 'Laredo'],
    );
    expect(assigned.exitCode, assigned.stderr).toBe(0);
    const memberRow = () =>
      shared.whileOpen(async (db) => {
        const [row] = await db.query<{ legal_name: string; city: string; country: string; entity_type: string }>(
          'SELECT legal_name, city, country, entity_type FROM members WHERE account_number = $1',
          ['HC-7781'],
        );
        return row;
      });
    const before = await memberRow();

    const corrected = await cli(
      'member-details',
      '--account',
      'HC-7781',
      '--member-name',
      'Río Bravo Freight S.A.',
      '--city',
      'Nuevo Laredo',
    );
    expect(corrected.exitCode, corrected.stderr).toBe(0);
    expect(corrected.stdout).toMatch(/Updated Member HC-7781/);
    expect(await memberRow()).toEqual({ ...before, legal_name: 'Río Bravo Freight S.A.', city: 'Nuevo Laredo' });

    const unknown = await cli('member-details', '--account', 'HC-0000', '--city', 'Laredo');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/no Member with account HC-0000/);
    const nothing = await cli('member-details', '--account', 'HC-7781');
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toMatch(/at least one of --member-name/);
    const badType = await cli('member-details', '--account', 'HC-7781', '--entity-type', 'TRUCK');
    expect(badType.exitCode).toBe(2);
    expect(badType.stderr).toMatch(/--entity-type/);
    const nul = await cli('member-details', '--account', 'HC-7781', '--member-name', 'Rio\u0000Bravo');
    expect(nul.exitCode).toBe(2);
    expect(nul.stderr).toMatch(/--member-name/);
    expect((await memberRow())?.legal_name).toBe('Río Bravo Freight S.A.');
  }, 120_000);
});

/** `npm run hq` as a process of its own on a PGlite data folder, resolved once it says it is ready. */
async function startHqServer(dataDir: string): Promise<ChildProcess> {
  // tsx as a loader, so the server is this one process (the tsx command runs it in a child of its own).
  const env = { ...process.env, HQ_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: undefined };
  const server = spawn(process.execPath, ['--import', 'tsx', 'hq/cli.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"HQ ready"')) resolve();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once('exit', (code) => reject(new Error(`HQ exited (${code}) before it was ready:\n${output}`)));
  });
  return server;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

describe('a PGlite data folder held by the HQ server', () => {
  let dataDir: string;
  const servers: ChildProcess[] = [];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-hq-lock-'));
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.kill('SIGKILL');
      await exited(server);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an admin command while the server runs, instead of confirming a write the server then erases', async () => {
    const server = await startHqServer(dataDir);
    servers.push(server);

    const addCarl = () =>
      hqCli({ HQ_DATA_DIR: dataDir }, 'add-user', '--name', 'Carl Ortiz', '--role', 'SCSS', '--office', 'Laredo');
    const refused = addCarl();
    await expect(refused).rejects.toThrow(DataDirInUseError);
    await expect(refused).rejects.toThrow(`in use by another HQ process (pid ${server.pid})`);

    // Stopped as an operator stops it, the server lets the folder go; the command then runs and its user stays.
    server.kill('SIGTERM');
    await exited(server);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const added = await addCarl();
    expect(added.exitCode, added.stderr).toBe(0);
    expect((await hqCli({ HQ_DATA_DIR: dataDir }, 'users')).stdout).toContain('Carl Ortiz');
  }, 120_000);

  it('takes over the lock of a server that was killed, and refuses a second open in one process', async () => {
    const server = await startHqServer(dataDir);
    servers.push(server);
    server.kill('SIGKILL');
    await exited(server);
    // Killed, it could not let go: the lock still names it.
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(server.pid));

    const opened = await openTestDb('pglite', { dataDir });
    try {
      await expect(hqCli({ HQ_DATA_DIR: dataDir }, 'users')).rejects.toThrow(`(pid ${process.pid})`);
    } finally {
      await opened.dispose();
    }
    expect((await hqCli({ HQ_DATA_DIR: dataDir }, 'users')).exitCode).toBe(0);
  }, 120_000);
});
