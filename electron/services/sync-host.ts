import { downloadPulledEvidence } from '../sync/download-evidence';
import { createHttpPolicyTransport, pullHqPolicy } from '../sync/hq-policy';
import { createHttpMemberRecordTransport, pushMemberRecords } from '../sync/member-records';
import { pullFromHq } from '../sync/pull';
import { createHttpPullTransport } from '../sync/pull-transport';
import { uploadPendingEvidence } from '../sync/upload-evidence';
import type { ServiceContext } from './service-context';
import { keepHqPolicy } from './settings-service';
import type { SyncServiceOptions } from './sync-service';

/**
 * What every host (Electron main, the web harness) adds to a sync after the push: the steps that need
 * the HQ connection. Kept in one place so both hosts sync the same way.
 */
export function syncHostOptions(ctx: ServiceContext): Pick<SyncServiceOptions, 'extraSteps'> {
  return {
    extraSteps: (hq) => [
      {
        // After the outbox (an approval HQ must hold has reached it), before the pull brings HQ's record back.
        name: 'member-records',
        run: () => pushMemberRecords(ctx.db, createHttpMemberRecordTransport(hq), { now: ctx.now }),
      },
      {
        // Files follow their evidence records, which the push just delivered.
        name: 'evidence',
        run: (report) =>
          uploadPendingEvidence(ctx.db, ctx.dataDir, {
            baseUrl: hq.baseUrl,
            token: hq.token,
            ...(hq.fetch ? { fetch: hq.fetch } : {}),
            now: ctx.now,
            onProgress: (p) => report({ phase: 'evidence', done: p.bytesDone, total: p.bytesTotal }),
          }),
      },
      {
        // Last, so a validation pushed a moment ago is not held back as "changed locally".
        name: 'pull',
        run: async (report) => {
          report({ phase: 'pull', done: 0, total: 1 });
          const summary = await pullFromHq(ctx.db, createHttpPullTransport(hq), { now: ctx.now, actor: ctx.actor });
          report({ phase: 'pull', done: 1, total: 1 });
          return summary;
        },
      },
      {
        // HQ's policy (deficiency reasons, response days, evidence limit, marking) replaces this laptop's copy.
        name: 'policy',
        run: () => pullHqPolicy(createHttpPolicyTransport(hq), (received) => keepHqPolicy(ctx, received)),
      },
      {
        // The photos of validations pulled for review, so the reviewer sees what the SCSS saw.
        name: 'evidence-download',
        run: (report) =>
          downloadPulledEvidence(ctx.db, ctx.dataDir, {
            baseUrl: hq.baseUrl,
            token: hq.token,
            ...(hq.fetch ? { fetch: hq.fetch } : {}),
            onProgress: (p) => report({ phase: 'pull', done: p.filesDone, total: p.filesTotal }),
          }),
      },
    ],
  };
}
