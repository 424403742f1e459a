import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import { BACKENDS, DANA, enrol, type HqTestContext, useHqBackend } from './helpers';

const cursorOf = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

async function pull(ctx: HqTestContext, token: string, query: string) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/pull${query}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.statusCode, body: response.json() as { cursor?: string; error?: { message: string } } };
}

describe.each(BACKENDS)('crafted pull cursors on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('answers 400 naming the cursor, never a 500, to a cursor HQ did not issue', async () => {
    const dana = await enrol(ctx, DANA);
    const crafted = {
      'random base64': randomBytes(24).toString('base64url'),
      'more digits than any position': cursorOf('p1:99999999999999999999:1'),
      'beyond the transaction id range': cursorOf('p1:18446744073709551616:0'),
      'beyond the bigint range': cursorOf('p1:1:9223372036854775808'),
      'the largest positions, from the future': cursorOf('p1:18446744073709551615:9223372036854775807'),
      'a transaction id not yet used': cursorOf('p1:4000000000:1'),
      'negative transaction id': cursorOf('p1:-1:0'),
      'negative sequence': cursorOf('p1:1:-5'),
      'NUL inside': cursorOf('p1:1\u0000:1'),
      'NUL in the query': '%00',
      'leading zeros': cursorOf('p1:0001:1'),
      'trailing bytes': cursorOf('p1:1:1\n'),
      'two cursors': `${cursorOf('p1:1:1')}&cursor=${cursorOf('p1:1:1')}`,
    };
    for (const [what, cursor] of Object.entries(crafted)) {
      const { status, body } = await pull(ctx, dana.token, `?cursor=${cursor}`);
      expect(status, `${what}: ${JSON.stringify(body)}`).toBe(400);
      expect(body.error?.message, what).toMatch(/cursor/);
    }

    // The cursors HQ issues, and the start, are still followed.
    await publishCatalogEdition(ctx.db, msc201911Edition);
    const first = await pull(ctx, dana.token, '?limit=1');
    expect(first.status).toBe(200);
    const next = await pull(ctx, dana.token, `?cursor=${first.body.cursor}`);
    expect(next.status).toBe(200);
    expect(next.body.cursor).toBe(first.body.cursor);
    expect((await pull(ctx, dana.token, `?cursor=${cursorOf('p1:0:0')}`)).status).toBe(200);
  });

  it('answers 400 naming the limit to a limit out of range or not a number', async () => {
    const dana = await enrol(ctx, DANA);
    for (const limit of ['0', '-1', '201', '1e400', '99999999999999999999', 'NaN', '1.5', '', '0x10', '1&limit=2']) {
      const { status, body } = await pull(ctx, dana.token, `?limit=${limit}`);
      expect(status, `limit=${limit}: ${JSON.stringify(body)}`).toBe(400);
      expect(body.error?.message, limit).toMatch(/limit/);
    }
  });
});
