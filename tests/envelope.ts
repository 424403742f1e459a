import type { Envelope } from '../shared/ipc/envelope';

/** The value of an answer the test expects to be ok; a refusal fails the test with its code and message. */
export function expectValue<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
