import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installCatalogEdition } from '../../db/queries/catalog-editions';
import { listMembers } from '../../db/queries/members';
import { openAppServices } from '../../electron/services/app-services';
import { saveFinding } from '../../electron/services/field-work-service';
import { saveResponse } from '../../electron/services/response-service';
import type { ServiceContext } from '../../electron/services/service-context';
import { submitValidation } from '../../electron/services/submission-service';
import { createValidation, openWorksheet } from '../../electron/services/validation-service';
import { createSyncEngine } from '../../electron/sync/sync-engine';
import { createHttpTransport } from '../../electron/sync/transport';
import { buildHqApp } from '../../hq/app';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import type { EntityType } from '../../shared/domain/entity-types';
import { BENCH_EDITION_ID, buildSyntheticEdition } from './big-store';
import { enrolBenchDevice, openBenchHqDb } from './hq-ingest.bench';

// HC (highway carrier) has the most criteria of any entity type in the bundled MSC-2019-11 catalog (98; IMP 93,
// FM 97); the benchmark edition tops every type up to 150 with generated criteria (big-store.ts).
const ENTITY_TYPE: EntityType = 'HC';
const CRITERIA = 150;

/**
 * One validation completed through the desktop services as an SCSS completes it: every criterion answered
 * (every tenth Deficient with a full finding, the rest Compliant with how it was verified), then submitted.
 */
function completeOneValidation(ctx: ServiceContext, memberId: string, n: number): void {
  const validation = createValidation(ctx, {
    memberId,
    entityType: ENTITY_TYPE,
    mode: 'IN_PERSON',
    scheduledDate: '2026-12-01',
  });
  const { criteria } = openWorksheet(ctx, validation.id);
  if (criteria.length !== CRITERIA || validation.catalogEditionId !== BENCH_EDITION_ID) {
    throw new Error(`expected ${CRITERIA} criteria of ${BENCH_EDITION_ID}, got ${criteria.length}`);
  }
  criteria.forEach((criterion, i) => {
    const deficient = i % 10 === 9;
    saveResponse(ctx, {
      validationId: validation.id,
      criterionId: criterion.id,
      result: deficient ? 'DEFICIENT' : 'COMPLIANT',
      verificationMethods: deficient ? ['DOCUMENT_REVIEWED', 'INTERVIEW'] : ['OBSERVED_ON_SITE'],
      notes: `Validation ${n}: reviewed ${criterion.id} with the terminal manager; procedure and records sampled.`,
    });
    if (deficient) {
      saveFinding(ctx, {
        validationId: validation.id,
        criterionId: criterion.id,
        classification: criterion.level === 'SHOULD' ? 'RECOMMENDATION' : 'ACTION_REQUIRED',
        reasonCode: 'NOT_IMPLEMENTED',
        description: `The carrier could not show that ${criterion.id} is implemented at the Laredo terminal.`,
        dueDate: '2027-03-01',
      });
    }
  });
  submitValidation(ctx, validation.id, 'Bench SCSS');
}

export type PushValidationsResult = {
  validations: number;
  buildMs: number;
  changes: number;
  pushMs: number;
  batches: number;
  where: string;
};

/**
 * The time to push 100 completed 150-criterion validations (no attachments) from a real desktop
 * store to HQ on PostgreSQL, through the desktop sync engine and its HTTP transport over a real socket.
 */
export async function benchPushValidations(count = 100): Promise<PushValidationsResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctpat-bench-push-'));
  const services = openAppServices({ dataDir: path.join(dir, 'app'), actor: 'bench.scss' });
  const bench = await openBenchHqDb();
  const app = buildHqApp({ db: bench.db });
  try {
    const { ctx } = services;
    const edition = buildSyntheticEdition(CRITERIA);
    installCatalogEdition(ctx.db, edition, new Date().toISOString());
    // HQ takes validations only on editions it knows: it publishes the benchmark edition, as it would a new MSC.
    await publishCatalogEdition(bench.db, edition);
    const member = listMembers(ctx.db).find((m) => m.entityType === ENTITY_TYPE);
    if (!member) throw new Error(`the demo seed has no ${ENTITY_TYPE} Member`);
    const buildStarted = performance.now();
    for (let n = 1; n <= count; n++) completeOneValidation(ctx, member.id, n);
    const buildMs = performance.now() - buildStarted;
    const changes = ctx.db.prepare('SELECT count(*) FROM sync_outbox WHERE parked_at IS NULL').pluck().get() as number;

    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const token = await enrolBenchDevice(bench.db);
    let batches = 0;
    const http = createHttpTransport({ baseUrl, token, timeoutMs: 120_000 });
    const engine = createSyncEngine({
      db: ctx.db,
      transport: {
        push: (batch) => {
          batches += 1;
          return http.push(batch);
        },
      },
    });
    const pushStarted = performance.now();
    const result = await engine.syncNow();
    const pushMs = performance.now() - pushStarted;
    if (!result.ok) throw new Error(`the push failed: ${result.error}`);
    if (result.summary.applied !== changes || result.summary.remaining !== 0) {
      throw new Error(`HQ did not apply everything: ${JSON.stringify(result.summary)} of ${changes}`);
    }
    const [held] = await bench.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM validations WHERE status = 'SUBMITTED'`,
    );
    if (held?.n !== count) throw new Error(`HQ holds ${held?.n} submitted validations, expected ${count}`);
    return { validations: count, buildMs, changes, pushMs, batches, where: bench.where };
  } finally {
    await app.close();
    await bench.dispose();
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPushValidations(result: PushValidationsResult): void {
  console.log(
    `Push ${result.validations} completed ${CRITERIA}-criterion ${ENTITY_TYPE} validations, no attachments, to HQ (${result.where})`,
  );
  const line = (label: string, text: string) => console.log(`  ${label.padEnd(52)} ${text}`);
  line('built and submitted through the desktop services', `${(result.buildMs / 1000).toFixed(1)} s (untimed setup)`);
  line(
    'sync engine → HTTP transport → HQ, real socket',
    `${(result.pushMs / 1000).toFixed(2)} s for ${result.changes.toLocaleString('en-US')} changes in ${result.batches} requests`,
  );
  line('rate', `${Math.round((result.changes / result.pushMs) * 1000).toLocaleString('en-US')} changes/s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printPushValidations(await benchPushValidations(Number(process.env.HQ_BENCH_VALIDATIONS ?? 100)));
}
