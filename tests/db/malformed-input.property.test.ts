import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import type { Validation } from '../../shared/domain/validation';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
import { propertyRun, propertyTimeout } from '../property-runs';

/**
 * Seeded malformed requests to every channel, through the same dispatcher the app and the
 * harness use: none may crash or answer INTERNAL, a refusal writes nothing, and what is acknowledged is stored
 * exactly as sent. Every channel: this laptop is not enrolled, so the sync channels reach no network, and with no
 * dialog to open evidence:pick refuses.
 */
const CHANNELS_UNDER_TEST = CHANNELS;

let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;
let validation: Validation;
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
  const created = await dispatch('validations:create', {
    memberId: member?.id,
    entityType: member?.entityType,
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
  });
  if (!created.ok) throw new Error(created.error.message);
  validation = created.value as Validation;
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
