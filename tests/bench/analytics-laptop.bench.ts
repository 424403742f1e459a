import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installCatalogEdition } from '../../db/queries/catalog-editions';
import { computeLocalView } from '../../electron/services/analytics/local-analytics';
import { openAppServices } from '../../electron/services/app-services';
import { worksheetCriteria } from '../../electron/services/catalog-service';
import { ANALYTICS_VIEWS, type AnalyticsViewName } from '../../shared/analytics/views';
import { BENCH_EDITION_ID, buildSyntheticEdition } from './big-store';
import { fmt, summarize, timeMs } from './stats';

/** Architecture budget: the local dashboard within 200 ms on a 5,000-validation store. */
const BUDGET_MS = 200;
const REASONS = ['NO_WRITTEN_PROCEDURE', 'NOT_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'TRAINING_GAP', 'OTHER'];

export type AnalyticsLaptopResult = {
  validations: number;
  responses: number;
  findings: number;
  seedMs: number;
  perView: Array<{ view: AnalyticsViewName; medianMs: number; p99Ms: number; runs: number }>;
};

/**
 * 5,000 submitted validations of 500 Members over 2023–2026 (30% virtual with a timed session), 120 answers
 * each (about 8% deficient, each with an AR or Recommendation finding and a reason), 5% awaiting the Member's
 * response. Seeded by direct SQL for speed (the services would take minutes), then each view timed.
 */
export async function benchAnalyticsLaptop(runs = 15): Promise<AnalyticsLaptopResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctpat-bench-analytics-'));
  try {
    const started = performance.now();
    const services = openAppServices({ dataDir: path.join(dir, 'app'), actor: 'bench.scss' });
    const db = services.ctx.db;
    const edition = buildSyntheticEdition(120);
    installCatalogEdition(db, edition, new Date().toISOString());
    const criteria = worksheetCriteria(edition, 'IMP');
    let seed = 12_345;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const counts = { validations: 0, responses: 0, findings: 0 };
    db.transaction(() => {
      const member = db.prepare(
        `INSERT INTO members (id, legal_name, account_number, entity_type, created_at) VALUES (?, ?, ?, 'IMP', '2022-12-01T00:00:00.000Z')`,
      );
      const validation = db.prepare(
        `INSERT INTO validations (id, member_id, entity_type, mode, catalog_edition_id, status, scheduled_date, created_at,
           updated_at, submitted_at, created_by, workflow_state) VALUES (?, ?, 'IMP', ?, ?, 'SUBMITTED', ?, ?, ?, ?, 'bench', ?)`,
      );
      const response = db.prepare(
        `INSERT INTO criterion_responses (validation_id, criterion_id, result, notes, updated_at, updated_by)
         VALUES (?, ?, ?, 'Reviewed the procedure with the security manager.', ?, 'bench')`,
      );
      const finding = db.prepare(
        `INSERT INTO findings (id, validation_id, criterion_id, classification, reason_code, description, due_date,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'Gap found.', '2027-01-01', ?, ?)`,
      );
      const session = db.prepare(
        `INSERT INTO virtual_sessions (id, validation_id, platform, started_at, ended_at, created_at, updated_at)
         VALUES (?, ?, 'Teams', ?, ?, ?, ?)`,
      );
      const approval = db.prepare(
        `INSERT INTO workflow_events (id, validation_id, kind, comment, at, actor_json, report_date)
         VALUES (?, ?, 'APPROVE', '', ?, '{}', ?)`,
      );
      const members = Array.from({ length: 500 }, (_, i) => {
        const id = crypto.randomUUID();
        member.run(id, `Bench Member ${i}`, `BENCH-AN-${i}`);
        return id;
      });
      for (let i = 0; i < 5000; i++) {
        const id = crypto.randomUUID();
        const submittedMs = Date.UTC(2023, 0, 1) + Math.floor(rnd() * 4 * 365) * 86_400_000 + 36_000_000;
        const at = new Date(submittedMs).toISOString();
        const virtual = rnd() < 0.3;
        const awaiting = rnd() < 0.05;
        validation.run(
          id,
          members[i % 500],
          virtual ? 'VIRTUAL' : 'IN_PERSON',
          BENCH_EDITION_ID,
          at.slice(0, 10),
          at,
          at,
          at,
          awaiting ? 'AWAITING_RESPONSE' : 'SUBMITTED',
        );
        counts.validations++;
        for (const c of criteria) {
          const roll = rnd();
          const result = roll < 0.84 ? 'COMPLIANT' : roll < 0.92 ? 'DEFICIENT' : 'NOT_APPLICABLE';
          response.run(id, c.id, result, at);
          counts.responses++;
          if (result === 'DEFICIENT') {
            const reason = REASONS[Math.floor(rnd() * REASONS.length)] ?? null;
            finding.run(
              crypto.randomUUID(),
              id,
              c.id,
              rnd() < 0.6 ? 'ACTION_REQUIRED' : 'RECOMMENDATION',
              reason,
              at,
              at,
            );
            counts.findings++;
          }
        }
        if (virtual) {
          const minutes = 60 + Math.floor(rnd() * 180);
          session.run(crypto.randomUUID(), id, at, new Date(submittedMs + minutes * 60_000).toISOString(), at, at);
        }
        if (awaiting) approval.run(crypto.randomUUID(), id, at, at.slice(0, 10));
      }
    })();
    db.exec('ANALYZE');
    const seedMs = performance.now() - started;
    const context = { today: '2026-12-31', fieldOffice: 'Houston', userId: null };
    const perView = ANALYTICS_VIEWS.map((view) => {
      computeLocalView(db, { view, filters: {} }, context); // warm the statement cache and page cache
      const samples = Array.from({ length: runs }, () =>
        timeMs(() => computeLocalView(db, { view, filters: {} }, context)),
      );
      const stats = summarize(samples);
      return { view, medianMs: stats.median, p99Ms: stats.p99, runs };
    });
    services.close();
    return { ...counts, seedMs, perView };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printAnalyticsLaptop(result: AnalyticsLaptopResult): void {
  console.log(
    `Local analytics views — ${result.validations} submitted validations, ${result.responses} responses, ${result.findings} findings (seeded in ${(result.seedMs / 1000).toFixed(1)} s)`,
  );
  for (const v of result.perView) {
    const verdict = v.medianMs <= BUDGET_MS ? 'within' : 'OVER';
    console.log(
      `  ${v.view.padEnd(26)} median ${fmt(v.medianMs)}  max-ish ${fmt(v.p99Ms)}  (n=${v.runs})  budget ≤ ${BUDGET_MS} ms: ${verdict}`,
    );
  }
}
