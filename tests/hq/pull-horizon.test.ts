import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { pullPage } from '../../hq/pull';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import type { HqUser } from '../../shared/sync/protocol';
import { DANA, enrol, TEST_DATABASE_URL, useHqBackend } from './helpers';

// Only PostgreSQL runs writers side by side; PGlite has one connection, so no write is ever in flight during a pull.
describe('a pull while another writer is mid-transaction (PostgreSQL)', () => {
  const ctx = useHqBackend('postgres');
  let holder: pg.Client | null = null;

  /** Another connection holding a write transaction open, as a slow push from another laptop does. */
  async function openWriter(): Promise<pg.Client> {
    holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    return holder;
  }

  afterEach(async () => {
    await holder?.end();
    holder = null;
  });

  const user = async (): Promise<HqUser> => ({ id: (await enrol(ctx, DANA)).userId, ...DANA });

  it('returns a write that committed before the pull began, once the writer running then finishes', async () => {
    const dana = await user();
    const writer = await openWriter();
    await publishCatalogEdition(ctx.db, msc201911Edition);
    const page = await pullPage(ctx.db, dana, {}, { writerWait: { onWaiting: () => void writer.query('COMMIT') } });
    expect(page === 'bad_cursor' ? [] : page.catalogEditions.map((e) => e.id)).toEqual([msc201911Edition.id]);
  });

  it('answers with what is safe when the writer outlasts the wait, and the next pull skips nothing', async () => {
    const dana = await user();
    const writer = await openWriter();
    await publishCatalogEdition(ctx.db, msc201911Edition);
    const first = await pullPage(ctx.db, dana, {}, { writerWait: { maxMs: 30 } });
    if (first === 'bad_cursor') throw new Error('HQ refused its own starting cursor');
    expect(first.catalogEditions).toEqual([]);
    await writer.query('COMMIT');
    const next = await pullPage(ctx.db, dana, { cursor: first.cursor });
    expect(next === 'bad_cursor' ? [] : next.catalogEditions.map((e) => e.id)).toEqual([msc201911Edition.id]);
  });
});
