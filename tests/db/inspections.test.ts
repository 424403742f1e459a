import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listOutbox } from '../../db/outbox';
import { listChecklists, listVirtualSessions } from '../../db/queries/inspections';
import { listMembers } from '../../db/queries/members';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { deleteChecklist, saveChecklist, saveVirtualSession } from '../../electron/services/inspection-service';
import { createValidation } from '../../electron/services/validation-service';
import { i18n } from '../../renderer/src/i18n';
import { translateMessage } from '../../renderer/src/i18n/messages';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import type { ChecklistKind } from '../../shared/domain/field-work';
import type { Member, Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import { expectAppError } from './app-error';

let dataDir: string;
let services: AppServices;
let clockMs: number;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-inspections-'));
  clockMs = Date.parse('2026-03-02T14:00:00.000Z');
  services = openAppServices({
    dataDir,
    actor: 'test.scss',
    now: () => {
      const now = new Date(clockMs);
      clockMs += 1000;
      return now;
    },
  });
});

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ctx = () => services.ctx;

function counts(db: Db) {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    checklists: n('SELECT count(*) AS n FROM inspection_checklists'),
    sessions: n('SELECT count(*) AS n FROM virtual_sessions'),
    audit: n('SELECT count(*) AS n FROM audit_log'),
    outbox: n('SELECT count(*) AS n FROM sync_outbox'),
  };
}

/** Asserts the call is refused and that nothing at all was written (no row, no audit, no outbox). */
function expectRefusedWithoutWrites(fn: () => unknown, code: ErrorCode, message: RegExp): void {
  const before = counts(ctx().db);
  expectAppError(fn, code, message);
  expect(counts(ctx().db)).toEqual(before);
}

function member(type: Member['entityType']): Member {
  const found = listMembers(ctx().db).find((m) => m.entityType === type);
  if (!found) throw new Error(`no demo member of type ${type}`);
  return found;
}

function newValidation(mode: Validation['mode'] = 'IN_PERSON', type: Member['entityType'] = 'IMP'): Validation {
  const m = member(type);
  return createValidation(ctx(), { memberId: m.id, entityType: m.entityType, mode, scheduledDate: '2026-03-10' });
}

/** Every item of the kind, in order, with no status yet: what the worksheet sends when an inspection is added. */
function blankItems(kind: ChecklistKind, refrigerated = false) {
  return checklistItemsFor(kind, refrigerated).map((item) => ({ key: item.key, status: null, note: '' }));
}

function checklistRequest(
  validation: Validation,
  overrides: Partial<ParsedRequestOf<'checklists:save'>> = {},
): ParsedRequestOf<'checklists:save'> {
  const kind = overrides.kind ?? 'CONTAINER_7_POINT';
  return {
    validationId: validation.id,
    criterionId: '5.3',
    kind,
    label: 'Container MSKU 123456-7',
    refrigerated: false,
    items: blankItems(kind, overrides.refrigerated ?? false),
    ...overrides,
  };
}

function sessionRequest(
  validation: Validation,
  overrides: Partial<ParsedRequestOf<'sessions:save'>> = {},
): ParsedRequestOf<'sessions:save'> {
  return {
    validationId: validation.id,
    platform: 'Microsoft Teams',
    startedAt: '2026-03-10T14:00:00.000Z',
    endedAt: '2026-03-10T16:30:00.000Z',
    participants: [
      { name: 'Dana Ruiz', role: 'CBP_SCSS', organization: 'CBP Houston' },
      { name: 'Lee Chen', role: 'COMPANY_POINT_OF_CONTACT', organization: 'Gulf Coast Home Goods' },
    ],
    documents: [{ title: 'Seal log, Jan–Feb 2026', requestedAt: '2026-03-01', receivedAt: '2026-03-09' }],
    segments: [
      { at: '2026-03-10T14:40:00.000Z', area: 'Loading dock 3', criterionIds: ['5.3', '6.7'], note: 'Live 7-point.' },
    ],
    ...overrides,
  };
}

describe('inspection checklists', () => {
  it('creates a container inspection under 5.3 with an audit row and an outbox row, and lists it', () => {
    const validation = newValidation();
    const before = counts(ctx().db);
    const saved = saveChecklist(ctx(), checklistRequest(validation));

    expect(saved.items.map((i) => i.key)).toEqual([
      'front-wall',
      'left-side',
      'right-side',
      'floor',
      'ceiling-roof',
      'doors',
      'undercarriage',
    ]);
    expect(saved.label).toBe('Container MSKU 123456-7');
    expect(counts(ctx().db)).toEqual({ ...before, checklists: 1, audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(listChecklists(ctx().db, validation.id)).toEqual([saved]);

    const audit = listAuditForEntity(ctx().db, 'inspection_checklist', saved.id);
    expect(audit.map((a) => a.action)).toEqual(['checklist.create']);
    const outbox = listOutbox(ctx().db).filter((o) => o.entity === 'inspection_checklist');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.operation).toBe('upsert');
    expect(outbox[0]?.payload).toEqual(saved);
  });

  it('records items one by one on the same inspection; an unchanged save writes nothing', () => {
    const validation = newValidation();
    const created = saveChecklist(ctx(), checklistRequest(validation));
    const items = created.items.map((item) =>
      item.key === 'front-wall'
        ? { ...item, status: 'PASS' as const }
        : item.key === 'floor'
          ? { ...item, status: 'FAIL' as const, note: 'False floor panel, screws replaced' }
          : item,
    );
    const updated = saveChecklist(ctx(), checklistRequest(validation, { id: created.id, items }));
    expect(updated.id).toBe(created.id);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const stored = listChecklists(ctx().db, validation.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.items.find((i) => i.key === 'floor')).toEqual({
      key: 'floor',
      status: 'FAIL',
      note: 'False floor panel, screws replaced',
    });
    expect(listAuditForEntity(ctx().db, 'inspection_checklist', created.id).map((a) => a.action)).toEqual([
      'checklist.create',
      'checklist.update',
    ]);

    const before = counts(ctx().db);
    expect(saveChecklist(ctx(), checklistRequest(validation, { id: created.id, items }))).toEqual(updated);
    expect(counts(ctx().db)).toEqual(before);
    expect(verifyAuditChain(ctx().db).ok).toBe(true);
  });

  it('keeps several inspections per criterion, each with its own label', () => {
    const validation = newValidation();
    saveChecklist(ctx(), checklistRequest(validation, { label: 'Container MSKU 123456-7' }));
    saveChecklist(ctx(), checklistRequest(validation, { label: 'Container TGHU 765432-1' }));
    saveChecklist(
      ctx(),
      checklistRequest(validation, {
        kind: 'TRACTOR_TRAILER_17_POINT',
        label: 'Truck 42 / trailer 881',
        items: blankItems('TRACTOR_TRAILER_17_POINT'),
      }),
    );
    saveChecklist(
      ctx(),
      checklistRequest(validation, {
        criterionId: '6.7',
        kind: 'SEAL_VVTT',
        label: 'Seal CBP-0042117',
        items: blankItems('SEAL_VVTT'),
      }),
    );
    const stored = listChecklists(ctx().db, validation.id);
    expect(stored.map((c) => [c.criterionId, c.kind, c.label, c.items.length])).toEqual([
      ['5.3', 'CONTAINER_7_POINT', 'Container MSKU 123456-7', 7],
      ['5.3', 'CONTAINER_7_POINT', 'Container TGHU 765432-1', 7],
      ['5.3', 'TRACTOR_TRAILER_17_POINT', 'Truck 42 / trailer 881', 17],
      ['6.7', 'SEAL_VVTT', 'Seal CBP-0042117', 4],
    ]);
  });

  it('adds the fan housing (8 points) only when the container is refrigerated', () => {
    const validation = newValidation();
    const reefer = saveChecklist(
      ctx(),
      checklistRequest(validation, { refrigerated: true, items: blankItems('CONTAINER_7_POINT', true) }),
    );
    expect(reefer.items).toHaveLength(8);
    expect(reefer.items.at(-1)?.key).toBe('fan-housing');

    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { items: blankItems('CONTAINER_7_POINT', true) })),
      'BAD_REQUEST',
      /"Fan housing \(refrigerated units\)" applies only to refrigerated containers/,
    );
    expectRefusedWithoutWrites(
      () =>
        saveChecklist(
          ctx(),
          checklistRequest(validation, { refrigerated: true, items: blankItems('CONTAINER_7_POINT', false) }),
        ),
      'BAD_REQUEST',
      /8-point container inspection is missing item "Fan housing \(refrigerated units\)"/,
    );
    expectRefusedWithoutWrites(
      () =>
        saveChecklist(
          ctx(),
          checklistRequest(validation, {
            criterionId: '6.7',
            kind: 'SEAL_VVTT',
            refrigerated: true,
            items: blankItems('SEAL_VVTT'),
          }),
        ),
      'BAD_REQUEST',
      /Only container inspections can be marked refrigerated/,
    );

    // Switching an existing container to non-refrigerated drops the fan housing.
    const plain = saveChecklist(ctx(), checklistRequest(validation, { id: reefer.id, refrigerated: false }));
    expect(plain.items.map((i) => i.key)).not.toContain('fan-housing');
  });

  it('refuses unknown, missing, repeated or reordered items, naming the item, and writes nothing', () => {
    const validation = newValidation();
    const items = blankItems('CONTAINER_7_POINT');
    expectRefusedWithoutWrites(
      () =>
        saveChecklist(
          ctx(),
          checklistRequest(validation, { items: [...items, { key: 'roof-hatch', status: null, note: '' }] }),
        ),
      'BAD_REQUEST',
      /Item "roof-hatch" is not part of the 7-point container inspection/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { items: items.filter((i) => i.key !== 'floor') })),
      'BAD_REQUEST',
      /missing item "Floor"/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { items: [...items, items[0] as (typeof items)[0]] })),
      'BAD_REQUEST',
      /Item "Front wall" is listed twice/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { items: [...items].reverse() })),
      'BAD_REQUEST',
      /item 1 should be "Front wall", not "Outside \/ undercarriage"/,
    );
    // A tractor/trailer key does not belong to a container inspection.
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { items: blankItems('TRACTOR_TRAILER_17_POINT') })),
      'BAD_REQUEST',
      /Item "Bumper, tires and rims" is not part of the 7-point container inspection/,
    );
  });

  it('writes its refusals of malformed items in the interface’s language, naming items as the checklist does', async () => {
    const validation = newValidation();
    const items = blankItems('CONTAINER_7_POINT');
    const refusalOf = (request: ParsedRequestOf<'checklists:save'>): AppError => {
      try {
        saveChecklist(ctx(), request);
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    const missingTwo = refusalOf(
      checklistRequest(validation, { items: items.filter((i) => i.key !== 'floor' && i.key !== 'doors') }),
    );
    const reordered = refusalOf(checklistRequest(validation, { items: [...items].reverse() }));
    const twice = refusalOf(checklistRequest(validation, { items: [...items, items[0] as (typeof items)[0]] }));
    expect(missingTwo.message).toBe(
      'The 7-point container inspection is missing 2 items: Floor, Inside / outside doors, including locking mechanism.',
    );
    await i18n.changeLanguage('es');
    try {
      // As the renderer shows a refusal: by its key, in Spanish, the items by their Spanish labels.
      expect(translateMessage(missingTwo)).toBe(
        'A la inspección de contenedor de 7 puntos le faltan 2 puntos: Piso, Puertas interiores / exteriores, incluido el mecanismo de cierre.',
      );
      expect(translateMessage(reordered)).toBe(
        'Los puntos de la inspección de contenedor de 7 puntos deben seguir el orden de la lista: el punto 1 debe ser «Pared frontal», no «Exterior / chasis».',
      );
      expect(translateMessage(twice)).toBe(
        'El punto «Pared frontal» aparece dos veces en la inspección de contenedor de 7 puntos.',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('refuses a kind the criterion does not call for, and criteria without checklists or off the worksheet', () => {
    const validation = newValidation();
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { criterionId: '6.7', kind: 'CONTAINER_7_POINT' })),
      'BAD_REQUEST',
      /Criterion 6.7 does not call for a Container \/ IIT inspection .*it calls for: Seal verification/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { kind: 'SEAL_VVTT', items: blankItems('SEAL_VVTT') })),
      'BAD_REQUEST',
      /Criterion 5.3 does not call for a Seal verification/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { criterionId: '4.1' })),
      'BAD_REQUEST',
      /Criterion 4.1 does not call for an inspection checklist/,
    );
    // 6.3 (LTL high-security locks) is on highway-carrier worksheets only, not on an importer's.
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { criterionId: '6.3' })),
      'BAD_REQUEST',
      /Criterion 6.3 is not on this validation's worksheet/,
    );
  });

  it('keeps an inspection under its criterion and kind, and inside its validation', () => {
    const validation = newValidation();
    const other = newValidation('IN_PERSON', 'FM');
    const created = saveChecklist(ctx(), checklistRequest(validation));
    expectRefusedWithoutWrites(
      () =>
        saveChecklist(
          ctx(),
          checklistRequest(validation, {
            id: created.id,
            kind: 'TRACTOR_TRAILER_17_POINT',
            items: blankItems('TRACTOR_TRAILER_17_POINT'),
          }),
        ),
      'BAD_REQUEST',
      /criterion and kind cannot change/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(other, { id: created.id })),
      'BAD_REQUEST',
      /belongs to another validation/,
    );
    expectRefusedWithoutWrites(
      () => deleteChecklist(ctx(), other.id, created.id),
      'NOT_FOUND',
      /not recorded on this validation/,
    );
  });

  it('removes an inspection softly, with audit and outbox rows; it cannot be edited afterwards', () => {
    const validation = newValidation();
    const created = saveChecklist(ctx(), checklistRequest(validation));
    const before = counts(ctx().db);
    expect(deleteChecklist(ctx(), validation.id, created.id)).toEqual({ deleted: true });

    expect(listChecklists(ctx().db, validation.id)).toEqual([]);
    // The row stays (soft delete) so the history is kept.
    expect(counts(ctx().db)).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    const deletedAt = ctx().db.prepare('SELECT deleted_at FROM inspection_checklists WHERE id = ?').get(created.id);
    expect(deletedAt).toEqual({ deleted_at: expect.stringMatching(/^2026-03-02T14:00:\d\d\.000Z$/) });
    const audit = listAuditForEntity(ctx().db, 'inspection_checklist', created.id);
    expect(audit.map((a) => a.action)).toEqual(['checklist.create', 'checklist.delete']);
    expect(audit[1]?.before).toEqual(created);
    const outbox = listOutbox(ctx().db).filter((o) => o.entityId === created.id);
    expect(outbox.map((o) => o.operation)).toEqual(['upsert', 'delete']);

    expectRefusedWithoutWrites(
      () => deleteChecklist(ctx(), validation.id, created.id),
      'NOT_FOUND',
      /may already be removed/,
    );
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { id: created.id })),
      'NOT_FOUND',
      /was removed/,
    );
  });

  it('refuses every change once the validation is submitted', () => {
    const validation = newValidation();
    const created = saveChecklist(ctx(), checklistRequest(validation));
    ctx().db.prepare("UPDATE validations SET status = 'SUBMITTED' WHERE id = ?").run(validation.id);
    expectRefusedWithoutWrites(() => saveChecklist(ctx(), checklistRequest(validation)), 'LOCKED', /locked/);
    expectRefusedWithoutWrites(
      () => saveChecklist(ctx(), checklistRequest(validation, { id: created.id, label: 'Changed' })),
      'LOCKED',
      /locked/,
    );
    expectRefusedWithoutWrites(() => deleteChecklist(ctx(), validation.id, created.id), 'LOCKED', /locked/);
    expect(listChecklists(ctx().db, validation.id)).toEqual([created]);
  });
});

describe('virtual session log', () => {
  it('logs a session of a virtual validation with audit and outbox rows, and updates it in place', () => {
    const validation = newValidation('VIRTUAL');
    const before = counts(ctx().db);
    const saved = saveVirtualSession(ctx(), sessionRequest(validation));
    expect(saved).toMatchObject({
      platform: 'Microsoft Teams',
      startedAt: '2026-03-10T14:00:00.000Z',
      endedAt: '2026-03-10T16:30:00.000Z',
    });
    expect(listVirtualSessions(ctx().db, validation.id)).toEqual([saved]);
    expect(counts(ctx().db)).toEqual({ ...before, sessions: 1, audit: before.audit + 1, outbox: before.outbox + 1 });

    const updated = saveVirtualSession(
      ctx(),
      sessionRequest(validation, {
        id: saved.id,
        participants: [
          ...saved.participants,
          { name: 'Ana Ortiz', role: 'COMPANY_DEPARTMENT_HEAD', organization: 'Warehouse operations' },
        ],
      }),
    );
    expect(updated.id).toBe(saved.id);
    expect(listVirtualSessions(ctx().db, validation.id)[0]?.participants.map((p) => p.name)).toEqual([
      'Dana Ruiz',
      'Lee Chen',
      'Ana Ortiz',
    ]);
    expect(listAuditForEntity(ctx().db, 'virtual_session', saved.id).map((a) => a.action)).toEqual([
      'virtual_session.create',
      'virtual_session.update',
    ]);
    expect(listOutbox(ctx().db).filter((o) => o.entityId === saved.id)).toHaveLength(2);

    const unchanged = counts(ctx().db);
    saveVirtualSession(ctx(), sessionRequest(validation, { id: saved.id, participants: updated.participants }));
    expect(counts(ctx().db)).toEqual(unchanged);
  });

  it('creates an autosaved session under the id the laptop chose, and a repeat of the same draft writes nothing', () => {
    const validation = newValidation('VIRTUAL');
    const id = '0b5e55f0-0000-4000-8000-00000000abcd';
    const before = counts(ctx().db);
    // The first autosave: just the platform, under the id the form was opened with.
    const created = saveVirtualSession(
      ctx(),
      sessionRequest(validation, { id, startedAt: null, endedAt: null, participants: [], documents: [], segments: [] }),
    );
    expect(created.id).toBe(id);
    const grown = saveVirtualSession(ctx(), sessionRequest(validation, { id, endedAt: null }));
    expect(grown.id).toBe(id);
    expect(saveVirtualSession(ctx(), sessionRequest(validation, { id, endedAt: null }))).toEqual(grown);
    expect(listVirtualSessions(ctx().db, validation.id)).toEqual([grown]);
    expect(listAuditForEntity(ctx().db, 'virtual_session', id).map((a) => a.action)).toEqual([
      'virtual_session.create',
      'virtual_session.update',
    ]);
    expect(counts(ctx().db)).toEqual({ ...before, sessions: 1, audit: before.audit + 2, outbox: before.outbox + 2 });
  });

  it('refuses a session log on an in-person validation', () => {
    const validation = newValidation('IN_PERSON');
    expectRefusedWithoutWrites(
      () => saveVirtualSession(ctx(), sessionRequest(validation)),
      'BAD_REQUEST',
      /This is an in-person validation; a virtual session log applies only to virtual validations/,
    );
  });

  it('refuses an end before the start, a document received before it was requested, and unknown criteria', () => {
    const validation = newValidation('VIRTUAL');
    expectRefusedWithoutWrites(
      () => saveVirtualSession(ctx(), sessionRequest(validation, { endedAt: '2026-03-10T13:59:00.000Z' })),
      'BAD_REQUEST',
      /end is before its start/,
    );
    expectRefusedWithoutWrites(
      () =>
        saveVirtualSession(
          ctx(),
          sessionRequest(validation, {
            documents: [{ title: 'Visitor log', requestedAt: '2026-03-05', receivedAt: '2026-03-04' }],
          }),
        ),
      'BAD_REQUEST',
      /Document 1 \("Visitor log"\) is received \(Mar 4, 2026\) before it was requested \(Mar 5, 2026\)/,
    );
    expectRefusedWithoutWrites(
      () =>
        saveVirtualSession(
          ctx(),
          sessionRequest(validation, {
            segments: [{ at: '2026-03-10T15:00:00.000Z', area: 'Yard', criterionIds: ['5.3', '6.3'], note: '' }],
          }),
        ),
      'BAD_REQUEST',
      /Tour segment 1 \("Yard"\) names criterion 6.3, not on this validation's worksheet/,
    );
    // Open sessions (no end yet) are allowed: the log is filled in while the call runs.
    const open = saveVirtualSession(ctx(), sessionRequest(validation, { endedAt: null }));
    expect(open.endedAt).toBeNull();
  });

  it('refuses changes to the log of a submitted validation', () => {
    const validation = newValidation('VIRTUAL');
    const saved = saveVirtualSession(ctx(), sessionRequest(validation));
    ctx().db.prepare("UPDATE validations SET status = 'SUBMITTED' WHERE id = ?").run(validation.id);
    expectRefusedWithoutWrites(
      () => saveVirtualSession(ctx(), sessionRequest(validation, { id: saved.id, platform: 'Zoom' })),
      'LOCKED',
      /locked/,
    );
    expect(listVirtualSessions(ctx().db, validation.id)).toEqual([saved]);
  });
});
