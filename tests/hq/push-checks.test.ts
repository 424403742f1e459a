import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishCatalogEdition } from '../../hq/catalog-editions';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import { MAX_RECORD_VERSION } from '../../shared/sync/payloads';
import { AT, answersCompleting, completed, worksheetCriterionIds } from './changes';
import { exporterEdition } from './editions';
import {
  ANALYST,
  BACKENDS,
  change,
  contentCounts,
  createValidation,
  DANA,
  enrol,
  evidenceChange,
  findingChange,
  makeValidation,
  push,
  responseChange,
  siteChange,
  submitChange,
  useHqBackend,
} from './helpers';

type Row = Record<string, unknown>;
/** A VVTT seal check on a criterion whose first item failed, the others passed. */
const failedSealCheck = (validationId: string, criterionId = '6.7') => {
  const id = randomUUID();
  const items = checklistItemsFor('SEAL_VVTT', false).map((item, n) => ({
    key: item.key,
    status: n === 0 ? 'FAIL' : 'PASS',
    note: '',
  }));
  return change('inspection_checklist', id, 'upsert', {
    id,
    validationId,
    criterionId,
    kind: 'SEAL_VVTT',
    label: 'CBP-0042117',
    refrigerated: false,
    items,
    createdAt: AT,
    updatedAt: AT,
  });
};
/** An answer as a laptop sends it, with some of its fields set otherwise. */
const answered = (validationId: string, criterionId: string, fields: Row) => {
  const answer = responseChange(validationId, criterionId, 1, 0);
  return { ...answer, payload: { ...answer.payload, ...fields } };
};
const outcomeAndReason = (receipts: Row[]) => receipts.map((r) => [r.outcome, r.reason]);

describe.each(BACKENDS)('HQ checks every pushed record against its entity schema, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('refuses wrong types, missing fields, unknown fields and impossible values, naming the field, and stores none', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const before = await contentCounts(ctx.db);

    const answer = responseChange(v.id, '1.1', 1, 0, 'Gate log checked');
    const { result: _dropped, ...withoutResult } = answer.payload;
    const site = siteChange(v.id, randomUUID(), 'upsert');
    const bad = [
      { ...answer, changeId: randomUUID(), entityId: `${v.id}/x`, payload: { ...answer.payload, criterionId: 'x' } },
      { ...answer, changeId: randomUUID(), payload: { ...answer.payload, result: {} } },
      { ...answer, changeId: randomUUID(), payload: withoutResult },
      { ...answer, changeId: randomUUID(), payload: { ...answer.payload, reviewerOverride: true } },
      { ...answer, changeId: randomUUID(), payload: { ...answer.payload, version: MAX_RECORD_VERSION + 1 } },
      { ...site, changeId: randomUUID(), payload: { ...site.payload, visitDate: '2026-02-30' } },
      { ...site, changeId: randomUUID(), payload: { ...site.payload, siteType: 'SPACESHIP' } },
      evidenceChange(v.id, 'zz'),
      change('site', randomUUID(), 'submit', { validationId: v.id }),
    ];
    const { status, body } = await push(ctx, dana.token, { changes: bad });
    expect(status).toBe(200);
    expect(outcomeAndReason(body.receipts)).toEqual([
      ['invalid', 'criterionId: Criterion ID looks like 4.17: category 1–12, a dot, a number'],
      ['invalid', expect.stringMatching(/^result: /)],
      ['invalid', expect.stringMatching(/^result: /)],
      ['invalid', 'unknown field reviewerOverride'],
      ['invalid', expect.stringMatching(/^version: .*2147483647/)],
      ['invalid', 'visitDate: Use a date in the form YYYY-MM-DD'],
      ['invalid', expect.stringMatching(/^siteType: /)],
      ['invalid', expect.stringMatching(/^sha256: /)],
      ['invalid', 'operation: a site takes upsert, delete, not submit'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
  });

  it('refuses a finding whose response is due before the report could be dated, and still takes an old Recommendation with a date', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const before = await contentCounts(ctx.db);
    // Recorded on Nov 20, 2026 (UTC): the laptop took dates from its own day, Nov 19 at the earliest.
    const tooEarly = findingChange(v.id, randomUUID());
    tooEarly.payload = { ...tooEarly.payload, dueDate: '2026-11-18' };
    const { body } = await push(ctx, dana.token, { changes: [tooEarly] });
    expect(outcomeAndReason(body.receipts)).toEqual([
      [
        'invalid',
        'dueDate: The response due date, Nov 18, 2026, is before the report date: the Member cannot be asked to answer ' +
          'before the report is issued, and it will be dated Nov 19, 2026 at the earliest. Choose Nov 19, 2026 or a later date.',
      ],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);

    const lastDay = findingChange(v.id, randomUUID(), { criterionId: '4.2' });
    lastDay.payload = { ...lastDay.payload, dueDate: '2026-11-19' };
    // Written before Recommendations lost their due date: read and kept as sent, the date meaning nothing.
    const oldRecommendation = findingChange(v.id, randomUUID(), {
      criterionId: '4.3',
      classification: 'RECOMMENDATION',
    });
    oldRecommendation.payload = { ...oldRecommendation.payload, dueDate: '2026-06-08' };
    const accepted = await push(ctx, dana.token, { changes: [lastDay, oldRecommendation] });
    expect(outcomeAndReason(accepted.body.receipts)).toEqual([
      ['applied', undefined],
      ['applied', undefined],
    ]);
  });

  it('refuses a record whose entityId is not the key its payload names', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const siteId = randomUUID();
    const site = siteChange(v.id, siteId, 'upsert');
    const { body } = await push(ctx, dana.token, {
      changes: [createValidation(v), { ...site, entityId: randomUUID() }],
    });
    expect(outcomeAndReason(body.receipts)).toEqual([
      ['applied', undefined],
      ['invalid', `entityId: must be ${siteId} for this site`],
    ]);
  });

  it('refuses text PostgreSQL cannot hold with a 400 naming the field, never a 500', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    for (const notes of ['Gate\u0000log', 'Gate \uD800 log']) {
      const { status, body } = await push(ctx, dana.token, {
        changes: [responseChange(v.id, '1.1', 1, 0, notes)],
      });
      expect(status).toBe(400);
      expect((body.error as { message?: string } | undefined)?.message).toMatch(
        /^changes\.0\.payload\.notes: contains/,
      );
    }
    expect(await contentCounts(ctx.db)).toEqual({ changes: 1, records: 0, validations: 1 });
  });
});

describe.each(BACKENDS)('HQ takes records only against a worksheet it knows, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('refuses a validation on an edition HQ neither ships nor has published, or for an entity type its edition lacks', async () => {
    const dana = await enrol(ctx, DANA);
    const unknown = makeValidation(randomUUID(), { catalogEditionId: 'MSC-2030-01' });
    const noExporters = makeValidation(randomUUID(), { entityType: 'EXP' });
    const { body } = await push(ctx, dana.token, {
      changes: [createValidation(unknown), createValidation(noExporters)],
    });
    expect(outcomeAndReason(body.receipts)).toEqual([
      [
        'invalid',
        'catalogEditionId: HQ holds no catalog edition MSC-2030-01 (it knows the editions shipped with the app and those it has published)',
      ],
      ['invalid', 'entityType: Catalog MSC-2019-11 has no criteria for U.S. Exporter.'],
    ]);
    expect(await contentCounts(ctx.db)).toEqual({ changes: 0, records: 0, validations: 0 });

    // Once HQ publishes an edition, validations on it are taken, and answers to its criteria.
    await publishCatalogEdition(ctx.db, exporterEdition('MSC-2030-01'));
    const exporter = makeValidation(randomUUID(), { catalogEditionId: 'MSC-2030-01', entityType: 'EXP' });
    const taken = await push(ctx, dana.token, {
      changes: [createValidation(exporter), responseChange(exporter.id, '3.8', 1, 0)],
    });
    expect(outcomeAndReason(taken.body.receipts)).toEqual([
      ['applied', undefined],
      ['applied', undefined],
    ]);
  });

  it('refuses an answer, finding, evidence, checklist or session naming a criterion not on the worksheet, and stores none', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v)] });
    const before = await contentCounts(ctx.db);
    // 3.8 is a carrier's criterion: the bundled edition has it, but not on an importer's worksheet.
    const photo = evidenceChange(v.id, 'a'.repeat(64));
    const checklistId = randomUUID();
    const sessionId = randomUUID();
    const { body } = await push(ctx, dana.token, {
      changes: [
        responseChange(v.id, '3.8', 1, 0),
        responseChange(v.id, '12.99', 1, 0),
        findingChange(v.id, randomUUID(), { criterionId: '3.8' }),
        { ...photo, payload: { ...photo.payload, criterionId: '3.8' } },
        change('inspection_checklist', checklistId, 'upsert', {
          id: checklistId,
          validationId: v.id,
          criterionId: '3.8',
          kind: 'SEAL_VVTT',
          label: 'CBP-0042117',
          refrigerated: false,
          items: [],
          createdAt: AT,
          updatedAt: AT,
        }),
        change('virtual_session', sessionId, 'upsert', {
          id: sessionId,
          validationId: v.id,
          platform: 'Teams',
          startedAt: null,
          endedAt: null,
          participants: [],
          documents: [],
          segments: [{ at: AT, area: 'Loading dock 3', criterionIds: ['5.3', '3.8'], note: '' }],
          createdAt: AT,
          updatedAt: AT,
        }),
      ],
    });
    const notOnWorksheet = (id: string) =>
      `Criterion ${id} is not part of the MSC-2019-11 worksheet for U.S. Importer.`;
    expect(outcomeAndReason(body.receipts)).toEqual([
      ['invalid', `criterionId: ${notOnWorksheet('3.8')}`],
      ['invalid', `criterionId: ${notOnWorksheet('12.99')}`],
      ['invalid', `criterionId: ${notOnWorksheet('3.8')}`],
      ['invalid', `criterionId: ${notOnWorksheet('3.8')}`],
      ['invalid', `criterionId: ${notOnWorksheet('3.8')}`],
      ['invalid', `segments.criterionIds: ${notOnWorksheet('3.8')}`],
    ]);
    expect(await contentCounts(ctx.db)).toEqual(before);
  });
});

describe.each(BACKENDS)('HQ recomputes a submitted validation’s fingerprint, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('takes a submit whose fingerprint matches what HQ holds and stores HQ’s own computation', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const content = completed(v, [
      responseChange(v.id, '1.1', 1, 0, 'Gate log checked'),
      findingChange(v.id, randomUUID()),
    ]);
    const submit = submitChange(v, content);
    const { body } = await push(ctx, dana.token, { changes: [createValidation(v), ...content, submit] });
    expect(body.receipts.map((r) => r.outcome)).toEqual(Array(content.length + 2).fill('applied'));
    const [held] = await ctx.db.query<{ status: string; content_sha256: string }>(
      'SELECT status, content_sha256 FROM validations',
    );
    expect(held).toEqual({ status: 'SUBMITTED', content_sha256: submit.payload.contentSha256 });
  });

  it('keeps the language the worksheet was shown in with the submission, outside the fingerprint, and refuses any other', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const content = completed(v, [responseChange(v.id, '1.1', 1, 0, 'Bitácora de la caseta revisada')]);
    const inSpanish = submitChange(v, content);
    inSpanish.payload = { ...inSpanish.payload, worksheetLanguage: 'fr' };
    const refused = await push(ctx, dana.token, { changes: [createValidation(v), ...content, inSpanish] });
    expect(refused.body.receipts.at(-1)).toMatchObject({ outcome: 'invalid' });
    expect(String(refused.body.receipts.at(-1)?.reason)).toContain('worksheetLanguage');

    inSpanish.payload = { ...inSpanish.payload, worksheetLanguage: 'es' };
    inSpanish.changeId = randomUUID();
    const { body } = await push(ctx, dana.token, { changes: [inSpanish] });
    expect(body.receipts.map((r) => r.outcome)).toEqual(['applied']);
    const [held] = await ctx.db.query<{ content_sha256: string; payload: { worksheetLanguage?: string } }>(
      'SELECT content_sha256, payload FROM validations',
    );
    // The same fingerprint a submit without a language has: the content alone.
    expect(held?.content_sha256).toBe(submitChange(v, content).payload.contentSha256);
    expect(held?.payload.worksheetLanguage).toBe('es');
  });

  it('refuses a submit signed over content HQ does not hold (a change refused and then dropped)', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const kept = responseChange(v.id, '1.1', 1, 0, 'Gate log checked');
    // The laptop signed over an answer HQ never took (its change was refused, then not sent again).
    const dropped = responseChange(v.id, '1.2', 1, 0, 'Seal log checked');
    const rest = answersCompleting(v, [kept, dropped]);
    const submit = submitChange(v, [kept, dropped, ...rest]);
    const { body } = await push(ctx, dana.token, { changes: [createValidation(v), kept, ...rest, submit] });
    expect(body.receipts.at(-1)?.outcome).toBe('conflict');
    expect(body.receipts.at(-1)?.reason).toMatch(/^HQ holds different content for this validation/);
    const [held] = await ctx.db.query<{ status: string; content_sha256: string | null }>(
      'SELECT status, content_sha256 FROM validations',
    );
    expect(held).toEqual({ status: 'IN_PROGRESS', content_sha256: null });

    // Once HQ holds the answer too, the same signature is taken.
    const again = await push(ctx, dana.token, { changes: [dropped, { ...submit, changeId: randomUUID() }] });
    expect(again.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });

  it('counts a record deleted earlier in the same batch out of the fingerprint', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const siteId = randomUUID();
    const site = siteChange(v.id, siteId, 'upsert');
    const answers = answersCompleting(v);
    await push(ctx, dana.token, { changes: [createValidation(v), site, ...answers] });
    const removed = siteChange(v.id, siteId, 'delete');
    const { body } = await push(ctx, dana.token, { changes: [removed, submitChange(v, [site, ...answers, removed])] });
    expect(body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });
});

describe.each(BACKENDS)(
  'HQ takes a submit only of a worksheet the submission rules find complete, on %s',
  (backend) => {
    const ctx = useHqBackend(backend);
    const heldStatus = async () =>
      (
        await ctx.db.query<{ status: string; content_sha256: string | null }>(
          'SELECT status, content_sha256 FROM validations',
        )
      )[0];

    it('refuses a create that says it is submitted or reopened already, so it is never counted as submitted', async () => {
      const dana = await enrol(ctx, DANA);
      const ari = await enrol(ctx, ANALYST);
      const signed = {
        status: 'SUBMITTED',
        submittedAt: AT,
        submittedBy: 'Dana Ruiz',
        signedByName: 'Dana Ruiz',
        contentSha256: 'a'.repeat(64),
      } as const;
      const claims = [signed, { submittedAt: AT }, { reopenedAt: AT, reopenReason: 'Member sent new documents' }];
      const { body } = await push(ctx, dana.token, {
        changes: claims.map((claim) => createValidation(makeValidation(randomUUID(), claim))),
      });
      expect(outcomeAndReason(body.receipts)).toEqual([
        ['invalid', 'status: a new validation is DRAFT or IN_PROGRESS: its submit change submits it'],
        ['invalid', 'submittedAt: a new validation is not submitted yet: HQ records that from its submit change'],
        ['invalid', 'reopenedAt: a new validation has not been reopened: HQ records that from its reopen change'],
      ]);
      expect(await ctx.db.query('SELECT id FROM validations')).toEqual([]);
      const stats = await ctx.app.inject({
        method: 'GET',
        url: '/v1/analytics/key-statistics',
        headers: { authorization: `Bearer ${ari.token}` },
      });
      expect(stats.json()).toMatchObject({ validationsSubmitted: 0 });
    });

    it('refuses a submit signed over a worksheet with unanswered criteria, then takes the completed one', async () => {
      const dana = await enrol(ctx, DANA);
      const v = makeValidation();
      // What a laptop changed to skip its own check would send: the signature matches what HQ holds.
      const partial = [responseChange(v.id, '1.1', 1, 0, 'Gate log checked')];
      const { body } = await push(ctx, dana.token, {
        changes: [createValidation(v), ...partial, submitChange(v, partial)],
      });
      const unanswered = worksheetCriterionIds('IMP').length - 1;
      expect(outcomeAndReason(body.receipts).at(-1)).toEqual([
        'invalid',
        `HQ finds this worksheet incomplete in what it holds: ${unanswered} problems to fix (1.2 has no result. 1.3 has no result. 1.4 has no result. …). Reopen the validation, fix them and submit again`,
      ]);
      expect(await heldStatus()).toEqual({ status: 'IN_PROGRESS', content_sha256: null });

      const rest = answersCompleting(v, partial);
      const submit = submitChange(v, [...partial, ...rest]);
      const again = await push(ctx, dana.token, { changes: [...rest, submit] });
      expect(new Set(again.body.receipts.map((r) => r.outcome))).toEqual(new Set(['applied']));
      expect(await heldStatus()).toEqual({ status: 'SUBMITTED', content_sha256: submit.payload.contentSha256 });
    });

    it('refuses a Deficient criterion without its finding, a finding the result contradicts and a Must criterion not applicable without a reason or a failed inspection', async () => {
      const dana = await enrol(ctx, DANA);
      const cases = [
        {
          expected: '4.1 is Deficient but has no finding.',
          content: (id: string) => [answered(id, '4.1', { result: 'DEFICIENT' })],
        },
        {
          expected:
            '4.1 has an Action required finding but is not marked Deficient: mark it Deficient, make the finding a Recommendation, or remove it.',
          content: (id: string) => [responseChange(id, '4.1', 1, 0), findingChange(id, randomUUID())],
        },
        {
          expected: '4.1 is a Must criterion marked Not applicable without a justification.',
          content: (id: string) => [answered(id, '4.1', { result: 'NOT_APPLICABLE', verificationMethods: [] })],
        },
        {
          expected: '6.7 is marked Compliant but its VVTT seal check "CBP-0042117" failed an item',
          content: (id: string) => [answered(id, '6.7', { result: 'COMPLIANT' }), failedSealCheck(id)],
        },
      ];
      for (const { expected, content } of cases) {
        const v = makeValidation();
        const full = completed(v, content(v.id));
        const { body } = await push(ctx, dana.token, {
          changes: [createValidation(v), ...full, submitChange(v, full)],
        });
        const [outcome, reason] = outcomeAndReason(body.receipts).at(-1) ?? [];
        expect(outcome).toBe('invalid');
        expect(reason).toContain(`HQ finds this worksheet incomplete in what it holds: 1 problem to fix (${expected}`);
      }
      const held = await ctx.db.query<{ status: string }>('SELECT status FROM validations');
      expect(held.map((h) => h.status)).toEqual(Array(cases.length).fill('IN_PROGRESS'));
    });

    it('holds a finding’s due date to the earliest day the laptop could have read as today when it signed', async () => {
      const dana = await enrol(ctx, DANA);
      const dueOn = (id: string) => {
        const finding = findingChange(id, randomUUID());
        return { ...finding, payload: { ...finding.payload, dueDate: '2026-12-01' } };
      };
      // 03:00 UTC on 2 December is still 1 December west of UTC: a laptop there could sign a finding due that day.
      const inTime = makeValidation();
      const inTimeContent = completed(inTime, [dueOn(inTime.id)]);
      const taken = await push(ctx, dana.token, {
        changes: [
          createValidation(inTime),
          ...inTimeContent,
          submitChange(inTime, inTimeContent, '2026-12-02T03:00:00.000Z'),
        ],
      });
      expect(taken.body.receipts.at(-1)?.outcome).toBe('applied');

      const late = makeValidation();
      const lateContent = completed(late, [dueOn(late.id)]);
      const refused = await push(ctx, dana.token, {
        changes: [createValidation(late), ...lateContent, submitChange(late, lateContent, '2026-12-03T03:00:00.000Z')],
      });
      expect(refused.body.receipts.at(-1)?.outcome).toBe('invalid');
      expect(refused.body.receipts.at(-1)?.reason).toMatch(
        /^HQ finds this worksheet incomplete in what it holds: 1 problem to fix \(4\.1: The response due date, .* is before the report date/,
      );
    });
  },
);

describe.each(BACKENDS)('HQ records each laptop’s audit-chain head, on %s', (backend) => {
  const ctx = useHqBackend(backend);
  const head = (seq: number, fill: string) => ({ seq, hash: fill.repeat(64) });

  it('answers continuous while the anchor is a head it recorded, broken (and marks the device) when not', async () => {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    const pushWith = (auditChain: unknown, changes = [responseChange(v.id, '1.1', 1, 0)]) =>
      push(ctx, dana.token, { changes, auditChain });

    expect((await pushWith({ head: head(5, 'a'), anchor: null }, [createValidation(v)])).body.auditChain).toEqual({
      state: 'continuous',
      recorded: null,
    });
    const grown = await pushWith({ head: head(9, 'b'), anchor: head(5, 'a') });
    expect(grown.body.auditChain).toEqual({ state: 'continuous', recorded: head(5, 'a') });
    // An older head HQ recorded still counts (the answer to the last push was lost).
    const late = await pushWith({ head: head(9, 'b'), anchor: head(5, 'a') }, [responseChange(v.id, '1.2', 1, 0)]);
    expect(late.body.auditChain?.state).toBe('continuous');

    const [marked] = await ctx.db.query<{ at: Date | null }>('SELECT audit_chain_broken_at AS at FROM devices');
    expect(marked?.at).toBeNull();
    const cut = await pushWith({ head: head(7, 'c'), anchor: { seq: 9, hash: null } }, [
      responseChange(v.id, '1.3', 1, 0),
    ]);
    expect(cut.body.auditChain).toEqual({ state: 'broken', recorded: head(9, 'b') });
    expect(cut.body.receipts.map((r) => r.outcome)).toEqual(['applied']);
    const [device] = await ctx.db.query<{ at: Date | null; detail: string }>(
      'SELECT audit_chain_broken_at AS at, audit_chain_broken_detail AS detail FROM devices',
    );
    expect(device?.at).not.toBeNull();
    expect(device?.detail).toBe('the laptop’s audit entry #9 is gone');
  });
});
