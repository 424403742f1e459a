import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { READ_LEDGER_SQL, readLedger } from '../../hq/push-store';
import { BACKENDS, DANA, enrol, useHqBackend } from './helpers';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * Every push reads the ledger rows of its up to 500 change ids. As `change_id = ANY($1)` PostgreSQL planned that
 * as a scan of the whole ledger (it was about 4 ms of each batch at 19,000 rows and grew with every change HQ
 * ever took); it must stay one primary-key lookup per id whatever the ledger holds.
 */
describe.each(BACKENDS)('HQ ledger lookup, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it("reads a batch's ledger rows by key, never by scanning the ledger", async () => {
    const { deviceId } = await enrol(ctx, DANA);
    await ctx.db.query(
      `INSERT INTO changes (change_id, content_sha256, device_id, validation_id, entity, entity_id, operation, received_at, outcome)
       SELECT gen_random_uuid(), repeat('a', 64), $1, gen_random_uuid(), 'site', g::text, 'upsert', now(), 'applied'
       FROM generate_series(1, 5000) AS g`,
      [deviceId],
    );
    const [held] = await ctx.db.query<{ change_id: string }>('SELECT change_id FROM changes LIMIT 1');
    await ctx.db.exec('ANALYZE changes');
    const ids = [...Array.from({ length: 499 }, () => randomUUID()), held?.change_id ?? ''];

    const [row] = await ctx.db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${READ_LEDGER_SQL}`, [ids]);
    const raw = row?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    const onLedger = nodes(plan[0].Plan).filter((n) => n['Relation Name'] === 'changes');
    expect(onLedger.map((n) => n['Node Type'])).toEqual(['Index Scan']);

    // The held row is found, also when asked for in upper case.
    const found = await readLedger(ctx.db, [...ids, held?.change_id.toUpperCase() ?? '']);
    expect(new Set(found.map((r) => r.change_id))).toEqual(new Set([held?.change_id]));
  });
});
