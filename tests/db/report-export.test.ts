import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { attachEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import { saveFinding, saveObservation } from '../../electron/services/field-work-service';
import { exportReport } from '../../electron/services/report/export';
import type { PrintOptions } from '../../electron/services/report/page-setup';
import { closeReportPrinter } from '../../electron/services/report/pdf';
import { servedPhoto } from '../../electron/services/report/served-photo';
import { writeFileAtomically } from '../../electron/services/report/write-file';
import { saveResponse } from '../../electron/services/response-service';
import { submitValidation } from '../../electron/services/submission-service';
import { loadValidationContent } from '../../electron/services/validation-content';
import type { Evidence } from '../../shared/domain/field-work';
import type { PhotoLookup } from '../../shared/report/embedded-photo';
import { printTemplates } from '../../shared/report/html';
import { makeJpeg } from '../unit/evidence-fixtures';
import { buildCompleteValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

/**
 * A real validation, built through the services, exported to PDF through headless Chromium and read back with
 * poppler (pdftotext, pdfinfo, pdfimages, pdffonts) the way a reader would; pages are kept as PNGs under
 * test-results/report/ to be looked at.
 */

const OUT = path.resolve('test-results/report');
const { open } = appServicesFixture('ctpat-report-test-');
afterAll(closeReportPrinter);

const REC_CRITERION = '1.1';
const NOTES_41 = 'Shared logins on the warehouse terminals.';
const BEST_PRACTICE = 'Weekly badge audits with a second reviewer.';

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text of each page, in order (pdftotext separates pages with form feeds). */
function pagesOf(pdf: string): string[] {
  return poppler('pdftotext', '-layout', '-enc', 'UTF-8', pdf, '-')
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

/**
 * The body text in reading order, without the header and footer lines that interrupt it at page breaks, and
 * without emoji (poppler extracts Chromium's bitmap emoji glyphs out of place, between other words).
 */
function flowingText(pdf: string): string {
  return poppler('pdftotext', '-enc', 'UTF-8', pdf, '-')
    .split(/[\n\f]/)
    .filter((line) => !/^(CUI\/\/SP-PRVCY|DRAFT|Page \d+ of \d+)$/.test(line.trim()))
    .join(' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/\s+/g, ' ');
}

async function attachPhoto(s: AppServices, validationId: string, findingId: string, fileName: string, seed: number) {
  const bytes = await makeJpeg(1600 + seed, 1200);
  return attachEvidence(
    s.ctx,
    {
      validationId,
      criterionId: null,
      findingId,
      fileName,
      mediaType: '',
      caption: `Photo ${fileName}`,
      source: { kind: 'bytes', base64: bytes.toString('base64') },
    },
    new PickedFileRegistry(),
  );
}

/** A complete validation with two findings, a best practice and three photos: one fine, one missing, one corrupt. */
async function validationWithPhotos(s: AppServices, opts: { submit: boolean; notes?: string; description?: string }) {
  const built = buildCompleteValidation(s);
  const id = built.validation.id;
  saveResponse(s.ctx, {
    validationId: id,
    criterionId: built.deficientId,
    notes: opts.notes ?? NOTES_41,
  });
  if (opts.description) saveFinding(s.ctx, { ...built.finding, description: opts.description });
  saveResponse(s.ctx, {
    validationId: id,
    criterionId: REC_CRITERION,
    result: 'DEFICIENT',
    siteId: built.site.id,
    verificationMethods: ['INTERVIEW'],
  });
  const rec = saveFinding(s.ctx, {
    validationId: id,
    criterionId: REC_CRITERION,
    classification: 'RECOMMENDATION',
    reasonCode: 'PROCEDURE_INCOMPLETE',
    description: 'Put the security vision in writing and have senior management sign it.',
    dueDate: '2026-06-08',
  });
  saveObservation(s.ctx, { validationId: id, category: 10, text: BEST_PRACTICE });
  const kept = await attachPhoto(s, id, built.finding.id, 'terminal-logins.jpg', 0);
  const missing = await attachPhoto(s, id, built.finding.id, 'missing-photo.jpg', 1);
  const corrupt = await attachPhoto(s, id, rec.id, 'corrupt-photo.jpg', 2);
  fs.rmSync(evidenceFilePath(s.ctx.dataDir, missing.sha256));
  fs.writeFileSync(evidenceFilePath(s.ctx.dataDir, corrupt.sha256), 'not a JPEG any more');
  if (opts.submit) submitValidation(s.ctx, id, 'Dana Ruiz');
  return { ...built, rec, photos: { kept, missing, corrupt } satisfies Record<string, Evidence> };
}

async function exportPdf(s: AppServices, validationId: string, audience: 'MEMBER' | 'INTERNAL', name: string) {
  const started = performance.now();
  const report = await exportReport(s.ctx, validationId, { audience, format: 'PDF', marking: 'CUI//SP-PRVCY' });
  const ms = performance.now() - started;
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  await writeFileAtomically(file, report.bytes);
  for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) {
    fs.rmSync(path.join(OUT, old));
  }
  poppler('pdftoppm', '-r', '60', '-png', file, path.join(OUT, name));
  return { report, file, ms };
}

describe('exportReport to PDF', () => {
  it('prints a submitted validation: tagged, marked on every page, every finding, the photo embedded', async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: true });
    const { report, file, ms } = await exportPdf(s, v.validation.id, 'INTERNAL', 'internal');
    console.info(`Internal PDF export: ${Math.round(ms)} ms, ${report.bytes.length} bytes`);

    expect(report.mediaType).toBe('application/pdf');
    expect(report.fileName).toMatch(/^CTPAT-validation-.+-2026-03-10-internal\.pdf$/);
    expect(Buffer.from(report.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(poppler('pdfinfo', file)).toMatch(/^Tagged:\s+yes$/m);
    expect(Buffer.from(report.bytes).includes('/Outlines')).toBe(true);

    const pages = pagesOf(file);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toMatch(/^\s*CUI\/\/SP-PRVCY/);
      expect(page.trimEnd(), `page ${i + 1}`).toMatch(
        new RegExp(`\\s{3}CUI//SP-PRVCY\\s+Page ${i + 1} of ${pages.length}$`),
      );
      expect(page, `page ${i + 1}`).not.toContain('DRAFT');
    });
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`${v.deficientId} · `);
    expect(text).toContain('Unique logins are not enforced on the warehouse terminals.');
    expect(text).toContain(`${REC_CRITERION} · `);
    expect(text).toContain('Put the security vision in writing');
    expect(text.indexOf('Action Required findings', text.indexOf('Contents') + 300)).toBeLessThan(
      text.indexOf('Put the security vision in writing'),
    );
    expect(text).toContain(BEST_PRACTICE);
    expect(text).toContain(NOTES_41);
    expect(text).toContain('Evidence manifest');
    expect(text).toContain(v.photos.kept.sha256.slice(0, 20));
    expect(text).toContain('Photo not available: missing-photo.jpg');
    expect(text).toContain('Photo not available: corrupt-photo.jpg');
    expect(text).toContain('Matches the content in this report');

    const images = poppler('pdfimages', '-list', file).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\s1200\s+900\s/);

    expect(report.warnings).toEqual([
      expect.stringContaining('"missing-photo.jpg" is not on this computer'),
      expect.stringContaining('"corrupt-photo.jpg" could not be read'),
    ]);
    expect(fs.readdirSync(OUT).filter((f) => /^internal-\d+\.png$/.test(f))).toHaveLength(pages.length);
  });

  it('leaves the internal items out of the Member-facing PDF', async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: true });
    const { file } = await exportPdf(s, v.validation.id, 'MEMBER', 'member');
    const text = pagesOf(file).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Unique logins are not enforced on the warehouse terminals.');
    expect(text).toContain('Put the security vision in writing');
    expect(text).toContain('What the Member must send back, and by when');
    for (const internal of [
      NOTES_41,
      'Evidence manifest',
      'Reviewer decisions',
      'Inspection checklists',
      'Signed by',
    ]) {
      expect(text, internal).not.toContain(internal);
    }
    expect(text).not.toContain(v.photos.kept.sha256);
  });

  it('puts DRAFT on every page of an unsubmitted validation', async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: false });
    const { file } = await exportPdf(s, v.validation.id, 'MEMBER', 'draft');
    const pages = pagesOf(file);
    pages.forEach((page, i) => {
      expect(page.trimEnd(), `page ${i + 1}`).toMatch(new RegExp(`DRAFT\\s+CUI//SP-PRVCY\\s+Page ${i + 1} of`));
    });
    expect(pages[0]).toContain('This validation has not been submitted');
  });

  it('prints 20,000-character notes, emoji, Arabic, Hebrew and Spanish accents with every font embedded', async () => {
    const s = open();
    const words = 'La señalización del almacén está incompleta; el cerrojo 🔒 no cierra. ';
    const notes = words.repeat(Math.ceil(20_000 / words.length)).slice(0, 20_000);
    const description = 'Señalización incompleta 🔒🚚\nالسياج الشرقي مكسور خلف الرصيف\nהגדר המזרחית שבורה';
    const v = await validationWithPhotos(s, { submit: true, notes, description });
    const { report, file } = await exportPdf(s, v.validation.id, 'INTERNAL', 'scripts');
    expect(report.bytes.length).toBeGreaterThan(10_000);
    const text = pagesOf(file).join('\n');
    expect(text).toContain('Señalización incompleta');
    // The whole note, once: each repeat of the sentence is in the text.
    const sentence = 'La señalización del almacén está incompleta';
    expect(flowingText(file).split(sentence).length - 1).toBe(notes.split(sentence).length - 1);
    // pdftotext writes right-to-left runs in visual order; the letters are there either way.
    expect(text).toMatch(/السياج|جايسلا/);
    expect(text).toMatch(/הגדר|רדגה/);
    const fonts = poppler('pdffonts', file).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) expect(font, font).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    // Chromium embeds colour emoji as a Type 3 font of bitmaps; an emoji with no font would be a blank box in a TrueType one.
    expect(fonts.some((f) => /Type 3/.test(f))).toBe(true);
  });
});

describe('exportReport to the other formats', () => {
  it('makes Word, Excel and CSV files of the same validation, naming photos it could not include', async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: true });
    const rows = (table: string) => (s.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = { audit: rows('audit_log'), outbox: rows('sync_outbox') };
    const docx = await exportReport(s.ctx, v.validation.id, { audience: 'MEMBER', format: 'DOCX' });
    expect(docx.fileName).toMatch(/-member\.docx$/);
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(docx.warnings).toHaveLength(2);
    const xlsx = await exportReport(s.ctx, v.validation.id, { audience: 'INTERNAL', format: 'XLSX' });
    expect(xlsx.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const csv = await exportReport(s.ctx, v.validation.id, { audience: 'MEMBER', format: 'CSV' });
    const csvText = new TextDecoder().decode(csv.bytes);
    expect(csv.fileName).toMatch(/-member-findings\.csv$/);
    expect(csvText).toContain('Unique logins are not enforced on the warehouse terminals.');
    expect(csvText).toContain('Put the security vision in writing');
    // Making a report changes nothing: no audit entry, nothing queued for HQ.
    expect({ audit: rows('audit_log'), outbox: rows('sync_outbox') }).toEqual(before);
  });

  it("prints a Spanish-speaking Member's report in Spanish, footer included, and CBP's in the interface language", async () => {
    const s = open();
    const member = listMembers(s.ctx.db).find((m) => m.correspondenceLanguage === 'es');
    if (!member) throw new Error('no Spanish-speaking demo Member');
    const { validation } = buildCompleteValidation(s, { member });
    const printedIn = async (audience: 'MEMBER' | 'INTERNAL', interfaceLanguage: 'en' | 'es') => {
      const printed: Array<{ html: string; options: PrintOptions }> = [];
      await exportReport(s.ctx, validation.id, {
        audience,
        format: 'PDF',
        interfaceLanguage,
        printPdf: async (html, options) => {
          printed.push({ html, options });
          return new TextEncoder().encode('%PDF-stub');
        },
      });
      return printed[0];
    };
    const forMember = await printedIn('MEMBER', 'en');
    expect(forMember?.options.language).toBe('es');
    expect(forMember?.html).toContain('<h1>Informe de validación CTPAT</h1>');
    expect(printTemplates('CUI', forMember?.options).footerTemplate).toContain('Página ');
    expect(forMember?.html).toContain('Unique logins are not enforced on the warehouse terminals.');
    expect((await printedIn('INTERNAL', 'en'))?.options.language).toBe('en');
    expect((await printedIn('INTERNAL', 'es'))?.html).toContain('<h1>Informe de validación CTPAT</h1>');
  });

  it("hands the report's HTML and its photos to the printer it is given (Electron's printToPDF), which answers the page's photo URLs", async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: false });
    const printed: Array<{ html: string; options: unknown; photos: PhotoLookup }> = [];
    const report = await exportReport(s.ctx, v.validation.id, {
      audience: 'MEMBER',
      format: 'PDF',
      printPdf: async (html, options, photos) => {
        printed.push({ html, options, photos });
        return new TextEncoder().encode('%PDF-stub');
      },
    });
    expect(new TextDecoder().decode(report.bytes)).toBe('%PDF-stub');
    expect(printed).toHaveLength(1);
    const [print] = printed;
    if (!print) throw new Error('nothing printed');
    expect(print.options).toEqual({ marking: 'CUI', draft: true, language: 'en' });
    expect(print.html).toContain('Unique logins are not enforced on the warehouse terminals.');
    // The page holds no photo itself: it asks for each by its hash, and the printer answers with a JPEG.
    expect(print.html).not.toContain('data:image');
    const urls = [...print.html.matchAll(/<img src="(https:\/\/report\.invalid\/photo\/[0-9a-f]{64})"/g)].map(
      (m) => m[1] ?? '',
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const served = servedPhoto(url, print.photos);
      expect(served?.contentType).toBe('image/jpeg');
      expect(served?.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
  });

  it('refuses a validation this computer does not hold', async () => {
    const s = open();
    await expect(
      exportReport(s.ctx, 'ffffffff-ffff-4fff-8fff-ffffffffffff', { audience: 'MEMBER', format: 'CSV' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports a validation pulled from HQ the same way as an own one', async () => {
    const s = open();
    const v = await validationWithPhotos(s, { submit: true });
    const own = await exportReport(s.ctx, v.validation.id, { audience: 'INTERNAL', format: 'HTML' });
    // The same validation as a supervisor's laptop holds it: HQ's copy, under another id.
    const copyId = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
    const swap = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(v.validation.id, copyId));
    const content = loadValidationContent(s.ctx, v.validation);
    const asRecords = (entity: string, rows: ReadonlyArray<{ id?: string; criterionId?: string | null }>) =>
      rows.map((r) => ({ entity, entityId: r.id ?? r.criterionId ?? '', version: 1, payload: swap(r) }));
    s.ctx.db
      .prepare(
        `INSERT INTO hq_validations (id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json,
                                     records_json, pulled_at)
         VALUES (?, 1, 'SUBMITTED', 'IN_REVIEW', ?, 'Houston', ?, ?, ?)`,
      )
      .run(
        copyId,
        '99999999-9999-4999-8999-999999999999',
        JSON.stringify({
          ...swap(content.validation),
          member: { legalName: 'Gulf Coast Home Goods', accountNumber: 'IMP-1001', city: 'Houston', country: 'US' },
        }),
        JSON.stringify([
          ...asRecords('criterion_response', content.responses),
          ...asRecords('finding', content.findings),
          ...asRecords('observation', content.observations),
          ...asRecords('site', content.sites),
          ...asRecords('evidence', content.evidence),
        ]),
        '2026-03-15T00:00:00.000Z',
      );
    const copy = await exportReport(s.ctx, copyId, { audience: 'INTERNAL', format: 'HTML' });
    const html = new TextDecoder().decode(copy.bytes);
    expect(html).toContain('Gulf Coast Home Goods');
    expect(html).toContain('Unique logins are not enforced on the warehouse terminals.');
    expect(html).toContain('Put the security vision in writing');
    expect(html).toContain(NOTES_41);
    expect(html).toContain('Houston');
    expect(html).toContain('In review');
    expect(copy.warnings).toEqual(own.warnings);
  });
});
