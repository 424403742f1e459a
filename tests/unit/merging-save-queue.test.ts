import { describe, expect, it } from 'vitest';
import { createMergingSaveQueue } from '../../renderer/src/state/merging-save-queue';

type Fields = { classification: string; reason: string | null };
const stored: Fields = { classification: 'ACTION_REQUIRED', reason: null };

/** A send the test answers by hand, in any order. */
function heldSend() {
  const sent: { fields: Fields; answer: (ok: boolean) => void }[] = [];
  const send = (fields: Fields) =>
    new Promise<Fields>((resolve, reject) => {
      sent.push({ fields, answer: (ok) => (ok ? resolve(fields) : reject(new Error('refused'))) });
    });
  return { sent, send };
}
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('a queue of saves to one record', () => {
  it('sends the second edit only after the first, carrying both', async () => {
    const queue = createMergingSaveQueue<Fields>();
    const { sent, send } = heldSend();
    const first = queue.save(stored, { classification: 'RECOMMENDATION' }, send);
    // The screen still holds the stored record: the second edit is built on it, as a click handler would.
    const second = queue.save(stored, { reason: 'PARTIAL' }, send);
    expect(queue.pending()).toEqual({ classification: 'RECOMMENDATION', reason: 'PARTIAL' });
    await settled();
    expect(sent.map((s) => s.fields)).toEqual([{ classification: 'RECOMMENDATION', reason: null }]);
    sent[0]?.answer(true);
    await first;
    await settled();
    expect(sent[1]?.fields).toEqual({ classification: 'RECOMMENDATION', reason: 'PARTIAL' });
    expect(queue.pending()).toEqual({ classification: 'RECOMMENDATION', reason: 'PARTIAL' });
    sent[1]?.answer(true);
    await second;
    await settled();
    expect(queue.pending()).toBeNull();
  });

  it('goes on after a refused save, and starts from the stored record once nothing is pending', async () => {
    const queue = createMergingSaveQueue<Fields>();
    const { sent, send } = heldSend();
    const refused = queue.save(stored, { reason: 'RETIRED' }, send);
    const next = queue.save(stored, { classification: 'RECOMMENDATION' }, send);
    await settled();
    sent[0]?.answer(false);
    await expect(refused).rejects.toThrow('refused');
    await settled();
    expect(sent).toHaveLength(2);
    sent[1]?.answer(true);
    await next;
    await settled();
    expect(queue.pending()).toBeNull();
    void queue.save({ classification: 'RECOMMENDATION', reason: 'STORED' }, { reason: null }, send);
    await settled();
    expect(sent[2]?.fields).toEqual({ classification: 'RECOMMENDATION', reason: null });
  });
});
