import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { msc201911Spanish } from '../../shared/catalog/translations/msc-2019-11.es';
import { NOT_ENROLLED_ACTOR } from '../../shared/domain/people';
import { renderFindingsCsv } from '../../shared/report/csv';
import { renderReportDocx } from '../../shared/report/docx';
import { printTemplates, renderReportHtml } from '../../shared/report/html';
import { REPORT_TEXT } from '../../shared/report/i18n';
import { buildReportModel, type ReportAudience, reportLanguageFor } from '../../shared/report/model';
import { renderReportXlsx } from '../../shared/report/xlsx';
import { reportInput } from './report-fixture';

/**
 * A report in Spanish, as a Member whose correspondence language is Spanish receives it: every fixed text, date and
 * domain name in Spanish, the criterion text from the edition's Spanish overlay (marked unofficial), and what the
 * SCSS typed exactly as typed.
 */

const GENERATED = '2027-03-05T16:45:00.000Z';
const TYPED = 'Unique logins are not enforced <script>alert(1)</script>.';

function model(audience: ReportAudience) {
  const base = reportInput();
  const input = reportInput({
    validation: { ...base.validation, scheduledDate: '2027-03-01' },
    member: base.member && { ...base.member, correspondenceLanguage: 'es' },
  });
  return buildReportModel(input, { audience, generatedAt: GENERATED, language: 'es' });
}

/** The text of the elements that carry fixed text: headings, table headers, captions, labels, list terms. */
const fixedTextOf = (html: string) =>
  [
    ...html.matchAll(
      /<(h[1-3]|th|caption|dt|p class="field-label"|p class="subtitle")[^>]*>(.*?)<\/(h[1-3]|th|caption|dt|p)>/gs,
    ),
  ]
    .map((m) => (m[2] ?? '').replace(/<[^>]+>/g, '').trim())
    .filter(Boolean);

const english = (catalog: object): string[] =>
  Object.values(catalog).flatMap((v) => (typeof v === 'string' ? [v] : english(v as object)));

/** Catalog texts Spanish writes as English does: every other English text must be gone from a Spanish report. */
const SAME_IN_BOTH = new Set(['{date}, {time} UTC', '—', 'No', '{title} ({id})', 'SHA-256', '']);
const ENGLISH_ONLY = english(REPORT_TEXT.en).filter((text) => !SAME_IN_BOTH.has(text));

describe('a report in Spanish', () => {
  it('chooses the Member’s language for the Member and the interface’s for CBP', () => {
    expect(reportLanguageFor('MEMBER', 'es', 'en')).toBe('es');
    expect(reportLanguageFor('INTERNAL', 'es', 'en')).toBe('en');
    expect(reportLanguageFor('INTERNAL', 'en', 'es')).toBe('es');
    // A copy pulled from HQ without the Member's record: the interface's language, not English.
    expect(reportLanguageFor('MEMBER', undefined, 'es')).toBe('es');
    expect(reportLanguageFor('MEMBER', undefined, undefined)).toBe('en');
    expect(reportLanguageFor('INTERNAL', 'es', undefined)).toBe('en');
  });

  it('builds its model with Spanish names, Spanish criterion text and the SCSS’s words as written', () => {
    const m = model('MEMBER');
    expect(m).toMatchObject({ language: 'es', memberLanguage: 'es', unofficialCatalogText: true });
    expect(m.cover).toMatchObject({ entityType: 'Importador de EE. UU.', mode: 'Presencial', status: 'Aprobada' });
    const ar41 = m.actionRequired.find((f) => f.criterionId === '4.1');
    expect(ar41).toMatchObject({
      classificationLabel: 'Acción requerida',
      criterionSummary: msc201911Spanish.criteria['4.1'].summary,
      categoryName: 'Ciberseguridad',
      reason: 'No implementado', // the default reason, still as Settings ships it
      description: TYPED,
    });
    expect(m.criteria.find((c) => c.id === '1.3')?.resultLabel).toBe('No aplica');
    // A reason the office renamed in Settings is its own text, printed as written.
    const renamed = reportInput({
      deficiencyReasons: [{ code: 'NOT_IMPLEMENTED', label: 'Sin implementar (oficina de Laredo)' }],
    });
    expect(
      buildReportModel(renamed, { audience: 'MEMBER', generatedAt: GENERATED, language: 'es' }).actionRequired[0]
        ?.reason,
    ).toBe('Sin implementar (oficina de Laredo)');
  });

  it('renders HTML in Spanish: lang, headings, dates as "1 de marzo de 2027", plural counts, typed text unchanged', () => {
    const html = renderReportHtml(model('MEMBER'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="es">/);
    for (const heading of [
      'Resumen por categoría',
      'Hallazgos de acción requerida',
      'Qué debe enviar el Socio y cuándo',
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain('<th scope="row">Fecha de la validación</th><td dir="auto">1 de marzo de 2027</td>');
    expect(html).toContain('2 hallazgos de acción requerida, 1 recomendación y 1 buena práctica observada.');
    expect(html).toContain('Informe para el Socio · Gulf Coast Home Goods · generado el 5 de marzo de 2027, 16:45 UTC');
    expect(html).toContain('Unique logins are not enforced &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(html).toContain('The east fence has a gap behind dock 4.');
    expect(html).toContain('traducción no oficial');
    expect(html).toContain(msc201911Spanish.criteria['9.6'].summary);
    // The edition's title comes from its Spanish overlay, never the English one.
    expect(html).toContain(
      '<th scope="row">Criterios Mínimos de Seguridad</th><td dir="auto">Criterios Mínimos de Seguridad de CTPAT — versión final de noviembre de 2019 (MSC-2019-11)</td>',
    );
    expect(html).not.toContain('November 2019');
  });

  it.each(['MEMBER', 'INTERNAL'] as const)('leaves no English heading or label in the %s HTML', (audience) => {
    const fixed = fixedTextOf(renderReportHtml(model(audience)));
    expect(fixed.length).toBeGreaterThan(30);
    const left = fixed.filter((text) => ENGLISH_ONLY.some((en) => text === en || text.startsWith(`${en} `)));
    expect(left).toEqual([]);
    const html = renderReportHtml(model(audience));
    // The role recorded in "submitted by" is data, printed as it is.
    const recorded = [reportInput().validation.submittedBy ?? ''];
    const sentences = ENGLISH_ONLY.filter(
      (en) => en.length > 20 && !en.includes('{') && html.includes(en) && !recorded.some((r) => r.includes(en)),
    );
    expect(sentences).toEqual([]);
  });

  it('renders the internal report’s checklists, history and review in Spanish', () => {
    const html = renderReportHtml(model('INTERNAL'));
    expect(html).toContain(msc201911Spanish.checklists.SEAL_VVTT.title);
    expect(html).toContain('<td>Falla</td>');
    expect(html).toContain('<td>Enviada</td>'); // the SUBMIT step of the history
    expect(html).toContain('Conforme, por Reviewer SECRET, 13 de marzo de 2026, 10:00 UTC');
  });

  it('names what was done before the computer was enrolled in Spanish, and people as they are', () => {
    const base = reportInput();
    const evidenceId = Object.keys(base.evidenceAttachedBy)[0] ?? '';
    const input = reportInput({
      history: [
        { kind: 'SUBMIT', at: '2026-03-12T18:30:00.000Z', actorName: NOT_ENROLLED_ACTOR, comment: '' },
        { kind: 'RETURN', at: '2026-03-13T18:30:00.000Z', actorName: 'Dana Ruiz', comment: '' },
      ],
      evidenceAttachedBy: { [evidenceId]: NOT_ENROLLED_ACTOR },
    });
    const es = buildReportModel(input, { audience: 'INTERNAL', generatedAt: GENERATED, language: 'es' });
    expect(es.internal.history.map((h) => h.by)).toEqual(['Computadora no inscrita', 'Dana Ruiz']);
    expect(es.internal.evidenceManifest.find((e) => e.attachedBy !== null)?.attachedBy).toBe('Computadora no inscrita');
    const en = buildReportModel(input, { audience: 'INTERNAL', generatedAt: GENERATED, language: 'en' });
    expect(en.internal.history.map((h) => h.by)).toEqual(['Not enrolled', 'Dana Ruiz']);
  });

  it('prints "Página x de y" and BORRADOR in the page footer', () => {
    const { footerTemplate } = printTemplates('CUI', { draft: true, language: 'es' });
    expect(footerTemplate).toContain('Página <span class="pageNumber"></span> de <span class="totalPages"></span>');
    expect(footerTemplate).toContain('>BORRADOR</span>');
  });

  it('writes a Word document in Spanish, the typed finding as typed', async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(model('MEMBER')));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const footer = (await zip.file('word/footer1.xml')?.async('string')) ?? '';
    expect(document).toContain('Resumen por categoría');
    expect(document).toContain('1 de marzo de 2027');
    expect(document).toContain('Especialista Supervisor en Seguridad de la Cadena de Suministro');
    expect(document).toContain('Unique logins are not enforced &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(document).not.toContain('Summary by category');
    expect(footer).toContain('Página ');
  });

  it('writes the workbook and the CSV with Spanish sheet names and headers, descriptions as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(model('INTERNAL'))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Hallazgos',
      'Criterios',
      'Relación de evidencias',
      'Listas de verificación',
    ]);
    const findings = workbook.getWorksheet('Hallazgos');
    if (!findings) throw new Error('no Hallazgos sheet');
    expect((findings.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Criterio',
      'Categoría',
      'Resumen del criterio',
    ]);
    expect(findings.getRow(2).getCell(4).value).toBe('Acción requerida');

    const csv = new TextDecoder().decode(renderFindingsCsv(model('MEMBER')));
    expect(csv).toContain('Criterio,Categoría,Resumen del criterio,Clasificación,Motivo de la deficiencia,Descripción');
    expect(csv).toContain(TYPED);
  });
});
