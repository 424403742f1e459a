import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  answersCompleting,
  BACKENDS,
  completed,
  createValidation,
  DANA,
  enrol,
  findingChange,
  makeValidation,
  personOf,
  REVIEWER,
  reviewChange,
  SUPERVISOR,
  sendChanges,
  submitChange,
  WORKFLOW_AT as T,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/**
 * A reviewer's decision is about the finding as they read it. Once the SCSS changes a finding after a return,
 * a concurrence given to its earlier words no longer counts toward approval, and a decision made on the old
 * words is refused.
 */

describe.each(BACKENDS)('a decision names the finding version it was made on, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('a concurrence on words the SCSS changed after a return does not count, and a decision on them is refused', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const pat = await enrol(ctx, SUPERVISOR);
    const asSam = personOf(sam, REVIEWER);
    const asPat = personOf(pat, SUPERVISOR);

    // Dana submits two findings; Sam concurs with both, then returns the validation for another reason.
    const v = makeValidation();
    const [f1, f2] = [randomUUID(), randomUUID()];
    const finding1 = findingChange(v.id, f1, { criterionId: '4.1' });
    const finding2 = findingChange(v.id, f2, { criterionId: '5.2' });
    const answers = answersCompleting(v, [finding1, finding2]);
    const submitted = await sendChanges(
      ctx,
      dana,
      createValidation(v),
      finding1,
      finding2,
      ...answers,
      submitChange(v, [finding1, finding2, ...answers], T.submitted),
    );
    expect(submitted.at(-1)).toMatchObject({ outcome: 'applied' });
    const concurred = await sendChanges(
      ctx,
      sam,
      reviewChange(v.id, f1, { reviewedBy: REVIEWER.name }),
      reviewChange(v.id, f2, { reviewedBy: REVIEWER.name }),
      workflowEventChange(v.id, 'RETURN', asSam, { comment: 'Add the site visit notes.', at: T.returned }),
    );
    expect(concurred.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);

    // Dana rewrites finding 4.1 (version 2) and resubmits; 5.2 is as Sam read it.
    const rewritten = findingChange(v.id, f1, {
      criterionId: '4.1',
      version: 2,
      description: 'Unique logins are enforced on every terminal but the shared dock PC.',
    });
    const resubmit = submitChange(v, [...answers, rewritten, finding2], T.resubmitted);
    expect((await sendChanges(ctx, dana, rewritten, resubmit)).map((r) => r.outcome)).toEqual(['applied', 'applied']);

    // The concurrence with 4.1's old words no longer counts: approval waits for a decision on the new ones.
    const approve = workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: T.approved });
    expect((await sendChanges(ctx, pat, approve))[0]).toMatchObject({
      outcome: 'conflict',
      reason: '1 finding has no concurring review decision yet; every finding needs one before approval',
    });

    // A decision made on a copy holding the old words (version 1) is refused, naming both versions.
    const onOldWords = await sendChanges(ctx, sam, reviewChange(v.id, f1, { reviewedBy: REVIEWER.name, version: 2 }));
    expect(onOldWords[0]).toMatchObject({
      outcome: 'conflict',
      reason: expect.stringMatching(
        /^findingVersion: this decision was made on version 1 of the finding, but the SCSS has changed it since \(HQ holds version 2\)/,
      ),
      current: { workflowState: 'SUBMITTED' },
    });
    // Nor may a decision name a version HQ has never held.
    const ahead = await sendChanges(
      ctx,
      sam,
      reviewChange(v.id, f1, { reviewedBy: REVIEWER.name, version: 2, findingVersion: 3 }),
    );
    expect(ahead[0]).toMatchObject({ outcome: 'conflict', reason: expect.stringMatching(/version 3 of the finding/) });

    // Sam concurs with the words as they are now; the approval goes through.
    const onNewWords = reviewChange(v.id, f1, { reviewedBy: REVIEWER.name, version: 2, findingVersion: 2 });
    expect((await sendChanges(ctx, sam, onNewWords))[0]).toMatchObject({ outcome: 'applied' });
    expect((await sendChanges(ctx, pat, approve))[0]).toMatchObject({ outcome: 'applied' });
  });

  it('refuses a decision that does not say which version of the finding it was made on', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const v = makeValidation();
    const f = randomUUID();
    const full = completed(v, [findingChange(v.id, f)]);
    const submitted = await sendChanges(ctx, dana, createValidation(v), ...full, submitChange(v, full, T.submitted));
    expect(submitted.at(-1)).toMatchObject({ outcome: 'applied' });

    const unnamed = reviewChange(v.id, f, { reviewedBy: REVIEWER.name });
    delete (unnamed.payload as { findingVersion?: number }).findingVersion;
    const [receipt] = await sendChanges(ctx, sam, unnamed);
    expect(receipt).toMatchObject({ outcome: 'invalid', reason: expect.stringMatching(/findingVersion/) });
    const held = await ctx.db.query("SELECT 1 FROM records WHERE entity = 'finding_review'");
    expect(held).toHaveLength(0);
  });
});
