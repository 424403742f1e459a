import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import { DEFAULT_SETTINGS } from '../../shared/domain/field-work';
import type { Validation } from '../../shared/domain/validation';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
import { type Json, nearlyValid } from '../near-valid';
import { propertyRun, propertyTimeout } from '../property-runs';

/**
 * Seeded malformed requests to every channel, through the same dispatcher the app and the harness use: none may
 * crash or answer INTERNAL, a refusal writes nothing, and what is acknowledged is stored exactly as sent. This
 * laptop is not enrolled, so the sync channels reach no network, and with no dialog to open evidence:pick refuses.
 */
const CHANNELS_UNDER_TEST = CHANNELS;

let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;
let validation: Validation;
let virtualValidation: Validation;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-malformed-'));
  services = openAppServices({ dataDir, actor: 'test.scss', now: () => new Date('2026-03-02T14:00:00.000Z') });
  dispatch = createDispatcher(
    createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    (_message, error) => internalErrors.push(error),
  );
  const members = (await dispatch('members:list', {})) as Envelope<{ id: string; entityType: string }[]>;
  if (!members.ok) throw new Error('no members');
  const member = members.value[0];
  const create = async (mode: Validation['mode'], scheduledDate: string) => {
    const created = await dispatch('validations:create', {
      memberId: member?.id,
      entityType: member?.entityType,
      mode,
      scheduledDate,
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.value as Validation;
  };
  validation = await create('IN_PERSON', '2026-03-10');
  virtualValidation = await create('VIRTUAL', '2026-03-11');
}, 60_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Rows inserted, updated or deleted in the store so far: a refused request must not move it. */
const writes = () => (services.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Strings a person would not type but a paste, a bad client or a fuzzer sends: NUL, lone surrogates, huge. */
const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\uD800b', '\uDC00', '../../etc/passwd', '%E0%A4%A', ' ', 'x'.repeat(25_000)),
);
const anyValue = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2 ** 31, -1, 1e308, Number.NaN),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);
/** A request that is almost right: real ids, with some fields replaced by anything at all. */
const nearlyValidRequest = fc.record(
  {
    validationId: fc.oneof(fc.constant('VALIDATION'), anyValue),
    criterionId: fc.oneof(fc.constantFrom('1.1', '4.17', '12.9'), anyValue),
    result: fc.oneof(fc.constantFrom('COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE'), anyValue),
    notes: anyValue,
    id: anyValue,
    name: anyValue,
    reason: anyValue,
    description: anyValue,
  },
  { requiredKeys: [] },
);

/** A valid request to each channel that writes field work, to be broken in one place (tests/near-valid.ts). */
const validWrites = (): [Channel, Json][] => {
  const validationId = validation.id;
  return [
    [
      'responses:save',
      {
        validationId,
        criterionId: '1.1',
        result: 'DEFICIENT',
        notes: 'Seen',
        verificationMethods: ['OBSERVED_ON_SITE'],
      },
    ],
    [
      'sites:save',
      { validationId, name: 'Dock 4', address: '1 Port Rd', siteType: 'WAREHOUSE', visitDate: '2026-03-10' },
    ],
    [
      'findings:save',
      {
        validationId,
        criterionId: '1.1',
        classification: 'ACTION_REQUIRED',
        reasonCode: 'NOT_IMPLEMENTED',
        description: 'No written procedure for seals',
        dueDate: '2026-06-01',
      },
    ],
    ['observations:save', { validationId, category: 3, text: 'Badges checked at every door' }],
    [
      'checklists:save',
      {
        validationId,
        criterionId: '5.3',
        kind: 'CONTAINER_7_POINT',
        label: 'MSKU 123456-7',
        refrigerated: false,
        items: checklistItemsFor('CONTAINER_7_POINT', false).map((i) => ({ key: i.key, status: 'PASS', note: '' })),
      },
    ],
    [
      'sessions:save',
      {
        validationId: virtualValidation.id,
        platform: 'Microsoft Teams',
        startedAt: '2026-03-11T14:00:00.000Z',
        endedAt: '2026-03-11T16:00:00.000Z',
        participants: [{ name: 'Ana Reyes', role: 'COMPANY_POINT_OF_CONTACT', organization: 'Gulf Importers' }],
        documents: [{ title: 'Seal log', requestedAt: '2026-03-10', receivedAt: null }],
        segments: [{ at: '2026-03-11T15:00:00.000Z', area: 'Dock', criterionIds: ['5.3'], note: '' }],
      },
    ],
    ['settings:update', DEFAULT_SETTINGS as unknown as Json],
  ];
};

describe('malformed input through the dispatcher (property-based, seeded)', () => {
  it(
    'never crashes or answers INTERNAL, and a refusal writes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CHANNELS_UNDER_TEST),
          fc.oneof(nearlyValidRequest, anyValue),
          async (channel, raw) => {
            const payload =
              typeof raw === 'object' &&
              raw !== null &&
              (raw as { validationId?: unknown }).validationId === 'VALIDATION'
                ? { ...raw, validationId: validation.id }
                : raw;
            const before = writes();
            const envelope = await dispatch(channel, payload);
            expect(envelope.ok || envelope.error.code !== 'INTERNAL', `${channel} answered INTERNAL`).toBe(true);
            if (!envelope.ok) expect(writes(), `${channel} wrote on refusal`).toEqual(before);
          },
        ),
        propertyRun({ seed: 20261202, numRuns: 1500 }),
      );
      expect(internalErrors).toEqual([]);
    },
    propertyTimeout(120_000),
  );

  it(
    'takes or refuses nearly valid writes without INTERNAL, and a refusal writes nothing',
    async () => {
      const requests = fc.oneof(
        ...validWrites().map(([channel, valid]) =>
          nearlyValid(valid, anyValue as fc.Arbitrary<Json>).map((payload) => ({ channel, payload })),
        ),
      );
      let taken = 0;
      await fc.assert(
        fc.asyncProperty(requests, async ({ channel, payload }) => {
          const before = writes();
          const envelope = await dispatch(channel, payload);
          expect(envelope.ok || envelope.error.code !== 'INTERNAL', `${channel} answered INTERNAL`).toBe(true);
          if (!envelope.ok) expect(writes(), `${channel} wrote on refusal`).toEqual(before);
          else taken += 1;
        }),
        propertyRun({ seed: 20261206, numRuns: 1000 }),
      );
      expect(internalErrors).toEqual([]);
      // The run reached the services: some of what it sent was valid and stored.
      expect(taken).toBeGreaterThan(0);
    },
    propertyTimeout(120_000),
  );

  it(
    'stores a note exactly as acknowledged, or refuses it naming the field',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (notes) => {
          const envelope = await dispatch('responses:save', { validationId: validation.id, criterionId: '1.1', notes });
          if (envelope.ok) {
            const stored = services.ctx.db
              .prepare('SELECT notes FROM criterion_responses WHERE validation_id = ? AND criterion_id = ?')
              .get(validation.id, '1.1') as { notes: string };
            expect(stored.notes).toBe(notes);
          } else {
            expect(envelope.error.message).toMatch(/notes: contains/);
          }
        }),
        propertyRun({ seed: 20261202, numRuns: 300 }),
      );
    },
    propertyTimeout(120_000),
  );
});
