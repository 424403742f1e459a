import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import type { Member, Validation } from '../../shared/domain/validation';
import type { Channel } from '../../shared/ipc/channels';
import type { Worksheet } from '../../shared/ipc/contract';
import { expectValue } from '../envelope';
import { propertyRun, propertyTimeout } from '../property-runs';
import { makePng } from '../unit/evidence-fixtures';

/**
 * What a save acknowledges is what the store holds, for the text of every kind of record the SCSS writes (sites,
 * findings, observations, inspection checklists, the virtual session log, evidence captions and file names):
 * the record the worksheet opens with afterwards carries the text the save answered with, exactly. Text the
 * store cannot hold (NUL, a lone surrogate) is refused naming why, and nothing is written.
 */

let dataDir: string;
let services: AppServices;
let dispatch: Dispatch;
let inPerson: Validation;
let virtual: Validation;
let png: Buffer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-acknowledged-'));
  services = openAppServices({ dataDir, actor: 'test.scss', now: () => new Date('2026-03-02T14:00:00.000Z') });
  dispatch = createDispatcher(
    createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    () => {},
  );
  const members = expectValue<Member[]>(await dispatch('members:list', {}));
  const importer = members.find((m) => m.entityType === 'IMP');
  const create = async (mode: Validation['mode']) =>
    expectValue<Validation>(
      await dispatch('validations:create', {
        memberId: importer?.id,
        entityType: 'IMP',
        mode,
        scheduledDate: '2026-03-10',
      }),
    );
  inPerson = await create('IN_PERSON');
  virtual = await create('VIRTUAL');
  png = await makePng(8, 8);
}, 60_000);

afterAll(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const writes = () => (services.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

type Saved = Record<string, unknown> & { id: string };
/** One kind of record: the save that carries the text, and where the text is, in the answer and in the worksheet. */
type Kind = {
  channel: Channel;
  request: (text: string) => Record<string, unknown>;
  validation: () => Validation;
  /** The record's text fields, as a save answered or as the worksheet holds them. */
  text: (record: Saved) => unknown;
  held: (worksheet: Worksheet) => Saved[];
};

const KINDS: Record<string, Kind> = {
  'site name and address': {
    channel: 'sites:save',
    validation: () => inPerson,
    request: (text) => ({ name: text, address: text, siteType: 'WAREHOUSE', visitDate: null }),
    text: (s) => [s.name, s.address],
    held: (w) => w.sites as Saved[],
  },
  'finding description': {
    channel: 'findings:save',
    validation: () => inPerson,
    request: (text) => ({
      criterionId: '1.1',
      classification: 'RECOMMENDATION',
      reasonCode: null,
      description: text,
      dueDate: null,
    }),
    text: (f) => f.description,
    held: (w) => w.findings as Saved[],
  },
  'observation text': {
    channel: 'observations:save',
    validation: () => inPerson,
    request: (text) => ({ category: 3, text }),
    text: (o) => o.text,
    held: (w) => w.observations as Saved[],
  },
  'inspection checklist label and note': {
    channel: 'checklists:save',
    validation: () => inPerson,
    request: (text) => ({
      criterionId: '5.3',
      kind: 'CONTAINER_7_POINT',
      label: text,
      refrigerated: false,
      items: checklistItemsFor('CONTAINER_7_POINT', false).map((item, i) => ({
        key: item.key,
        status: 'PASS',
        note: i === 0 ? text : '',
      })),
    }),
    text: (c) => [c.label, c.items],
    held: (w) => w.checklists as Saved[],
  },
  'virtual session log': {
    channel: 'sessions:save',
    validation: () => virtual,
    request: (text) => ({
      platform: text,
      startedAt: '2026-03-10T14:00:00.000Z',
      endedAt: '2026-03-10T16:30:00.000Z',
      participants: [{ name: text, role: 'COMPANY_POINT_OF_CONTACT', organization: text }],
      documents: [{ title: text, requestedAt: '2026-03-09', receivedAt: null }],
      segments: [{ at: '2026-03-10T15:00:00.000Z', area: text, criterionIds: ['5.3'], note: text }],
    }),
    text: (s) => [s.platform, s.participants, s.documents, s.segments],
    held: (w) => w.virtualSessions as Saved[],
  },
  'evidence file name and caption': {
    channel: 'evidence:attach',
    validation: () => inPerson,
    request: (text) => ({
      criterionId: '1.1',
      findingId: null,
      fileName: `${text}.png`,
      mediaType: 'image/png',
      caption: text,
      source: { kind: 'bytes', base64: png.toString('base64') },
    }),
    text: (e) => [e.fileName, e.caption],
    held: (w) => w.evidence as Saved[],
  },
};

/** Text a person pastes: any code points, emoji, combining marks, bidi controls, a BOM, and the unstorable. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom('e\u0301', '\u202Eevil', '\uFEFFBOM', '\u{1F6A2} ship', ' padded ', '\u0000', 'a\uD800b', '\uDC00'),
);

describe('what a save acknowledges is what is stored (property-based, seeded)', () => {
  it(
    'holds every text field exactly as acknowledged, or refuses and writes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(KINDS)), text, async (name, sent) => {
          const kind = KINDS[name] as Kind;
          const validationId = kind.validation().id;
          const before = writes();
          const answer = await dispatch(kind.channel, { validationId, ...kind.request(sent) });
          if (!answer.ok) {
            expect(answer.error.code, `${name}: ${answer.error.message}`).not.toBe('INTERNAL');
            expect(writes(), `${name} wrote on refusal`).toBe(before);
            return;
          }
          const saved = answer.value as Saved;
          const worksheet = expectValue<Worksheet>(await dispatch('worksheet:open', { validationId }));
          const held = kind.held(worksheet).find((record) => record.id === saved.id);
          expect(held, `${name}: the worksheet has no record ${saved.id}`).toBeDefined();
          expect(kind.text(held as Saved), name).toEqual(kind.text(saved));
          // The answer itself carries what was typed (less any surrounding spaces a trimmed field drops).
          expect(JSON.stringify(kind.text(saved)), name).toContain(JSON.stringify(sent.trim()).slice(1, -1));
        }),
        propertyRun({ seed: 20261206, numRuns: 400 }),
      );
    },
    propertyTimeout(120_000),
  );

  it('refuses text the store cannot hold in each kind of record, naming the field, and writes nothing', async () => {
    for (const [name, kind] of Object.entries(KINDS)) {
      for (const bad of ['before\u0000after', 'lone \uD800 surrogate']) {
        const before = writes();
        const answer = await dispatch(kind.channel, { validationId: kind.validation().id, ...kind.request(bad) });
        expect(answer.ok, name).toBe(false);
        if (answer.ok) continue;
        expect(answer.error.code, name).toBe('BAD_REQUEST');
        expect(answer.error.message, name).toMatch(/ \w+(\.\d+\.\w+)?: contains (a NUL character|a broken character)/);
        expect(writes(), name).toBe(before);
      }
    }
  });
});
