import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildHqApp } from '../../hq/app';
import { AssignmentInputError, createAssignment } from '../../hq/assignments';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { migrateHqDb } from '../../hq/db/migrate';
import { issueEnrolmentCode, revokeDevice } from '../../hq/identity';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import { CatalogFormatError } from '../../shared/catalog/load';
import type { Validation } from '../../shared/domain/validation';
import type { Change } from '../../shared/sync/protocol';
import type { PullResponse } from '../../shared/sync/pull-protocol';
import { worksheetCriterionIds } from './changes';
import {
  ANALYST,
  answersCompleting,
  BACKENDS,
  countRows,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  type HqTestContext,
  LEE,
  makeValidation,
  openDbMigratedTo,
  push,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  reopenChange,
  responseChange,
  submitChange,
  useHqBackend,
} from './helpers';

const SUPERVISOR = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const LEE_IN_MIAMI = { ...LEE, name: 'Lee Refuse (Miami)', fieldOffice: 'Miami' } as const;

async function pull(ctx: HqTestContext, token: string | null, query = '') {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/pull${query}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, body: response.json() as PullResponse & { error?: { message: string } } };
}

type Pulled = { pages: number; editions: string[]; assignments: string[]; validations: string[]; cursor: string };

/** Follows the cursor page by page until HQ says nothing more waits, as a desktop does. */
async function pullToEnd(ctx: HqTestContext, token: string, limit: number, cursor?: string): Promise<Pulled> {
  const got: Pulled = { pages: 0, editions: [], assignments: [], validations: [], cursor: cursor ?? '' };
  for (;;) {
    const query = `?limit=${limit}${got.cursor ? `&cursor=${got.cursor}` : ''}`;
    const { status, body } = await pull(ctx, token, query);
    expect(status).toBe(200);
    got.pages += 1;
    expect(body.catalogEditions.length + body.assignments.length + body.validations.length).toBeLessThanOrEqual(limit);
    got.editions.push(...body.catalogEditions.map((e) => e.id));
    got.assignments.push(...body.assignments.map((a) => a.id));
    got.validations.push(...body.validations.map((v) => v.id));
    got.cursor = body.cursor;
    if (!body.hasMore) return got;
    if (got.pages > 100) throw new Error('pull never ended');
  }
}

const editionNumbered = (month: number) => ({
  ...structuredClone(msc201911Edition),
  id: `MSC-2020-${String(month).padStart(2, '0')}`,
  title: `Test edition ${month}`,
});

async function assign(ctx: HqTestContext, scss: Enrolled, account: string) {
  return createAssignment(ctx.db, {
    'member-name': `Member ${account}`,
    account,
    'entity-type': 'IMP',
    mode: 'IN_PERSON',
    'target-date': '2026-05-04',
    scss: scss.userId,
  });
}

/** The criteria of a validation on the bundled edition: every one is answered before a submit. */
const WORKSHEET = worksheetCriterionIds();

/** The validations pushed by validationBy and their content, so a test can sign a later submit over them. */
const pushedValidations = new Map<string, { validation: Validation; content: Change[] }>();

/** A validation pushed by the SCSS with 1.1 answered, and (unless told otherwise) completed and submitted. */
async function validationBy(ctx: HqTestContext, scss: Enrolled, submit = true): Promise<string> {
  const v = makeValidation();
  const content = [responseChange(v.id, '1.1', 1, 0, 'Gate log checked')];
  if (submit) content.push(...answersCompleting(v, content));
  pushedValidations.set(v.id, { validation: v, content });
  const changes = [createValidation(v), ...content];
  if (submit) changes.push(submitChange(v, content));
  const { body } = await push(ctx, scss.token, { changes });
  expect(body.receipts.map((r) => r.outcome)).toEqual(changes.map(() => 'applied'));
  return v.id;
}

const sorted = (ids: string[]) => [...ids].sort();

describe.each(BACKENDS)('HQ pull on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('returns every row in scope exactly once across pages, then nothing new until something changes', async () => {
    const dana = await enrol(ctx, DANA);
    const analyst = await enrol(ctx, ANALYST);
    const editions: string[] = [];
    for (const month of [1, 2, 3]) editions.push((await publishCatalogEdition(ctx.db, editionNumbered(month))).id);
    const assignments: string[] = [];
    for (const account of ['A-1', 'A-2', 'A-3', 'A-4']) assignments.push((await assign(ctx, dana, account)).id);
    const validations = [await validationBy(ctx, dana), await validationBy(ctx, dana)];

    for (const limit of [1, 2, 5]) {
      const mine = await pullToEnd(ctx, dana.token, limit);
      expect(mine.editions).toEqual(editions);
      expect(mine.assignments).toEqual(assignments);
      // An SCSS's own submitted validations come back too: returns, approvals and history reach the laptop.
      expect(mine.validations).toEqual(validations);
      // 3 editions, 4 assignments, 2 validations, and the 4 Members assigned (their field office's).
      expect(mine.pages).toBe(Math.ceil(13 / limit));
    }
    const everything = await pullToEnd(ctx, analyst.token, 2);
    expect(everything.editions).toEqual(editions);
    expect(everything.assignments).toEqual([]);
    expect(everything.validations).toEqual(validations);

    // Pulling again from the last cursor: empty, and the cursor stays where it was.
    const again = await pull(ctx, dana.token, `?cursor=${everything.cursor}`);
    expect(again.body).toEqual({
      catalogEditions: [],
      assignments: [],
      validations: [],
      members: [],
      memberRecordEvents: [],
      cursor: everything.cursor,
      hasMore: false,
      // The office's people come whole with every page (tests/hq/member-assignment.test.ts).
      officePeople: expect.any(Array),
    });

    // Only what changed after the cursor comes next.
    const { cursor: danaAtEnd } = await pullToEnd(ctx, dana.token, 10);
    const later = await assign(ctx, dana, 'A-5');
    const next = await pullToEnd(ctx, dana.token, 10, danaAtEnd);
    expect(next).toMatchObject({ editions: [], assignments: [later.id], validations: [] });
    // Her validations stay on her laptop until they are submitted.
    await validationBy(ctx, dana, false);
    expect((await pullToEnd(ctx, dana.token, 10, next.cursor)).validations).toEqual([]);
  });

  it('sends a reviewer each submitted validation of their office with its records, and again after it changes', async () => {
    const dana = await enrol(ctx, DANA);
    const reviewer = await enrol(ctx, REVIEWER);
    const id = await validationBy(ctx, dana);
    const first = await pull(ctx, reviewer.token);
    expect(first.body.validations).toHaveLength(1);
    const gateLog = `${id}/1.1`;
    // The answer to 1.1 and the submit in HQ's history, beside the rest of the worksheet's answers.
    const namedRecords = (v: PullResponse['validations'][number] | undefined) =>
      v?.records.filter((r) => r.entity !== 'criterion_response' || r.entityId === gateLog);
    const { records, ...sent } = first.body.validations[0] ?? { records: [] };
    expect(records.filter((r) => r.entity === 'criterion_response')).toHaveLength(WORKSHEET.length);
    expect(sent).toMatchObject({
      id,
      hqVersion: 2,
      status: 'SUBMITTED',
      workflowState: 'SUBMITTED',
      ownerUserId: dana.userId,
      fieldOffice: 'Houston',
      payload: { id, status: 'SUBMITTED', signedByName: 'Dana Ruiz' },
    });
    expect(namedRecords(first.body.validations[0])).toMatchObject([
      {
        entity: 'criterion_response',
        entityId: gateLog,
        version: 1,
        payload: { criterionId: '1.1', notes: 'Gate log checked' },
      },
      { entity: 'workflow_event', version: 1, payload: { kind: 'SUBMIT', actor: { name: 'Dana Ruiz' } } },
    ]);

    // Withdrawn (reopened): sent again, so the reviewer's copy shows it back with its SCSS; resubmitted with a
    // changed answer: sent again, once.
    const rechecked = responseChange(id, '1.1', 2, 1, 'Gate log re-checked');
    await push(ctx, dana.token, { changes: [reopenChange(id, '2026-11-21T10:00:00.000Z'), rechecked] });
    const whileReopened = await pull(ctx, reviewer.token, `?cursor=${first.body.cursor}`);
    expect(whileReopened.body.validations.map((v) => [v.id, v.status, v.workflowState])).toEqual([
      [id, 'IN_PROGRESS', 'IN_PROGRESS'],
    ]);
    const pushed = pushedValidations.get(id);
    if (!pushed) throw new Error(`validation ${id} was not pushed by validationBy`);
    await push(ctx, dana.token, { changes: [submitChange(pushed.validation, [...pushed.content, rechecked])] });
    const resubmitted = await pullToEnd(ctx, reviewer.token, 10, whileReopened.body.cursor);
    expect(resubmitted.validations).toEqual([id]);
    const latest = await pull(ctx, reviewer.token, `?cursor=${first.body.cursor}`);
    expect(latest.body.validations[0]?.records.find((r) => r.entityId === gateLog)).toMatchObject({
      version: 2,
      payload: { notes: 'Gate log re-checked' },
    });
  });

  it('puts a validation back in the pull when only one of its records changes or is deleted', async () => {
    const dana = await enrol(ctx, DANA);
    const analyst = await enrol(ctx, ANALYST);
    const id = await validationBy(ctx, dana);
    const { cursor } = await pullToEnd(ctx, analyst.token, 10);
    // A writer that touches records alone (a bulk ingest, an HQ correction) still moves the validation.
    await ctx.db.query(
      `UPDATE records SET payload = payload || '{"notes": "corrected at HQ"}' WHERE validation_id = $1`,
      [id],
    );
    const updated = await pull(ctx, analyst.token, `?cursor=${cursor}`);
    expect(updated.body.validations.map((v) => v.records[0]?.payload.notes)).toEqual(['corrected at HQ']);
    await ctx.db.query('DELETE FROM records WHERE validation_id = $1', [id]);
    const deleted = await pull(ctx, analyst.token, `?cursor=${updated.body.cursor}`);
    expect(deleted.body.validations.map((v) => [v.id, v.records])).toEqual([[id, []]]);
  });

  it('stamps validations received before this migration, so a reviewer’s first pull includes them', async () => {
    const older = await openDbMigratedTo(backend, 1);
    try {
      const [user] = await older.db.query<{ id: string }>(
        `INSERT INTO users (id, name, role, field_office) VALUES ($1, 'Dana Ruiz', 'SCSS', 'Houston') RETURNING id`,
        [randomUUID()],
      );
      const v = makeValidation();
      await older.db.query(
        `INSERT INTO validations (id, owner_user_id, field_office, status, content_sha256, version, payload, updated_at)
         VALUES ($1, $2, 'Houston', 'SUBMITTED', $3, 2, $4::jsonb, now())`,
        [v.id, user?.id, 'a'.repeat(64), JSON.stringify({ ...v, status: 'SUBMITTED' })],
      );
      await older.db.query(
        `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
         VALUES ('site', $1, $2, 1, '{"name": "Dock 4"}'::jsonb, now())`,
        [randomUUID(), v.id],
      );
      expect(await migrateHqDb(older.db)).toContain(2);
      const app = buildHqApp({ db: older.db });
      try {
        const { code } = await issueEnrolmentCode(older.db, REVIEWER);
        const enrolled = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: 'x' } });
        const { token } = enrolled.json() as { token: string };
        const pulled = await app.inject({
          method: 'GET',
          url: '/v1/pull',
          headers: { authorization: `Bearer ${token}` },
        });
        const body = pulled.json() as PullResponse;
        expect(body.validations.map((p) => [p.id, p.records.map((r) => r.payload.name)])).toEqual([[v.id, ['Dock 4']]]);
      } finally {
        await app.close();
      }
    } finally {
      await older.dispose();
    }
  });

  it('keeps each user to their scope', async () => {
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const leeMiami = await enrol(ctx, LEE_IN_MIAMI);
    const reviewer = await enrol(ctx, REVIEWER);
    const supervisor = await enrol(ctx, SUPERVISOR);
    const miamiReviewer = await enrol(ctx, REVIEWER_ELSEWHERE);
    const analyst = await enrol(ctx, ANALYST);
    const forDana = await assign(ctx, dana, 'D-1');
    const forLee = await assign(ctx, lee, 'L-1');
    const houstonSubmitted = await validationBy(ctx, dana);
    const houstonInProgress = await validationBy(ctx, lee, false);
    const miamiSubmitted = await validationBy(ctx, leeMiami);
    const miamiInProgress = await validationBy(ctx, leeMiami, false);

    const seen = async (who: Enrolled) => {
      const { assignments, validations } = await pullToEnd(ctx, who.token, 3);
      return { assignments, validations: sorted(validations) };
    };
    expect(await seen(dana)).toEqual({ assignments: [forDana.id], validations: [houstonSubmitted] });
    expect(await seen(lee)).toEqual({ assignments: [forLee.id], validations: [] });
    expect(await seen(leeMiami)).toEqual({ assignments: [], validations: [miamiSubmitted] });
    expect(await seen(reviewer)).toEqual({ assignments: [], validations: [houstonSubmitted] });
    expect(await seen(supervisor)).toEqual({ assignments: [], validations: [houstonSubmitted] });
    expect(await seen(miamiReviewer)).toEqual({ assignments: [], validations: [miamiSubmitted] });
    expect(await seen(analyst)).toEqual({ assignments: [], validations: sorted([houstonSubmitted, miamiSubmitted]) });
    for (const who of [reviewer, supervisor, miamiReviewer, analyst]) {
      const { validations } = await seen(who);
      expect(validations).not.toContain(houstonInProgress);
      expect(validations).not.toContain(miamiInProgress);
    }
  });

  it('refuses a missing or revoked token with 401 and a malformed cursor or limit with 400', async () => {
    const dana = await enrol(ctx, DANA);
    expect((await pull(ctx, null)).status).toBe(401);
    const good = await pull(ctx, dana.token);
    expect(good.status).toBe(200);
    for (const query of [
      '?cursor=not*base64',
      `?cursor=${Buffer.from('p1:12').toString('base64url')}`,
      `?cursor=${Buffer.from('p2:1:2').toString('base64url')}`,
      '?cursor=',
      '?limit=0',
      '?limit=100000',
      '?limit=ten',
      '?since=1',
    ]) {
      const { status, body } = await pull(ctx, dana.token, query);
      expect(status, query).toBe(400);
      expect(body.error?.message, query).toMatch(/cursor|limit|since/);
    }
    expect((await pull(ctx, null, `?cursor=${good.body.cursor}`)).status).toBe(401);
    await revokeDevice(ctx.db, dana.deviceId);
    expect((await pull(ctx, dana.token, `?cursor=${good.body.cursor}`)).status).toBe(401);
  });

  it('is described in the OpenAPI document with its query parameters and page shape', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const route = doc.paths['/v1/pull'].get;
    expect(route.security).toEqual([{ deviceToken: [] }]);
    expect(
      route.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required]),
    ).toEqual([
      ['cursor', 'query', false],
      ['limit', 'query', false],
    ]);
    const page = route.responses['200'].content['application/json'].schema;
    expect(page.required).toEqual(['catalogEditions', 'assignments', 'validations', 'cursor', 'hasMore']);
    expect(Object.keys(route.responses).sort()).toEqual(['200', '400', '401']);
  });

  it('assign: refuses bad input naming each option, and writes nothing', async () => {
    const dana = await enrol(ctx, DANA);
    const reviewer = await enrol(ctx, REVIEWER);
    const refusal = await createAssignment(ctx.db, {
      account: ' ',
      'entity-type': 'importer',
      mode: 'boat',
      'target-date': '2026-02-30',
      scss: 'dana',
      language: 'fr',
    }).catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(AssignmentInputError);
    const message = (refusal as Error).message;
    expect(message).toContain('--member-name: the Member company’s legal name is required');
    expect(message).toContain('--account: the Member’s CTPAT account number is required');
    expect(message).toContain('--entity-type: must be one of IMP, EXP, FM');
    expect(message).toContain('(got "importer")');
    expect(message).toContain('--mode: must be one of IN_PERSON, VIRTUAL (got "boat")');
    expect(message).toContain('--target-date: Use a date in the form YYYY-MM-DD (got "2026-02-30")');
    expect(message).toContain('--scss: must be the SCSS’s user id');
    expect(message).toContain('--language: must be one of en, es (got "fr")');

    const valid = { 'member-name': 'Gulf Imports', account: 'IMP-77', 'entity-type': 'imp', mode: 'in person' };
    await expect(
      createAssignment(ctx.db, { ...valid, 'target-date': '2026-05-04', scss: reviewer.userId }),
    ).rejects.toThrow(/--scss: Sam Ortiz is a FIELD_OFFICE_REVIEWER; validations are assigned to an SCSS/);
    await expect(
      createAssignment(ctx.db, { ...valid, 'target-date': '2026-05-04', scss: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }),
    ).rejects.toThrow(/--scss: HQ has no user 3f2504e0-4f89-41d3-9a0c-0305e82c3301/);
    expect(await countRows(ctx.db, 'assignments')).toBe(0);

    // Typed loosely, as an admin would: still the right codes, the SCSS's office, one Member id per account.
    const first = await createAssignment(ctx.db, { ...valid, 'target-date': '2026-05-04', scss: dana.userId });
    expect(first).toMatchObject({
      entityType: 'IMP',
      mode: 'IN_PERSON',
      targetDate: '2026-05-04',
      fieldOffice: 'Houston',
      member: { legalName: 'Gulf Imports', accountNumber: 'IMP-77', city: '', country: '' },
    });
    const second = await createAssignment(ctx.db, { ...valid, 'target-date': '2027-05-04', scss: dana.userId });
    expect(second.member.id).toBe(first.member.id);
    const pulled = await pull(ctx, dana.token);
    expect(pulled.body.assignments).toEqual([first, second]);
  });

  it('publish-catalog: refuses a malformed edition naming the entry, and never changes a published one', async () => {
    const broken = editionNumbered(4);
    const criterion = broken.criteria[3];
    if (!criterion) throw new Error('fixture edition too short');
    criterion.summary = 'Too short';
    const refusal = await publishCatalogEdition(ctx.db, broken).catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(CatalogFormatError);
    expect((refusal as Error).message).toContain(`criteria[3] (criterion ${criterion.id}) summary`);
    expect(await countRows(ctx.db, 'catalog_editions')).toBe(0);

    expect(await publishCatalogEdition(ctx.db, editionNumbered(4))).toEqual({
      id: 'MSC-2020-04',
      title: 'Test edition 4',
      outcome: 'published',
    });
    expect((await publishCatalogEdition(ctx.db, editionNumbered(4))).outcome).toBe('already-published');
    await expect(publishCatalogEdition(ctx.db, { ...editionNumbered(4), title: 'Changed title' })).rejects.toThrow(
      /MSC-2020-04 is already published with different content.*new id/,
    );
    const dana = await enrol(ctx, DANA);
    const { body } = await pull(ctx, dana.token);
    expect(body.catalogEditions.map((e) => [e.id, e.edition.title, e.edition.criteria.length])).toEqual([
      ['MSC-2020-04', 'Test edition 4', msc201911Edition.criteria.length],
    ]);
  });
});

describe('HQ pull with concurrent writers on postgres', () => {
  const ctx = useHqBackend('postgres');

  type Step = { sql: string; resolve: (rows: unknown[]) => void; reject: (error: unknown) => void } | 'commit';

  /** A transaction on its own connection that runs statements when told and commits only when told. */
  function heldTransaction() {
    const steps: Step[] = [];
    let wake: (() => void) | null = null;
    const nextStep = async (): Promise<Step> => {
      while (steps.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return steps.shift() as Step;
    };
    const done = ctx.db.transaction(async (tx) => {
      for (;;) {
        const step = await nextStep();
        if (step === 'commit') return;
        try {
          step.resolve(await tx.query(step.sql));
        } catch (error) {
          step.reject(error);
          throw error;
        }
      }
    });
    const send = (step: Step) => {
      steps.push(step);
      wake?.();
      wake = null;
    };
    return {
      query: <T>(sql: string) =>
        new Promise<T[]>((resolve, reject) => send({ sql, resolve: (rows) => resolve(rows as T[]), reject })),
      commit: async () => {
        send('commit');
        await done;
      },
    };
  }

  /** Inserts an assignment for Dana and answers the sequence value its trigger stamped. */
  const insertAssignment = async (
    tx: { query: <T>(sql: string) => Promise<T[]> },
    scss: Enrolled,
    account: string,
  ): Promise<number> => {
    const member = { id: randomUUID(), legalName: `M ${account}`, accountNumber: account, entityType: 'IMP' };
    const [row] = await tx.query<{ pull_seq: string }>(
      `INSERT INTO assignments (id, member, entity_type, mode, target_date, assigned_user_id, field_office)
       VALUES ('${randomUUID()}', '${JSON.stringify({ ...member, city: '', country: '' })}'::jsonb,
               'IMP', 'IN_PERSON', '2026-05-04', '${scss.userId}', 'Houston') RETURNING pull_seq`,
    );
    return Number(row?.pull_seq);
  };
  const idsByAccount = async () =>
    Object.fromEntries(
      (
        await ctx.db.query<{ id: string; account: string }>(
          `SELECT id, member->>'accountNumber' AS account FROM assignments`,
        )
      ).map((r) => [r.account, r.id]),
    );

  it('never skips a row whose transaction took the lower stamp but commits last', async () => {
    const dana = await enrol(ctx, DANA);
    const { cursor: start } = await pullToEnd(ctx, dana.token, 10);

    // Slow takes the lower stamp and stays open; fast takes the next one and commits at once.
    const slow = heldTransaction();
    const slowSeq = await insertAssignment(slow, dana, 'SLOW-1');
    const fastSeq = await ctx.db.transaction((tx) => insertAssignment(tx, dana, 'FAST-1'));
    expect(fastSeq).toBeGreaterThan(slowSeq);

    // While slow is open, a pull must not move past it: the committed fast row waits for it.
    const during = await pullToEnd(ctx, dana.token, 10, start);
    expect(during.assignments).toEqual([]);
    await slow.commit();
    const after = await pullToEnd(ctx, dana.token, 10, during.cursor);
    const ids = await idsByAccount();
    expect(after.assignments).toEqual([ids['SLOW-1'], ids['FAST-1']]);
    expect((await pullToEnd(ctx, dana.token, 10, after.cursor)).assignments).toEqual([]);
  });

  it('never skips a row whose transaction began first, took the higher stamp and commits first', async () => {
    const dana = await enrol(ctx, DANA);
    const { cursor: start } = await pullToEnd(ctx, dana.token, 10);
    const first = heldTransaction();
    await first.query('SELECT pg_current_xact_id()');
    const second = heldTransaction();
    const secondSeq = await insertAssignment(second, dana, 'SECOND-1');
    const firstSeq = await insertAssignment(first, dana, 'FIRST-1');
    expect(firstSeq).toBeGreaterThan(secondSeq);

    await first.commit();
    const between = await pullToEnd(ctx, dana.token, 10, start);
    await second.commit();
    const after = await pullToEnd(ctx, dana.token, 10, between.cursor);
    const ids = await idsByAccount();
    expect(between.assignments).toEqual([ids['FIRST-1']]);
    expect(after.assignments).toEqual([ids['SECOND-1']]);
  });
});
