import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers, type HostInfo } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { attachEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { closeReportPrinter } from '../../electron/services/report/pdf';
import { getSettings, updateSettings } from '../../electron/services/settings-service';
import type { EventName } from '../../shared/ipc/channels';
import type { ResponseOf } from '../../shared/ipc/contract';
import { expectValue } from '../envelope';
import { makePng } from '../unit/evidence-fixtures';
import { buildCompleteValidation } from './complete-validation';

/**
 * The report channels through the real dispatcher, as the Report screens call them: the preview, a save
 * through a (stand-in) native dialog written atomically, a cancelled dialog, and the findings workbook with
 * its progress events, its cancel, and its refusals.
 */

let dataDir: string;
let services: AppServices;
const events: { event: EventName; payload: unknown }[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-report-dispatch-'));
  services = openAppServices({ dataDir, demoValidationsStayLocal: true, now: () => new Date('2026-03-02T14:00:00Z') });
  events.length = 0;
});

afterAll(closeReportPrinter);

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function dispatcher(host: Partial<HostInfo> = {}) {
  return createDispatcher(
    createHandlers(services.ctx, {
      version: '0.0.0-test',
      dataDir,
      transport: 'electron',
      emit: (event, payload) => events.push({ event, payload }),
      ...host,
    }),
    () => {},
  );
}

describe('report channels', () => {
  it('previews with the marking from Settings and saves where the dialog says, or nothing when it is cancelled', async () => {
    const { validation } = buildCompleteValidation(services);
    updateSettings(services.ctx, { ...getSettings(services.ctx), reportMarking: 'CUI//SP-PRVCY' });
    let chosen: string | null = path.join(dataDir, 'out', 'report.csv');
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    let printerWarmed = 0;
    const dispatch = dispatcher({ showSaveDialog: async () => chosen, warmPdfPrinter: () => printerWarmed++ });

    const preview = expectValue<ResponseOf<'reports:preview'>>(
      await dispatch('reports:preview', { validationId: validation.id, audience: 'MEMBER' }),
    );
    // The PDF printer gets ready while the person reads the preview.
    expect(printerWarmed).toBe(1);
    expect(preview.marking).toBe('CUI//SP-PRVCY');
    expect(preview.html).toContain('CUI//SP-PRVCY');
    expect(preview.html).toContain('href="report-preview.css"');
    expect(preview.html).not.toContain('<style>');

    const saved = expectValue<ResponseOf<'reports:export'>>(
      await dispatch('reports:export', { validationId: validation.id, audience: 'MEMBER', format: 'CSV' }),
    );
    expect(saved).toMatchObject({ status: 'saved', path: chosen, fileName: 'report.csv' });
    expect(fs.readFileSync(chosen, 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(fs.readdirSync(path.dirname(chosen))).toEqual(['report.csv']);

    chosen = null;
    expect(
      expectValue(
        await dispatch('reports:export', { validationId: validation.id, audience: 'INTERNAL', format: 'XLSX' }),
      ),
    ).toEqual({ status: 'cancelled' });
  });

  it("writes the Member report in the Member's correspondence language and the internal one in the interface's", async () => {
    const member = listMembers(services.ctx.db).find((m) => m.correspondenceLanguage === 'es');
    if (!member) throw new Error('no Spanish-speaking demo Member');
    const { validation } = buildCompleteValidation(services, { member });
    const dispatch = dispatcher();
    const preview = async (audience: 'MEMBER' | 'INTERNAL', interfaceLanguage?: 'en' | 'es') =>
      expectValue<ResponseOf<'reports:preview'>>(
        await dispatch('reports:preview', {
          validationId: validation.id,
          audience,
          ...(interfaceLanguage ? { interfaceLanguage } : {}),
        }),
      );

    const forMember = await preview('MEMBER', 'en');
    expect(forMember).toMatchObject({ language: 'es', memberLanguage: 'es' });
    expect(forMember.html).toContain('<html lang="es">');
    expect(forMember.html).toContain('Hallazgos de acción requerida');
    expect(forMember.html).toContain('Unique logins are not enforced on the warehouse terminals.');

    const internal = await preview('INTERNAL');
    expect(internal).toMatchObject({ language: 'en', memberLanguage: 'es' });
    expect(internal.html).toContain('Action Required findings');
    expect((await preview('INTERNAL', 'es')).html).toContain('Relación de evidencias');

    const csv = expectValue<ResponseOf<'reports:export'>>(
      await dispatch('reports:export', { validationId: validation.id, audience: 'MEMBER', format: 'CSV' }),
    );
    if (csv.status !== 'download') throw new Error(`expected a download, got ${csv.status}`);
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('Criterio,Categoría,Resumen del criterio');
  });

  it('cancels a report between its photos: nothing is saved, and the next export runs', async () => {
    const { validation } = buildCompleteValidation(services);
    const png = await makePng(800, 600, 3);
    for (let i = 0; i < 3; i += 1) {
      await attachEvidence(
        services.ctx,
        {
          validationId: validation.id,
          criterionId: '4.1',
          findingId: null,
          fileName: `photo-${i}.png`,
          mediaType: 'image/png',
          caption: '',
          source: { kind: 'bytes', base64: Buffer.concat([png, Buffer.from([i])]).toString('base64') },
        },
        new PickedFileRegistry(),
      );
    }
    const saved: string[] = [];
    const dispatch = dispatcher({
      showSaveDialog: async (name) => {
        saved.push(name);
        return path.join(dataDir, name);
      },
    });
    // Cancel is pressed while the export is under way (it yields to the event loop between photos).
    const exporting = dispatch('reports:export', { validationId: validation.id, audience: 'INTERNAL', format: 'DOCX' });
    expect(expectValue(await dispatch('reports:cancel', {}))).toEqual({ cancelled: true });
    expect(expectValue(await exporting)).toEqual({ status: 'cancelled' });
    expect(saved).toEqual([]);
    expect(expectValue(await dispatch('reports:cancel', {}))).toEqual({ cancelled: false });
    expect(
      expectValue(
        await dispatch('reports:export', { validationId: validation.id, audience: 'INTERNAL', format: 'DOCX' }),
      ),
    ).toMatchObject({ status: 'saved' });
  });

  it('refuses a validation that is not on this computer with NOT_FOUND', async () => {
    const answer = await dispatcher()('reports:export', {
      validationId: '0b9a6f0e-4a3c-4e2b-9d1f-2c3b4a5d6e7f',
      audience: 'MEMBER',
      format: 'PDF',
    });
    expect(answer.ok ? null : answer.error.code).toBe('NOT_FOUND');
  });

  it('makes the findings workbook with progress, refuses a filter nothing matches, and stops when cancelled', async () => {
    for (let i = 0; i < 6; i += 1) buildCompleteValidation(services, { deficientId: '4.1' });
    const dispatch = dispatcher();

    const done = expectValue<ResponseOf<'reports:workbook'>>(
      await dispatch('reports:workbook', { filter: { entityType: 'IMP' }, format: 'CSV' }),
    );
    expect(done).toMatchObject({ status: 'download', validations: 6, findings: 6 });
    const progress = events.filter((e) => e.event === 'report:progress').map((e) => e.payload);
    expect(progress.at(-1)).toBeNull();
    expect(progress).toContainEqual({ done: 6, total: 6 });
    // Written in the interface's language the renderer sends: the CSV's first header is Spanish.
    const spanish = expectValue<ResponseOf<'reports:workbook'>>(
      await dispatch('reports:workbook', { filter: { entityType: 'IMP' }, format: 'CSV', interfaceLanguage: 'es' }),
    );
    if (spanish.status !== 'download') throw new Error('expected a download');
    expect(Buffer.from(spanish.base64, 'base64').toString('utf8')).toMatch(/^\uFEFFSocio,Número de cuenta,/);
    if (done.status !== 'download') throw new Error('expected a download');
    expect(Buffer.from(done.base64, 'base64').toString('utf8')).toMatch(/^\uFEFFMember,Account number,/);

    const none = await dispatch('reports:workbook', { filter: { entityType: 'FM' }, format: 'XLSX' });
    expect(none.ok ? null : none.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/No validation/),
    });

    const reversed = await dispatch('reports:workbook', {
      filter: { submittedFrom: '2026-12-31', submittedTo: '2026-01-01' },
      format: 'XLSX',
    });
    expect(reversed.ok ? null : reversed.error.message).toMatch(/end of the date range is before its start/);

    // Cancelled after the first validation is read: nothing is delivered.
    events.length = 0;
    const cancelling = dispatcher({
      emit: (event, payload) => {
        events.push({ event, payload });
        if (event === 'report:progress' && (payload as { done: number } | null)?.done === 1) {
          void cancelAll();
        }
      },
    });
    const cancelAll = () => cancelling('reports:cancel', {});
    expect(expectValue(await cancelling('reports:workbook', { filter: {}, format: 'XLSX' }))).toEqual({
      status: 'cancelled',
    });
    expect(expectValue(await cancelling('reports:cancel', {}))).toEqual({ cancelled: false });
  });
});
