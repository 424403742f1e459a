import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas } from '../../db/connection';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import type { Channel } from '../../shared/ipc/channels';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { type BigStore, buildBigStore } from './big-store';
import { compareSaveAnswer, printSaveAnswer } from './save-answer.bench';
import { fmt, fmtStats, summarize, timeAsyncMs, timeMs } from './stats';

const ACTOR = 'bench.scss';

function dispatcherFor(services: AppServices): Dispatch {
  const handlers = createHandlers(services.ctx, {
    version: 'bench',
    dataDir: services.dataDir,
    transport: 'web-harness',
  });
  return createDispatcher(handlers, (message, error) => console.error(message, error));
}

/** A request through the real dispatcher (zod parsing included); an error envelope stops the benchmark. */
async function call<C extends Channel>(dispatch: Dispatch, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const envelope = await dispatch(channel, request);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as ResponseOf<C>;
}

const LONG_NOTE =
  'Reviewed the written procedure with the security manager and sampled five shipments from the last quarter. ' +
  'Seal numbers on the bills of lading matched the seal log; the log is kept in the guard house and reviewed weekly.';

/**
 * A full worksheet as an SCSS leaves it: 150 criteria answered with notes and verification methods, three sites,
 * findings on the deficient rows and some best-practice observations. Written through the dispatcher.
 */
async function fillWorksheet(dispatch: Dispatch, services: AppServices) {
  // An importer with earlier submitted validations, so the worksheet also carries the previous results.
  const memberId = services.ctx.db
    .prepare(
      `SELECT member_id FROM validations WHERE entity_type = 'IMP' AND status = 'SUBMITTED'
        GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const validation = await call(dispatch, 'validations:create', {
    memberId,
    entityType: 'IMP',
    mode: 'IN_PERSON',
    scheduledDate: '2026-12-31',
  });
  const validationId = validation.id;
  const siteTypes = ['MAIN_OFFICE', 'WAREHOUSE', 'DISTRIBUTION_CENTER'] as const;
  const sites: Array<ResponseOf<'sites:save'>> = [];
  for (const [i, siteType] of siteTypes.entries()) {
    sites.push(
      await call(dispatch, 'sites:save', {
        validationId,
        name: `Bench site ${i + 1}`,
        address: `${100 + i} Industrial Blvd, Laredo, TX 78045`,
        siteType,
        visitDate: '2026-12-31',
      }),
    );
  }
  const worksheet = await call(dispatch, 'worksheet:open', { validationId });
  let findings = 0;
  for (const [i, criterion] of worksheet.criteria.entries()) {
    const result = i % 12 === 5 ? 'DEFICIENT' : i % 15 === 7 ? 'NOT_APPLICABLE' : 'COMPLIANT';
    await call(dispatch, 'responses:save', {
      validationId,
      criterionId: criterion.id,
      result,
      notes: `${criterion.id}: ${LONG_NOTE.slice(0, 80 + ((i * 37) % 140))}`,
      verificationMethods: i % 3 === 0 ? ['OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED'] : ['DOCUMENT_REVIEWED'],
      siteId: i % 2 === 0 ? (sites[i % sites.length]?.id ?? null) : null,
      ...(result === 'NOT_APPLICABLE' ? { naJustification: 'The Member does not ship by this mode.' } : {}),
    });
    if (result === 'DEFICIENT') {
      findings++;
      await call(dispatch, 'findings:save', {
        validationId,
        criterionId: criterion.id,
        classification: findings % 3 === 0 ? 'RECOMMENDATION' : 'ACTION_REQUIRED',
        reasonCode: 'PARTIALLY_IMPLEMENTED',
        description: `Finding on ${criterion.id}: ${LONG_NOTE}`,
        dueDate: '2027-03-31',
      });
    }
  }
  for (const category of [1, 3, 5, 7, 9, 12]) {
    await call(dispatch, 'observations:save', {
      validationId,
      category,
      text: `Best practice in category ${category}: ${LONG_NOTE}`,
    });
  }
  return { validationId, memberId };
}

function printLine(label: string, text: string) {
  console.log(`  ${label.padEnd(44)} ${text}`);
}

/** Worksheet open, save-answer and validations list against a 5,000-validation store. */
export async function benchAtScale(options: { opens?: number; listRuns?: number } = {}): Promise<void> {
  const opens = options.opens ?? 200;
  const listRuns = options.listRuns ?? 50;
  let store: BigStore | undefined;
  let services: AppServices | undefined;
  try {
    store = buildBigStore();
    const { counts } = store;
    console.log('Store at scale (seeded by direct SQL in one transaction, then opened by the app in WAL mode)');
    printLine(
      'seeding',
      `${(store.seedMs / 1000).toFixed(1)} s: ${counts.members} Members, ${counts.validations} validations, ` +
        `${counts.responses.toLocaleString('en-US')} responses, ${counts.auditRows.toLocaleString('en-US')} audit rows, ` +
        `${counts.outboxRows.toLocaleString('en-US')} outbox rows; ${store.fileMb.toFixed(0)} MB`,
    );

    services = openAppServices({ dataDir: store.dataDir, actor: ACTOR });
    let dispatch = dispatcherFor(services);
    const fillMs = performance.now();
    const target = await fillWorksheet(dispatch, services);
    const opened = await call(dispatch, 'worksheet:open', { validationId: target.validationId });
    printLine(
      'test worksheet (through the dispatcher)',
      `${((performance.now() - fillMs) / 1000).toFixed(1)} s: ${opened.criteria.length} criteria, ` +
        `${opened.responses.filter((r) => r.result !== null).length} answered, ${opened.sites.length} sites, ` +
        `${opened.findings.length} findings, ${opened.observations.length} observations, ` +
        `${opened.previousResults.length} previous results`,
    );
    if (opened.criteria.length !== 150) throw new Error(`expected 150 criteria, got ${opened.criteria.length}`);

    // 1. Opening the worksheet, request to data.
    const request = { validationId: target.validationId };
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A new connection: empty statement, edition and SQLite page caches (the OS file cache stays warm).
      services.close();
      services = openAppServices({ dataDir: store.dataDir, actor: ACTOR });
      dispatch = dispatcherFor(services);
      const d = dispatch;
      cold.push(await timeAsyncMs(() => call(d, 'worksheet:open', request)));
    }
    const warm: number[] = [];
    for (let i = 0; i < opens; i++) warm.push(await timeAsyncMs(() => call(dispatch, 'worksheet:open', request)));
    // The web harness adds JSON: the server parses the body and stringifies the envelope; the page parses it.
    const viaJson: number[] = [];
    const stringifyOnly: number[] = [];
    let bytes = 0;
    const body = JSON.stringify(request);
    for (let i = 0; i < opens; i++) {
      viaJson.push(
        await timeAsyncMs(async () => {
          const envelope = await dispatch('worksheet:open', JSON.parse(body));
          if (!envelope.ok) throw new Error(`worksheet:open failed: ${envelope.error.message}`);
          let text = '';
          stringifyOnly.push(
            timeMs(() => {
              text = JSON.stringify(envelope);
            }),
          );
          bytes = Buffer.byteLength(text);
          JSON.parse(text);
        }),
      );
    }
    console.log(
      '\nOpen a 150-criterion worksheet, request to data (worksheet:open through the dispatcher, zod included)',
    );
    const coldStats = summarize(cold);
    printLine(
      'cold: first open on a new connection',
      `first ${fmt(cold[0] ?? Number.NaN)}; over ${cold.length} reopenings median ${fmt(coldStats.median)}, max ${fmt(coldStats.max)}`,
    );
    printLine('warm', fmtStats(summarize(warm)));
    printLine('web harness: + JSON body, envelope and page', fmtStats(summarize(viaJson)));
    printLine(
      '  of which JSON.stringify(envelope)',
      `${fmtStats(summarize(stringifyOnly))}; ${(bytes / 1024).toFixed(0)} KB`,
    );
    console.log('  budget: ≤ 100 ms');

    // 3. The validations list at that size.
    console.log(`\nValidations list at ${counts.validations} validations (validations:list through the dispatcher)`);
    const filters: Array<[string, RequestOf<'validations:list'>]> = [
      ['unfiltered (newest 1,000)', {}],
      ['by Member', { memberId: target.memberId }],
      ['by status IN_PROGRESS', { status: 'IN_PROGRESS' }],
      ['by status SUBMITTED', { status: 'SUBMITTED' }],
      ['by date (one quarter)', { scheduledFrom: '2026-01-01', scheduledTo: '2026-03-31' }],
      ['by date (one year)', { scheduledFrom: '2025-01-01', scheduledTo: '2025-12-31' }],
      [
        'by Member + status + date',
        { memberId: target.memberId, status: 'SUBMITTED', scheduledFrom: '2023-01-01', scheduledTo: '2026-12-31' },
      ],
    ];
    for (const [label, filter] of filters) {
      let rows = 0;
      const first = await timeAsyncMs(async () => {
        rows = (await call(dispatch, 'validations:list', filter)).length;
      });
      const samples: number[] = [];
      for (let i = 0; i < listRuns; i++)
        samples.push(await timeAsyncMs(() => call(dispatch, 'validations:list', filter)));
      printLine(`${label}: ${rows} rows`, `${fmtStats(summarize(samples))}; first ${fmt(first)}`);
    }
    console.log('  budget: ≤ 50 ms');

    // 4. Each listed validation's sync tag (the Members and Reports screens ask for all, a save for its own).
    console.log(
      `\nSync states (sync:validations through the dispatcher; ${counts.outboxRows.toLocaleString('en-US')} outbox rows)`,
    );
    let tagged = 0;
    const allFirst = await timeAsyncMs(async () => {
      tagged = (await call(dispatch, 'sync:validations', {})).length;
    });
    const all: number[] = [];
    for (let i = 0; i < 5; i++) all.push(await timeAsyncMs(() => call(dispatch, 'sync:validations', {})));
    printLine(`every listed validation: ${tagged}`, `${fmtStats(summarize(all))}; first ${fmt(allFirst)}`);
    const one: number[] = [];
    for (let i = 0; i < listRuns; i++) {
      one.push(await timeAsyncMs(() => call(dispatch, 'sync:validations', { validationId: target.validationId })));
    }
    printLine('one validation (after each save)', fmtStats(summarize(one)));

    // 2. Saving an answer in that store; the raw table lives in the same file, on the same connection.
    console.log('');
    printSaveAnswer(
      await compareSaveAnswer({
        ctx: services.ctx,
        validationId: target.validationId,
        raw: services.ctx.db,
        checkpoints: services.checkpoints,
        preGrowWal: true,
      }),
      `Save one answer at ${counts.responses.toLocaleString('en-US')} responses (durable: WAL, synchronous=FULL)`,
      'raw upsert, same file and connection:   ',
    );
    // The skeleton's figure: the raw upsert in a file of its own, as in the small-store benchmark.
    const rawFile = path.join(store.dataDir, 'raw-own-file.sqlite3');
    const rawOwn = new Database(rawFile);
    applyPragmas(rawOwn);
    try {
      console.log('');
      printSaveAnswer(
        await compareSaveAnswer({
          ctx: services.ctx,
          validationId: target.validationId,
          raw: rawOwn,
          checkpoints: services.checkpoints,
          preGrowWal: true,
        }),
        `Save one answer at ${counts.responses.toLocaleString('en-US')} responses, raw baseline in its own file`,
        'raw upsert, own file, same pragmas:     ',
      );
    } finally {
      rawOwn.close();
    }
  } finally {
    services?.close();
    store?.remove();
  }
}
