import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, DATABASE_FILE_NAME, openAppServices } from '../../electron/services/app-services';
import type { Member, Validation } from '../../shared/domain/validation';
import { AppError } from '../../shared/ipc/envelope';
import { expectValue } from '../envelope';

let dataDir: string;
let services: AppServices | undefined;
let dispatch: Dispatch;
let validation: Validation;
const others: Database.Database[] = [];

const dbFile = () => path.join(dataDir, DATABASE_FILE_NAME);

function open(): AppServices {
  const opened = openAppServices({ dataDir, actor: 'test.scss', now: () => new Date('2026-03-02T14:00:00.000Z') });
  services = opened;
  dispatch = createDispatcher(
    createHandlers(opened.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    () => {},
  );
  return opened;
}

function close(): void {
  services?.close();
  services = undefined;
}

const saveAnswer = (notes = 'Seal log reviewed') =>
  dispatch('responses:save', { validationId: validation.id, criterionId: '1.1', result: 'COMPLIANT', notes });

function answersStored(): number {
  const reader = new Database(dbFile(), { readonly: true });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM criterion_responses').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

/** The error opening the data folder threw, which must be a named AppError, not a raw SQLite error. */
function openFailure(): AppError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the data folder to be refused');
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-store-failures-'));
  open();
  const members = expectValue<Member[]>(await dispatch('members:list', {}));
  const importer = members.find((m) => m.entityType === 'IMP');
  validation = expectValue<Validation>(
    await dispatch('validations:create', {
      memberId: importer?.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-10',
    }),
  );
});

afterEach(() => {
  close();
  for (const db of others.splice(0)) if (db.open) db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a save the store cannot keep says why and what to do', () => {
  it('disk full (SQLITE_FULL): STORE_DISK_FULL, asks to free space, nothing saved', async () => {
    const db = services?.ctx.db as Database.Database;
    // The database may not grow by a single page: what a full disk does to SQLite.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

    const envelope = await saveAnswer('x'.repeat(20_000));

    expect(envelope).toMatchObject({ ok: false, error: { code: 'STORE_DISK_FULL' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(
      /disk is full, so nothing was saved\. Free some disk space/,
    );
    close();
    expect(answersStored()).toBe(0);
  });

  it('read-only database (SQLITE_READONLY): STORE_READ_ONLY, points at the data folder permissions', async () => {
    services?.ctx.db.pragma('query_only = ON');

    const envelope = await saveAnswer();

    expect(envelope).toMatchObject({ ok: false, error: { code: 'STORE_READ_ONLY' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/may not write to its data folder.*nothing was saved/);
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/Check that your account may write to the data folder/);
  });

  it('locked database (SQLITE_BUSY): STORE_LOCKED, asks to close the other copy of the app', async () => {
    services?.ctx.db.pragma('busy_timeout = 50');
    const otherCopy = new Database(dbFile());
    others.push(otherCopy);
    otherCopy.exec('BEGIN EXCLUSIVE');

    const envelope = await saveAnswer();

    expect(envelope).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/Close the other copy of CTPAT Validator/);
    otherCopy.exec('ROLLBACK');
    expect(expectValue(await saveAnswer())).toMatchObject({ result: 'COMPLIANT' });
  });

  it('corrupt database (SQLITE_CORRUPT): STORE_CORRUPT, asks to restore from backup or contact support', async () => {
    const db = services?.ctx.db as Database.Database;
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'criterion_responses'").get() as {
      rootpage: number;
    };
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    close(); // checkpoints the WAL into the file
    const fd = fs.openSync(dbFile(), 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    open();

    const envelope = await saveAnswer();

    expect(envelope).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/damaged.*Restore it from your latest backup.*support/);
  });
});

describe('a data folder the store cannot open says why, not a stack trace', () => {
  it('corrupt database file (SQLITE_NOTADB): STORE_CORRUPT naming the folder', () => {
    close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile()}${suffix}`, { force: true });
    fs.writeFileSync(dbFile(), Buffer.alloc(16_384, 0x5a));

    const error = openFailure();

    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toContain(`cannot open its data folder (${dataDir})`);
    expect(error.message).toMatch(/damaged\. Do not delete or edit the data folder/);
  });

  it('read-only database file (SQLITE_READONLY): STORE_READ_ONLY at open, not on the first save', () => {
    close();
    // Write format version 3 in the header: every SQLite (root's too) may then only read the file.
    const fd = fs.openSync(dbFile(), 'r+');
    fs.writeSync(fd, Buffer.from([3]), 0, 1, 18);
    fs.closeSync(fd);

    const error = openFailure();

    expect(error.code).toBe('STORE_READ_ONLY');
    expect(error.message).toContain(`cannot open its data folder (${dataDir})`);
    expect(error.message).toMatch(/Check that your account may write to the data folder/);
  });
});
