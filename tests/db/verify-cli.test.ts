import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditChainHead } from '../../db/audit-log';
import { DATABASE_FILE_NAME } from '../../electron/services/app-services';
import { saveResponse } from '../../electron/services/response-service';
import { importers, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { open, close, dataDir } = appServicesFixture('ctpat-verify-cli-');

type Run = { code: number; stdout: string; stderr: string };

/** `npm run verify -- …` without npm: the same tsx entry point, as a separate process. */
function runVerify(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [path.join(repoRoot, 'scripts', 'verify.ts'), ...args],
      { cwd: repoRoot, env: { ...process.env, CTPAT_DATA_DIR: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** Every file in the data folder with its SHA-256: proof the check changed nothing. */
function folderFingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

/** A closed data folder with one validation answered twice; returns its id and the head before closing. */
function closedStore() {
  const s = open();
  const [member] = importers(s);
  const v = newValidation(s, { member });
  saveResponse(s.ctx, { validationId: v.id, criterionId: '1.1', result: 'COMPLIANT' });
  saveResponse(s.ctx, { validationId: v.id, criterionId: '1.2', result: 'DEFICIENT' });
  const head = auditChainHead(s.ctx.db);
  close();
  return { validation: v, member, head };
}

function tamper(sql: string, ...params: unknown[]): void {
  const raw = new Database(path.join(dataDir(), DATABASE_FILE_NAME));
  raw.prepare(sql).run(...params);
  raw.close();
}

describe('npm run verify', () => {
  it('on an intact store prints what it checked and "Audit chain intact", exits 0 and changes nothing', async () => {
    const { head } = closedStore();
    const before = folderFingerprint(dataDir());
    const run = await runVerify(`--data-dir=${dataDir()}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Rows checked: ${head.count}`);
    expect(run.stdout).toMatch(/First entry: {2}#1, 2026-03-02T14:00:\d\d\.000Z/);
    expect(run.stdout).toContain(`Last entry:   #${head.seq}, `);
    expect(run.stdout).toContain(`Head hash:    ${head.hash}`);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('Audit chain intact');
    expect(folderFingerprint(dataDir())).toEqual(before);
  });

  it('on a tampered store prints the first broken row and the affected validation, and exits 1', async () => {
    const { validation, member } = closedStore();
    tamper(
      "UPDATE audit_log SET after_json = replace(after_json, 'DEFICIENT', 'COMPLIANT') WHERE entity_id = ?",
      `${validation.id}/1.2`,
    );
    const before = folderFingerprint(dataDir());
    const run = await runVerify(`--data-dir=${dataDir()}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Audit chain BROKEN at entry #\d+ \(recorded .+\): .*the row was edited/);
    expect(run.stdout).toContain(`criterion_response ${validation.id}/1.2`);
    expect(run.stdout).toContain(`${validation.id}  ${member.legalName}, scheduled ${validation.scheduledDate}`);
    expect(run.stdout).not.toContain('Audit chain intact');
    expect(folderFingerprint(dataDir())).toEqual(before);
  });

  it('held against a head recorded elsewhere, catches the newest rows deleted', async () => {
    const { head } = closedStore();
    tamper('DELETE FROM audit_log WHERE seq = ?', head.seq);
    expect((await runVerify(`--data-dir=${dataDir()}`)).code).toBe(0);
    const run = await runVerify(`--data-dir=${dataDir()}`, `--expect-head=${head.seq}:${head.hash}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Audit chain BROKEN at entry #${head.seq}: is missing`);
    expect(run.stdout).toContain('Affected validations: all of them');
  });

  it('says so, and exits 2, when the folder holds no store', async () => {
    const run = await runVerify(`--data-dir=${path.join(dataDir(), 'nowhere')}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No CTPAT Validator store at');
  });

  it('refuses an option it does not know, or a bare folder, rather than checking the default store', async () => {
    closedStore();
    const usage = 'Usage: npm run verify -- [--data-dir=PATH] [--expect-head=SEQ:HASH]';
    const mistyped = await runVerify(`--datadir=${dataDir()}`);
    expect(mistyped).toMatchObject({ code: 2, stdout: '' });
    expect(mistyped.stderr.trim()).toBe(`Unknown option '--datadir'. ${usage}`);
    const bare = await runVerify(dataDir());
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr.trim()).toBe(`Unexpected argument '${dataDir()}'. ${usage}`);
    // The folder as the next argument is the option's value, as the harness takes it.
    const spaced = await runVerify('--data-dir', dataDir());
    expect(spaced.code).toBe(0);
    expect(spaced.stdout.trim().split('\n').at(-1)).toBe('Audit chain intact');
  });
});
