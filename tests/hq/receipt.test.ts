import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ANALYST,
  BACKENDS,
  completed,
  createValidation,
  DANA,
  enrol,
  evidenceChange,
  LEE,
  makeValidation,
  push,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  submitChange,
  useHqBackend,
} from './helpers';

describe.each(BACKENDS)('HQ validation receipts on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const receipt = (token: string, id: string) =>
    ctx.app.inject({
      method: 'GET',
      url: `/v1/validations/${id}/receipt`,
      headers: { authorization: `Bearer ${token}` },
    });

  it('reports a submitted validation complete only when every evidence file is held', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const sha = 'b'.repeat(64);
    const evidence = evidenceChange(v.id, sha);
    const full = completed(v, [evidence]);
    const submit = submitChange(v, full);
    await push(ctx, dana.token, { changes: [createValidation(v), ...full, submit] });
    const missing = await receipt(dana.token, v.id);
    expect(missing.statusCode).toBe(200);
    expect(missing.json()).toEqual({
      validationId: v.id,
      status: 'SUBMITTED',
      contentSha256: submit.payload.contentSha256,
      missingEvidence: [sha],
      complete: false,
    });
    await ctx.db.query('INSERT INTO evidence_files (sha256, size_bytes, received_at) VALUES ($1, 10, now())', [sha]);
    // Held, but sent by another SCSS: not yet a file this validation's readers can fetch.
    const other = await enrol(ctx, LEE);
    const holds = 'INSERT INTO evidence_file_holders (sha256, user_id, received_at) VALUES ($1, $2, now())';
    await ctx.db.query(holds, [sha, other.userId]);
    expect((await receipt(dana.token, v.id)).json()).toMatchObject({ missingEvidence: [sha], complete: false });
    await ctx.db.query(holds, [sha, dana.userId]);
    expect((await receipt(dana.token, v.id)).json()).toMatchObject({ missingEvidence: [], complete: true });
  });

  it('shows a validation to its owner, its field office and HQ analysts only', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const seen = async (who: Parameters<typeof enrol>[1]) =>
      (await receipt((await enrol(ctx, who)).token, v.id)).statusCode;
    expect((await receipt(dana.token, v.id)).statusCode).toBe(200);
    expect(await seen(REVIEWER)).toBe(200);
    expect(await seen(ANALYST)).toBe(200);
    expect(await seen(LEE)).toBe(403);
    expect(await seen(REVIEWER_ELSEWHERE)).toBe(403);
    expect((await receipt(dana.token, randomUUID())).statusCode).toBe(404);
    expect((await receipt(dana.token, 'nope')).statusCode).toBe(400);
  });
});
