import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../electron/services/report/write-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-report-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeFileAtomically', () => {
  it('writes the file whole and leaves nothing else in the folder', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFileAtomically(target, bytes('%PDF-1.7 whole'));
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 whole');
    expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('replaces an earlier report in one step', async () => {
    const target = path.join(dir, 'report.pdf');
    fs.writeFileSync(target, 'old report');
    await writeFileAtomically(target, bytes('new report'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new report');
    expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('leaves no half-written file when the write fails, and the earlier file as it was', async () => {
    // The target is a folder: the final rename fails after the bytes were written to the temporary file.
    const target = path.join(dir, 'report.pdf');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'untouched');
    await expect(writeFileAtomically(target, bytes('new report'))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['report.pdf']);
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('untouched');
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomically(path.join(dir, 'missing', 'report.pdf'), bytes('x'))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
