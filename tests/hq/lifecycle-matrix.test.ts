import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Validation } from '../../shared/domain/validation';
import type { Change } from '../../shared/sync/protocol';
import {
  ANALYST,
  BACKENDS,
  completed,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  findingChange,
  type HqTestContext,
  issuedReportSha256,
  LEE,
  makeValidation,
  memberResponseChange,
  personOf,
  push,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  reopenChange,
  reviewChange,
  SCSS_ELSEWHERE,
  SUPERVISOR,
  SUPERVISOR_ELSEWHERE,
  submitChange,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/**
 * Who may move a validation at HQ: every role, in the validation's field office and outside it, against every
 * transition, each tried on a validation of Dana's (Houston) placed where that transition is otherwise allowed.
 */

const TRANSITIONS = [
  'SUBMIT',
  'WITHDRAW',
  'START_REVIEW',
  'RETURN',
  'APPROVE',
  'ISSUE_REPORT',
  'CLOSE',
  'FINDING_REVIEW',
  'MEMBER_RESPONSE',
] as const;
type Transition = (typeof TRANSITIONS)[number];

const USERS = {
  'owner SCSS (Houston)': DANA,
  'another SCSS, same office': LEE,
  'an SCSS of another office': SCSS_ELSEWHERE,
  'reviewer, same office': REVIEWER,
  'reviewer, other office': REVIEWER_ELSEWHERE,
  'supervisor, same office': SUPERVISOR,
  'supervisor, other office': SUPERVISOR_ELSEWHERE,
  'HQ analyst': ANALYST,
} as const;
type Who = keyof typeof USERS;

const A = 'applied';
const F = 'forbidden';
type Outcome = typeof A | typeof F;

/** The spec: written out by hand, not computed with the rules under test. */
// biome-ignore format: the table is read as a table
const EXPECTED: Record<Who, readonly Outcome[]> = {
  //                            SUBMIT WITHDRAW START RETURN APPROVE ISSUE CLOSE REVIEW RESPONSE
  'owner SCSS (Houston)':       [A,    A,       F,    F,     F,      F,    A,    F,     A],
  'another SCSS, same office':  [F,    F,       F,    F,     F,      F,    F,    F,     F],
  'an SCSS of another office':  [F,    F,       F,    F,     F,      F,    F,    F,     F],
  'reviewer, same office':      [F,    F,       A,    A,     F,      F,    F,    A,     F],
  'reviewer, other office':     [F,    F,       F,    F,     F,      F,    F,    F,     F],
  'supervisor, same office':    [F,    F,       A,    A,     A,      A,    A,    A,     F],
  'supervisor, other office':   [F,    F,       F,    F,     F,      F,    F,    F,     F],
  'HQ analyst':                 [F,    F,       F,    F,     F,      F,    F,    F,     F],
};

/** Where each transition is tried from, and where it leaves the validation when applied. */
const FROM_AND_TO: Record<Transition, [string, string]> = {
  SUBMIT: ['IN_PROGRESS', 'SUBMITTED'],
  WITHDRAW: ['SUBMITTED', 'IN_PROGRESS'],
  START_REVIEW: ['SUBMITTED', 'IN_REVIEW'],
  RETURN: ['IN_REVIEW', 'RETURNED'],
  APPROVE: ['IN_REVIEW', 'APPROVED'],
  ISSUE_REPORT: ['APPROVED', 'AWAITING_RESPONSE'],
  CLOSE: ['AWAITING_RESPONSE', 'CLOSED'],
  FINDING_REVIEW: ['IN_REVIEW', 'IN_REVIEW'],
  MEMBER_RESPONSE: ['AWAITING_RESPONSE', 'AWAITING_RESPONSE'],
};

/** A placed validation: its finding, and everything it holds once its worksheet is completed (`content`). */
type Placed = { validation: Validation; findingId: string; finding: Change; content: Change[]; sha256: string };

/** The most changes one push carries (shared/sync/protocol.ts). */
const PUSH_LIMIT = 500;

/** Pushes the changes in order, in as many pushes as the limit needs, and expects every one applied. */
async function pushAllApplied(ctx: HqTestContext, who: Enrolled, changes: Change[]) {
  for (let from = 0; from < changes.length; from += PUSH_LIMIT) {
    const { status, body } = await push(ctx, who.token, { changes: changes.slice(from, from + PUSH_LIMIT) });
    expect(status).toBe(200);
    const refused = body.receipts.filter((r) => r.outcome !== 'applied');
    expect(refused, 'setup changes refused').toEqual([]);
  }
}

/**
 * One validation per (user, transition), all set up together in a handful of batches: Dana creates, completes and
 * submits, Sam starts the review and concurs, Pat approves and issues the report, Dana records an accepted Member
 * response, each only as far as the transition tried on it needs.
 */
async function placeValidations(
  ctx: HqTestContext,
  people: { dana: Enrolled; sam: Enrolled; pat: Enrolled },
): Promise<Record<Who, Record<Transition, Placed>>> {
  const placed = {} as Record<Who, Record<Transition, Placed>>;
  const stages = { dana: [] as Change[], sam: [] as Change[], pat: [] as Change[], responses: [] as Change[] };
  const sam = personOf(people.sam, REVIEWER);
  const pat = personOf(people.pat, SUPERVISOR);
  const dana = personOf(people.dana, DANA);
  const oneOf = (state: string, ...states: string[]) => states.includes(state);

  for (const who of Object.keys(USERS) as Who[]) {
    placed[who] = {} as Record<Transition, Placed>;
    for (const transition of TRANSITIONS) {
      const validation = makeValidation();
      const findingId = randomUUID();
      const finding = findingChange(validation.id, findingId);
      const content = completed(validation, [finding]);
      const submit = submitChange(validation, content);
      const sha256 = String(submit.payload.contentSha256);
      placed[who][transition] = { validation, findingId, finding, content, sha256 };
      const [from] = FROM_AND_TO[transition];
      const v = validation.id;

      stages.dana.push(createValidation(validation), ...content);
      if (from === 'IN_PROGRESS') continue;
      stages.dana.push(submit);
      if (oneOf(from, 'IN_REVIEW', 'APPROVED', 'AWAITING_RESPONSE')) {
        stages.sam.push(workflowEventChange(v, 'START_REVIEW', sam));
      }
      if (transition === 'APPROVE' || oneOf(from, 'APPROVED', 'AWAITING_RESPONSE')) {
        stages.sam.push(reviewChange(v, findingId, { reviewedBy: REVIEWER.name }));
      }
      if (oneOf(from, 'APPROVED', 'AWAITING_RESPONSE')) {
        stages.pat.push(workflowEventChange(v, 'APPROVE', pat, { reportDate: '2026-11-20' }));
      }
      if (from === 'AWAITING_RESPONSE') {
        stages.pat.push(
          workflowEventChange(v, 'ISSUE_REPORT', pat, { reportSha256: reportShaOf(placed[who][transition]) }),
        );
      }
      if (transition === 'CLOSE') {
        stages.responses.push(memberResponseChange(v, findingId, { assessment: 'ACCEPTED', assessedBy: dana }));
      }
    }
  }
  await pushAllApplied(ctx, people.dana, stages.dana);
  await pushAllApplied(ctx, people.sam, stages.sam);
  await pushAllApplied(ctx, people.pat, stages.pat);
  await pushAllApplied(ctx, people.dana, stages.responses);
  return placed;
}

/** What the report of a placed validation asserts once approved on 2026-11-20 with its finding concurred. */
const reportShaOf = (p: Placed) =>
  issuedReportSha256(
    p.validation.id,
    p.sha256,
    '2026-11-20',
    [p.finding],
    [{ findingId: p.findingId, decision: 'CONCUR' }],
  );

/** The change this user sends to make this transition, in their own name. */
function attempt(transition: Transition, placed: Placed, enrolled: Enrolled, user: (typeof USERS)[Who]): Change {
  const v = placed.validation.id;
  const me = personOf(enrolled, user);
  switch (transition) {
    case 'SUBMIT':
      return submitChange(placed.validation, placed.content);
    case 'WITHDRAW':
      return reopenChange(v);
    case 'START_REVIEW':
    case 'CLOSE':
      return workflowEventChange(v, transition, me);
    case 'RETURN':
      return workflowEventChange(v, 'RETURN', me, { comment: 'Attach the access-control policy for finding 4.1.' });
    case 'APPROVE':
      return workflowEventChange(v, 'APPROVE', me, { reportDate: '2026-11-20' });
    case 'ISSUE_REPORT':
      return workflowEventChange(v, 'ISSUE_REPORT', me, { reportSha256: reportShaOf(placed) });
    case 'FINDING_REVIEW':
      return reviewChange(v, placed.findingId, { reviewedBy: user.name });
    case 'MEMBER_RESPONSE':
      return memberResponseChange(v, placed.findingId, { assessment: 'NOT_ACCEPTED', assessedBy: me });
  }
}

describe.each(BACKENDS)('who may move a validation at HQ, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('applies each transition for exactly the roles and offices the table allows, and refuses the rest as forbidden', async () => {
    const enrolled = {} as Record<Who, Enrolled>;
    for (const who of Object.keys(USERS) as Who[]) enrolled[who] = await enrol(ctx, USERS[who]);
    const placed = await placeValidations(ctx, {
      dana: enrolled['owner SCSS (Houston)'],
      sam: enrolled['reviewer, same office'],
      pat: enrolled['supervisor, same office'],
    });

    // Every validation is where its transition is otherwise allowed.
    const stateOf = async () =>
      new Map(
        (await ctx.db.query<{ id: string; workflow_state: string }>('SELECT id, workflow_state FROM validations')).map(
          (r) => [r.id, r.workflow_state],
        ),
      );
    const before = await stateOf();
    for (const who of Object.keys(USERS) as Who[]) {
      for (const transition of TRANSITIONS) {
        expect(before.get(placed[who][transition].validation.id), `${who} / ${transition}`).toBe(
          FROM_AND_TO[transition][0],
        );
      }
    }

    const answered = {} as Record<Who, Outcome[]>;
    const reasons: string[] = [];
    for (const who of Object.keys(USERS) as Who[]) {
      const changes = TRANSITIONS.map((t) => attempt(t, placed[who][t], enrolled[who], USERS[who]));
      const { body } = await push(ctx, enrolled[who].token, { changes });
      answered[who] = body.receipts.map((r) => r.outcome as Outcome);
      body.receipts.forEach((r, i) => {
        if (r.outcome === 'forbidden') reasons.push(`${who} / ${TRANSITIONS[i]}: ${r.reason}`);
        // A refusal for want of rights never shows the validation to the one refused.
        if (r.outcome === 'forbidden') expect(r.current, `${who} / ${TRANSITIONS[i]}`).toBeUndefined();
      });
    }
    expect(answered).toEqual(EXPECTED);
    expect(reasons.every((r) => /: \S/.test(r))).toBe(true);

    // Applied transitions moved their validation; refused ones left it where it was.
    const after = await stateOf();
    for (const who of Object.keys(USERS) as Who[]) {
      TRANSITIONS.forEach((transition, i) => {
        const [from, to] = FROM_AND_TO[transition];
        const expected = EXPECTED[who][i] === A ? to : from;
        expect(after.get(placed[who][transition].validation.id), `${who} / ${transition}`).toBe(expected);
      });
    }
    // The review and the Member response are held exactly where they were applied.
    const held = await ctx.db.query<{ entity: string; validation_id: string }>(
      `SELECT entity, validation_id FROM records WHERE entity IN ('finding_review', 'member_response')`,
    );
    for (const who of Object.keys(USERS) as Who[]) {
      for (const [transition, entity] of [
        ['FINDING_REVIEW', 'finding_review'],
        ['MEMBER_RESPONSE', 'member_response'],
      ] as const) {
        const id = placed[who][transition].validation.id;
        const count = held.filter((r) => r.entity === entity && r.validation_id === id).length;
        expect(count, `${who} / ${transition}`).toBe(EXPECTED[who][TRANSITIONS.indexOf(transition)] === A ? 1 : 0);
      }
    }
  });
});
