import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { getMember, listMembers } from '../../db/queries/members';
import { openAppServices } from '../../electron/services/app-services';
import { listAssignments, startValidationFromAssignment } from '../../electron/services/assignment-service';
import { saveResponse } from '../../electron/services/response-service';
import { listReviewQueue } from '../../electron/services/review-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import { createValidation } from '../../electron/services/validation-service';
import { pullFromHq, readCursor } from '../../electron/sync/pull';
import {
  createHttpPullTransport,
  type PullTransport,
  pullPath,
  pullResponseFrom,
} from '../../electron/sync/pull-transport';
import { AuthError, NetworkError } from '../../electron/sync/transport';
import { createAssignment } from '../../hq/assignments';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import { buildCompleteValidation } from '../db/complete-validation';
import { exporterEdition } from '../hq/editions';
import { BACKENDS, type Client, enrolClient, type Hq, removeTempDirs, sharedHqPerTest } from './sync-harness';

/** GET /v1/pull handed to the real HQ app, read back by the same status mapping the HTTP transport uses. */
function inProcessPull(hq: Hq, token: string): PullTransport & { cursors: (string | null)[] } {
  const cursors: (string | null)[] = [];
  return {
    cursors,
    async pull(cursor, limit) {
      cursors.push(cursor);
      const response = await hq.app.inject({
        method: 'GET',
        url: `/v1/${pullPath(cursor, limit)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      return pullResponseFrom(response.statusCode, response.body);
    },
  };
}

async function userIdOf(hq: Hq, name: string): Promise<string> {
  const [user] = await hq.db.query<{ id: string }>('SELECT id FROM users WHERE name = $1', [name]);
  if (!user) throw new Error(`no HQ user ${name}`);
  return user.id;
}

async function enrolReviewer(hq: Hq): Promise<string> {
  const { code } = await issueEnrolmentCode(hq.db, {
    name: 'Sam Ortiz',
    role: 'FIELD_OFFICE_REVIEWER',
    fieldOffice: 'Houston',
  });
  const enrolled = await enrolDevice(hq.db, code, 'Sam’s laptop');
  if (!enrolled) throw new Error('enrolment failed');
  return enrolled.token;
}

const now = () => new Date('2026-03-03T08:00:00.000Z');
const hqValidation = (client: Client, id: string) =>
  client.services.ctx.db.prepare('SELECT hq_version, status, records_json FROM hq_validations WHERE id = ?').get(id) as
    | { hq_version: number; status: string; records_json: string }
    | undefined;

describe.each(BACKENDS)('pulling from HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend);
  const laptops: Client[] = [];
  let alice: Client;
  let bob: Client;
  beforeEach(async () => {
    alice = await enrolClient(hq, 'alice');
    laptops.push(alice);
    bob = await enrolClient(hq, 'bob');
    laptops.push(bob);
  });
  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeTempDirs();
  });

  const assignTo = async (scss: string, account: string, name: string, extra: Record<string, string> = {}) =>
    createAssignment(hq.db, {
      'member-name': name,
      account,
      'entity-type': 'EXP',
      mode: 'VIRTUAL',
      'target-date': '2026-04-01',
      scss: await userIdOf(hq, scss),
      city: 'El Paso, TX',
      country: 'United States',
      ...extra,
    });

  it('brings the SCSS’s assignments and a new edition, keeps the cursor, and starts an assigned validation once', async () => {
    const { ctx } = alice.services;
    const demo = listMembers(ctx.db).find((m) => m.accountNumber === 'DEMO-IMP-10421');
    if (!demo) throw new Error('demo member missing');
    await publishCatalogEdition(hq.db, exporterEdition());
    const exporter = await assignTo('alice', 'EXP-555', 'Lone Star Exporters LLC', { language: 'ES' });
    const known = await assignTo('alice', demo.accountNumber, 'Renamed at HQ', {
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2026-04-15',
    });
    await assignTo('bob', 'EXP-777', 'Bob’s Member Inc.');
    expect(() =>
      createValidation(ctx, { memberId: demo.id, entityType: 'EXP', mode: 'VIRTUAL', scheduledDate: '2026-04-01' }),
    ).toThrow(/No installed MSC catalog has criteria for U.S. Exporter yet/);

    const transport = inProcessPull(hq, alice.token);
    expect(await pullFromHq(ctx.db, transport, { now, limit: 2 })).toEqual({
      editions: 1,
      assignments: 2,
      validations: 0,
      keptLocal: 0,
      unreadable: 0,
      // Every Houston Member new to this computer (Bob's too); the demo Member is matched by account number.
      members: 2,
      memberRecordEvents: 0,
    });
    const offered = listAssignments(ctx);
    expect(offered.map((a) => [a.id, a.member.legalName, a.entityType, a.mode, a.targetDate])).toEqual([
      [exporter.id, 'Lone Star Exporters LLC', 'EXP', 'VIRTUAL', '2026-04-01'],
      [known.id, 'Renamed at HQ', 'IMP', 'IN_PERSON', '2026-04-15'],
    ]);
    // The Member already on this computer keeps its id and takes HQ's details; the new one is created from them.
    expect(getMember(ctx.db, demo.id)).toEqual({ ...demo, legalName: 'Renamed at HQ', city: 'El Paso, TX' });
    expect(offered[0]?.member).toMatchObject({
      accountNumber: 'EXP-555',
      entityType: 'EXP',
      city: 'El Paso, TX',
      correspondenceLanguage: 'es',
    });

    // The cursor survives a restart: the next pull starts after it and finds nothing new.
    const saved = readCursor(ctx.db);
    expect(saved).not.toBeNull();
    alice.close();
    const reopened = openAppServices({ dataDir: ctx.dataDir, actor: 'alice', now });
    onTestFinished(() => reopened.close());
    expect(readCursor(reopened.ctx.db)).toBe(saved);
    const again = inProcessPull(hq, alice.token);
    expect(await pullFromHq(reopened.ctx.db, again, { now })).toEqual({
      editions: 0,
      assignments: 0,
      validations: 0,
      keptLocal: 0,
      unreadable: 0,
      members: 0,
      memberRecordEvents: 0,
    });
    expect(again.cursors).toEqual([saved]);

    const validation = startValidationFromAssignment(reopened.ctx, exporter.id);
    expect(validation).toMatchObject({
      memberId: offered[0]?.member.id,
      entityType: 'EXP',
      mode: 'VIRTUAL',
      scheduledDate: '2026-04-01',
      catalogEditionId: 'MSC-2021-05',
    });
    expect(listAssignments(reopened.ctx).map((a) => a.id)).toEqual([known.id]);
    expect(() => startValidationFromAssignment(reopened.ctx, exporter.id)).toThrow(/already been started/);
  });

  it('resumes after a connection lost mid-pull without skipping or repeating a row', async () => {
    const { ctx } = alice.services;
    await publishCatalogEdition(hq.db, exporterEdition());
    const ids: string[] = [];
    for (const account of ['EXP-1', 'EXP-2', 'EXP-3', 'EXP-4']) {
      ids.push((await assignTo('alice', account, `Member ${account}`)).id);
    }
    const inner = inProcessPull(hq, alice.token);
    let calls = 0;
    const dropsThirdPage: PullTransport = {
      pull: (cursor, limit) => {
        calls += 1;
        if (calls === 4) return Promise.reject(new NetworkError('Could not reach HQ (ECONNRESET).'));
        return inner.pull(cursor, limit);
      },
    };
    await expect(pullFromHq(ctx.db, dropsThirdPage, { now, limit: 1 })).rejects.toThrow('ECONNRESET');
    // Three pages were stored with their cursor: the edition, the first assignment's Member, the assignment.
    expect(listAssignments(ctx)).toHaveLength(1);
    const savedAfterThreePages = readCursor(ctx.db);
    const rest = await pullFromHq(ctx.db, inner, { now, limit: 1 });
    expect(rest).toEqual({
      editions: 0,
      assignments: 3,
      validations: 0,
      keptLocal: 0,
      unreadable: 0,
      members: 3,
      memberRecordEvents: 0,
    });
    expect(inner.cursors[3]).toBe(savedAfterThreePages);
    expect(
      listAssignments(ctx)
        .map((a) => a.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(ctx.db.prepare('SELECT count(*) AS n FROM catalog_editions WHERE id = ?').get('MSC-2021-05')).toEqual({
      n: 1,
    });
  });

  it('holds back a validation with unpushed local changes and takes it once they are pushed', async () => {
    // This laptop also pulls with a Houston reviewer's enrolment: the simplest real way for a pulled
    // validation to have changes still waiting in the pulling laptop's outbox.
    const reviewerPull = inProcessPull(hq, await enrolReviewer(hq));
    const { ctx } = alice.services;
    const { validation } = buildCompleteValidation(alice.services);
    submitValidation(ctx, validation.id, 'Alice Example');
    // Alice's second laptop, restored from the first, pushes the same changes first.
    const second = await enrolClient(hq, 'alice-second-laptop', alice);
    try {
      expect((await second.push()).refused).toBe(0);

      expect(await pullFromHq(ctx.db, reviewerPull, { now })).toEqual({
        editions: 0,
        assignments: 0,
        validations: 0,
        keptLocal: 1,
        unreadable: 0,
        members: 0,
        memberRecordEvents: 0,
      });
      expect(hqValidation(alice, validation.id)).toBeUndefined();
      // Still unpushed: a second pull neither writes it nor loses it.
      expect(await pullFromHq(ctx.db, reviewerPull, { now })).toMatchObject({ validations: 0, keptLocal: 0 });
      expect(hqValidation(alice, validation.id)).toBeUndefined();

      // HQ already holds every change, so the push changes nothing there and nothing new is pulled;
      // the held copy is what arrives.
      expect(await alice.push()).toMatchObject({ applied: 0, refused: 0, remaining: 0 });
      expect(await pullFromHq(ctx.db, reviewerPull, { now })).toEqual({
        editions: 0,
        assignments: 0,
        validations: 1,
        keptLocal: 0,
        unreadable: 0,
        members: 0,
        memberRecordEvents: 0,
      });
      const held = await hq.db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE validation_id = $1', [
        validation.id,
      ]);
      const pulled = hqValidation(alice, validation.id);
      expect(pulled?.status).toBe('SUBMITTED');
      expect(JSON.parse(pulled?.records_json ?? '[]')).toHaveLength(held[0]?.n ?? -1);

      // Changed at HQ by the other laptop while this one has a refused change of its own: never overwritten.
      const { criterion_id: criterionId } = ctx.db
        .prepare('SELECT criterion_id FROM criterion_responses WHERE validation_id = ? ORDER BY criterion_id LIMIT 1')
        .get(validation.id) as { criterion_id: string };
      reopenValidation(second.services.ctx, validation.id, 'Member sent new documents');
      saveResponse(second.services.ctx, {
        validationId: validation.id,
        criterionId,
        notes: 'Re-checked on the second laptop',
      });
      expect(await second.push()).toMatchObject({ refused: 0, remaining: 0 });
      // This laptop reopens and edits the same answer from the version it had: both refused at HQ, so refused.
      reopenValidation(ctx, validation.id, 'Correcting an answer here');
      saveResponse(ctx, { validationId: validation.id, criterionId, notes: 'Corrected on this laptop' });
      expect((await alice.push()).refused).toBe(2);
      submitValidation(second.services.ctx, validation.id, 'Alice Example');
      expect(await second.push()).toMatchObject({ refused: 0, remaining: 0 });
      const before = hqValidation(alice, validation.id);
      expect(await pullFromHq(ctx.db, reviewerPull, { now })).toMatchObject({ validations: 0, keptLocal: 1 });
      expect(hqValidation(alice, validation.id)).toEqual(before);
    } finally {
      second.close();
    }
  });
  it('starts over when HQ no longer knows the saved cursor (HQ restored from a backup)', async () => {
    const { ctx } = alice.services;
    await assignTo('alice', 'EXP-555', 'Lone Star Exporters LLC');
    const unknown = Buffer.from('p1:999999999999:1').toString('base64url');
    ctx.db.prepare(`INSERT INTO sync_state (key, value) VALUES ('pull_cursor', ?)`).run(unknown);
    const transport = inProcessPull(hq, alice.token);
    expect(await pullFromHq(ctx.db, transport, { now })).toMatchObject({ assignments: 1 });
    expect(transport.cursors).toEqual([unknown, null]);
    expect(readCursor(ctx.db)).not.toBe(unknown);
  });

  it('never gives a reviewer a validation holding a record the sync schemas refuse', async () => {
    const reviewerPull = inProcessPull(hq, await enrolReviewer(hq));
    const { ctx } = alice.services;
    const { validation } = buildCompleteValidation(alice.services);
    submitValidation(ctx, validation.id, 'Alice Example');
    expect((await alice.push()).refused).toBe(0);
    // A finding made malformed at HQ after it was accepted (an old HQ, or a hand edit of its database).
    await hq.db.query(
      `UPDATE records SET payload = payload - 'classification' WHERE entity = 'finding' AND validation_id = $1`,
      [validation.id],
    );
    const reviewer = await enrolClient(hq, 'sam-reviewer-laptop');
    try {
      expect(await pullFromHq(reviewer.services.ctx.db, reviewerPull, { now })).toMatchObject({
        validations: 0,
        unreadable: 1,
      });
      expect(hqValidation(reviewer, validation.id)).toBeUndefined();
      expect(listReviewQueue(reviewer.services.ctx)).toEqual([]);
    } finally {
      reviewer.close();
    }
  });
});

describe('pulling over HTTP', () => {
  const hq = sharedHqPerTest('pglite', { listen: true });
  const laptops: Client[] = [];
  let alice: Client;
  beforeEach(async () => {
    alice = await enrolClient(hq, 'alice');
    laptops.push(alice);
  });
  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeTempDirs();
  });

  it('pulls through the HTTP transport and maps refusals and lost connections to the sync errors', async () => {
    const { baseUrl } = hq;
    await publishCatalogEdition(hq.db, exporterEdition());
    const { ctx } = alice.services;
    const http = createHttpPullTransport({ baseUrl, token: alice.token, timeoutMs: 5000 });
    expect(await pullFromHq(ctx.db, http, { now })).toMatchObject({ editions: 1 });

    const wrongToken = createHttpPullTransport({ baseUrl, token: 'x'.repeat(43), timeoutMs: 5000 });
    await expect(pullFromHq(ctx.db, wrongToken, { now })).rejects.toBeInstanceOf(AuthError);

    await hq.app.close();
    await expect(pullFromHq(ctx.db, http, { now })).rejects.toBeInstanceOf(NetworkError);
  });
});
