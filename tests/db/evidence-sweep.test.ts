import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { attachEvidence, deleteEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { evidenceFilePath, LEFTOVER_GRACE_MS, thumbnailFilePath } from '../../electron/services/evidence-store';
import { createValidation } from '../../electron/services/validation-service';
import type { Evidence } from '../../shared/domain/field-work';
import type { Validation } from '../../shared/domain/validation';
import { makePng } from '../unit/evidence-fixtures';
import { appServicesFixture } from './services-fixture';

const fixture = appServicesFixture('ctpat-evidence-sweep-');

function newValidation(services: AppServices): Validation {
  const member = listMembers(services.ctx.db).find((m) => m.entityType === 'IMP');
  if (!member) throw new Error('no demo importer');
  return createValidation(services.ctx, {
    memberId: member.id,
    entityType: 'IMP',
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
  });
}

async function attachPng(services: AppServices, validation: Validation, seed: number): Promise<Evidence> {
  const png = await makePng(64, 48, seed);
  return attachEvidence(
    services.ctx,
    {
      validationId: validation.id,
      criterionId: '9.6',
      findingId: null,
      fileName: `photo-${seed}.png`,
      mediaType: 'image/png',
      caption: '',
      source: { kind: 'bytes', base64: png.toString('base64') },
    },
    new PickedFileRegistry(),
  );
}

/** Writes a file as an interrupted attach would have, last touched `ageMs` ago. */
function leftover(file: string, ageMs = 10 * LEFTOVER_GRACE_MS): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, randomBytes(256));
  const then = new Date(Date.now() - ageMs);
  fs.utimesSync(file, then, then);
  return file;
}

/** Makes every file in the data folder old, so only what the sweep deliberately keeps can survive it. */
function ageEverything(dir: string): void {
  const then = new Date(Date.now() - 10 * LEFTOVER_GRACE_MS);
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), then, then);
  }
}

const randomSha = () => createHash('sha256').update(randomBytes(32)).digest('hex');

describe('sweeping what an interrupted attach left behind, when the data folder opens', () => {
  it('deletes staging files and files no evidence row names, and keeps every file a row names', async () => {
    const dataDir = fixture.dataDir();
    let services = fixture.open();
    const validation = newValidation(services);
    const kept = await attachPng(services, validation, 1);
    const removed = await attachPng(services, validation, 2);
    deleteEvidence(services.ctx, { validationId: validation.id, evidenceId: removed.id, reason: 'Wrong dock' });
    fixture.close();

    const orphan = randomSha();
    const strays = [
      leftover(path.join(dataDir, 'evidence', '.staging', `${randomUUID()}.part`)),
      leftover(evidenceFilePath(dataDir, orphan)),
      leftover(thumbnailFilePath(dataDir, orphan)),
      leftover(`${thumbnailFilePath(dataDir, kept.sha256)}.${randomUUID()}.part`),
    ];
    const notTheStores = leftover(path.join(dataDir, 'evidence', 'notes.txt'));
    ageEverything(dataDir);

    services = fixture.open();

    for (const file of strays) expect(fs.existsSync(file), file).toBe(false);
    for (const evidence of [kept, removed]) {
      expect(fs.existsSync(evidenceFilePath(dataDir, evidence.sha256))).toBe(true);
      expect(fs.existsSync(thumbnailFilePath(dataDir, evidence.sha256))).toBe(true);
    }
    expect(fs.existsSync(notTheStores)).toBe(true);
  });

  it('keeps a leftover written moments ago: another copy of the app may still be attaching it', () => {
    const dataDir = fixture.dataDir();
    fixture.open();
    fixture.close();
    const staging = leftover(path.join(dataDir, 'evidence', '.staging', `${randomUUID()}.part`), 0);
    const stored = leftover(evidenceFilePath(dataDir, randomSha()), 0);

    fixture.open();

    expect(fs.existsSync(staging)).toBe(true);
    expect(fs.existsSync(stored)).toBe(true);
  });
});
