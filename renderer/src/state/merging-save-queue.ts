/**
 * Saves of one record, sent one after another, each carrying every field edited before it. Two quick edits
 * (a classification, then a reason) must not each send the record as it was before both: the later save
 * would put back the field the earlier one changed, and whichever answer arrived last would win.
 */
export interface MergingSaveQueue<F extends object> {
  /** The fields as the SCSS last set them while a save is still on its way; null when all are stored. */
  pending(): F | null;
  /** Queues `change` on top of the pending fields (or `base` when none are pending) and sends it in turn. */
  save<R>(base: F, change: Partial<F>, send: (fields: F) => Promise<R>): Promise<R>;
}

export function createMergingSaveQueue<F extends object>(): MergingSaveQueue<F> {
  let latest: F | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    pending: () => latest,
    save(base, change, send) {
      const fields = { ...(latest ?? base), ...change };
      latest = fields;
      const run = tail.then(() => send(fields));
      // A refused save does not stop the ones after it: each is the SCSS's latest intent.
      tail = run.catch(() => undefined);
      const settle = () => {
        if (latest === fields) latest = null;
      };
      run.then(settle, settle);
      return run;
    },
  };
}
