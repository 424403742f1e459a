import type { Message, MessageRef } from '../shared/messages';
import type { Receipt } from '../shared/sync/protocol';

/** A refused change as its receipt carries it: the outcome code, HQ's English and the same reason by key. */
export type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'told' | 'current'>;

/** The key and values of a message, without its English: what travels beside the English. */
export const refOf = ({ key, params }: Message): MessageRef => (params ? { key, params } : { key });

export function refusalOf(outcome: Refusal['outcome'], told: Message, current?: unknown): Refusal {
  const refusal: Refusal = { outcome, reason: told.message, told: refOf(told) };
  return current === undefined ? refusal : { ...refusal, current };
}

/** An error body (ApiErrorSchema): the stable code, HQ's English for logs and older laptops, and the key. */
export const errorBody = (code: string, told: Message) => ({
  error: { code, message: told.message },
  told: refOf(told),
});
