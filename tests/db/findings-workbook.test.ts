import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { insertMember } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { saveFinding } from '../../electron/services/field-work-service';
import { reportModelFor } from '../../electron/services/report/export';
import { exportFindingsWorkbook } from '../../electron/services/report/findings-workbook';
import { saveResponse } from '../../electron/services/response-service';
import { submitValidation } from '../../electron/services/submission-service';
import { i18n } from '../../renderer/src/i18n';
import { translateWarning } from '../../renderer/src/screens/report/report-warnings';
import { msc201911Spanish } from '../../shared/catalog/translations/msc-2019-11.es';
import { responseDueDate } from '../../shared/domain/lifecycle';
import type { Member } from '../../shared/domain/validation';
import { REPORT_TEXT } from '../../shared/report/i18n';
import type { FindingsWorkbookFilter } from '../../shared/report/workbook-filter';
import { buildCompleteValidation, importers, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';
import { enrolAs, hqCopyOf, person, pulledValidation, pullInto, workflowEvent } from './workflow-fixture';

/**
 * The findings workbook on a supervisor's laptop: copies pulled from HQ of an SCSS's validations (through the
 * real pull) beside the laptop's own, exported with filters, read back with exceljs and a CSV reader.
 */

const scssLaptop = appServicesFixture('ctpat-workbook-scss-');
const supervisorLaptop = appServicesFixture('ctpat-workbook-supervisor-', '2026-03-25T12:00:00.000Z');

const DANA = person('Dana Ruiz', 'SCSS');
const LEE = person('Lee Park', 'SCSS', 'Laredo');
const SAM = person('Sam Ortiz', 'FIELD_OFFICE_REVIEWER');
const PAT = person('Pat Nguyen', 'SUPERVISOR');

const REPORT_DATE = '2026-03-20';
const FORMULA = '=HYPERLINK("http://example.com","click") Señalización incompleta';
const BROKEN_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PARTIAL_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

function realMember(s: AppServices, legalName: string, entityType: Member['entityType']): Member {
  const member: Member = {
    id: randomUUID(),
    legalName,
    accountNumber: `${entityType}-${Math.floor(Math.random() * 1e6)}`,
    entityType,
    city: 'Laredo, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
    createdAt: s.ctx.now().toISOString(),
  };
  insertMember(s.ctx.db, member);
  return member;
}

/**
 * Dana's two submitted validations, as HQ holds them: an importer's with an Action Required and a Recommendation
 * (approved, report date fixed, a concurrence), and a foreign manufacturer's, virtual, submitted in January from
 * Laredo, in review with a non-concurrence.
 */
function danasValidations() {
  const scss = scssLaptop.open();
  enrolAs(scss, DANA);
  const importer = buildCompleteValidation(scss, {
    member: realMember(scss, 'Bayou Logistics Imports LLC', 'IMP'),
    scheduledDate: '2026-02-10',
  });
  const id1 = importer.validation.id;
  saveResponse(scss.ctx, {
    validationId: id1,
    criterionId: '1.1',
    result: 'DEFICIENT',
    siteId: importer.site.id,
    verificationMethods: ['INTERVIEW'],
  });
  const recommendation = saveFinding(scss.ctx, {
    validationId: id1,
    criterionId: '1.1',
    classification: 'RECOMMENDATION',
    reasonCode: 'PROCEDURE_INCOMPLETE',
    description: 'Put the security vision in writing.',
    dueDate: '2026-06-08',
  });
  submitValidation(scss.ctx, id1, 'Dana Ruiz');

  const manufacturer = buildCompleteValidation(scss, {
    member: realMember(scss, 'Maquiladora Norte S.A. de C.V.', 'FM'),
    mode: 'VIRTUAL',
    scheduledDate: '2026-01-12',
  });
  const id2 = manufacturer.validation.id;
  saveFinding(scss.ctx, { ...manufacturer.finding, description: FORMULA });
  submitValidation(scss.ctx, id2, 'Dana Ruiz');

  const review = (validationId: string, findingId: string, decision: string, extra: object = {}) => ({
    entity: 'finding_review',
    entityId: `${validationId}/${findingId}`,
    version: 1,
    payload: {
      validationId,
      findingId,
      decision,
      comment: '',
      reviewedAt: '2026-03-12T10:00:00.000Z',
      reviewedBy: SAM.name,
      version: 1,
      ...extra,
    },
  });
  const copy2 = hqCopyOf(scss, id2);
  const pulled = [
    pulledValidation(id1, hqCopyOf(scss, id1), 'APPROVED', DANA, [
      review(id1, importer.finding.id, 'CONCUR'),
      workflowEvent(id1, 'APPROVE', PAT, '2026-03-20T15:00:00.000Z', { reportDate: REPORT_DATE }),
    ]),
    pulledValidation(
      id2,
      { ...copy2, payload: { ...copy2.payload, submittedAt: '2026-01-15T16:30:00.000Z' } },
      'IN_REVIEW',
      LEE,
      [
        review(id2, manufacturer.finding.id, 'NON_CONCUR', {
          comment: 'The log shows unique logins since February.',
          proposedClassification: 'RECOMMENDATION',
        }),
      ],
    ),
  ];
  scssLaptop.close();
  return { importer: { ...importer, recommendation }, manufacturer, pulled };
}

/** The supervisor's laptop: Dana's validations pulled, its own submitted one and its own untouched draft. */
async function supervisorWithValidations() {
  const dana = danasValidations();
  const s = supervisorLaptop.open();
  enrolAs(s, PAT);
  await pullInto(s, ...dana.pulled);
  const [firstImporter, secondImporter] = importers(s);
  const own = buildCompleteValidation(s, { member: firstImporter, scheduledDate: '2026-03-10' });
  submitValidation(s.ctx, own.validation.id, 'Pat Nguyen');
  const draft = newValidation(s, { member: secondImporter, scheduledDate: '2026-04-01' });
  return { s, ...dana, own, draft };
}

/** A copy an older version stored that this one cannot read, and one with a finding record it cannot read. */
function storeDamagedCopies(s: AppServices, readable: { payload: Record<string, unknown>; records: unknown[] }) {
  const insert = s.ctx.db.prepare(
    `INSERT INTO hq_validations (id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json,
                                 records_json, pulled_at)
     VALUES (?, 1, 'SUBMITTED', 'IN_REVIEW', NULL, 'Houston', ?, ?, '2026-03-21T00:00:00.000Z')`,
  );
  insert.run(BROKEN_ID, '{"entityType": "IMP", "member": {', '[]');
  const badFinding = { entity: 'finding', entityId: randomUUID(), version: 1, payload: { id: 'not a uuid' } };
  insert.run(
    PARTIAL_ID,
    JSON.stringify({ ...readable.payload, id: PARTIAL_ID, scheduledDate: '2026-02-11' }),
    JSON.stringify([...readable.records, badFinding]),
  );
}

async function readXlsx(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as objects keyed by its header. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Array<Record<string, unknown>> {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

/** Parses the CSV back with a real CSV reader (fast-csv, through exceljs), every cell kept as text. */
async function parseCsv(bytes: Uint8Array): Promise<string[][]> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  const ws = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (value: unknown) => value });
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
  });
  return rows;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('exportFindingsWorkbook', () => {
  it('puts every finding of the pulled copies and the own validations in a filterable workbook', async () => {
    const { s, importer, manufacturer, own } = await supervisorWithValidations();
    const result = await exportFindingsWorkbook(s.ctx, { format: 'XLSX' });
    expect(result).toMatchObject({
      validations: 4,
      findings: 4,
      fileName: 'CTPAT-findings-as-of-2026-03-25.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      warnings: [],
    });
    const workbook = await readXlsx(result.bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Findings', 'Validations']);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThanOrEqual(30);
    }
    expect(workbook.getWorksheet('Findings')?.autoFilter).toBe('A1:U1');
    expect(workbook.getWorksheet('Validations')?.autoFilter).toBe('A1:N1');

    const findings = rowsOf(workbook, 'Findings');
    // Validation date order; within a validation Action Required first.
    expect(findings.map((f) => [f.Member, f.Criterion, f.Classification])).toEqual([
      ['Maquiladora Norte S.A. de C.V.', '4.1', 'Action required'],
      ['Bayou Logistics Imports LLC', '4.1', 'Action required'],
      ['Bayou Logistics Imports LLC', '1.1', 'Recommendation'],
      [importers(s)[0].legalName, '4.1', 'Action required'],
    ]);
    const approved = findings[1] ?? {};
    expect(approved).toMatchObject({
      'Entity type': 'U.S. Importer',
      Mode: 'In person',
      'Field office': 'Houston',
      SCSS: 'Dana Ruiz',
      'Workflow state': 'Approved',
      Category: 4,
      'Deficiency reason': 'Not implemented',
      Description: importer.finding.description,
      'Review decision': 'Concur',
      'Reviewed by': SAM.name,
    });
    expect(String(approved['Account number'])).toMatch(/^IMP-\d+$/);
    expect(approved['Validation date']).toEqual(day('2026-02-10'));
    expect(approved['Submitted (UTC)']).toEqual(day('2026-03-02'));
    // Approval fixed the report date: the response is due a set period after it, as in the report.
    expect(approved['Response due']).toEqual(day(responseDueDate(REPORT_DATE, 90)));
    // Answering a Recommendation is optional: it is never due.
    expect(findings[2]?.['Response due']).toBeNull();
    expect(findings[0]).toMatchObject({
      'Entity type': 'Foreign Manufacturer',
      Mode: 'Virtual',
      'Field office': 'Laredo',
      'Workflow state': 'In review',
      Description: FORMULA,
      'Review decision': 'Non-concur',
      'Reviewer comment': 'The log shows unique logins since February.',
    });
    expect(findings[0]?.['Submitted (UTC)']).toEqual(day('2026-01-15'));
    expect(findings[3]).toMatchObject({ 'Workflow state': 'Submitted', 'Field office': 'Houston', SCSS: 'Pat Nguyen' });

    const validations = rowsOf(workbook, 'Validations');
    expect(validations.map((v) => [v['Validation ID'], v['Action required'], v.Recommendations])).toEqual([
      [manufacturer.validation.id, 1, 0],
      [importer.validation.id, 1, 1],
      [own.validation.id, 1, 0],
      [expect.any(String), 0, 0],
    ]);
    expect(validations[3]).toMatchObject({ 'Workflow state': 'Not started', 'Submitted (UTC)': null });
    expect(validations[1]?.['Report date']).toEqual(day(REPORT_DATE));
    expect(validations[0]?.['Submitted (UTC)']).toEqual(new Date('2026-01-15T16:30:00.000Z'));
  });

  it.each([
    ['en', 'Findings'],
    ['es', 'Hallazgos'],
  ] as const)(
    "agrees with each validation's own internal report in %s on due dates, reasons, categories and review decisions",
    async (language, sheet) => {
      const { s, importer, own } = await supervisorWithValidations();
      const workbook = await readXlsx((await exportFindingsWorkbook(s.ctx, { format: 'XLSX', language })).bytes);
      const h = { ...REPORT_TEXT[language].workbook, ...REPORT_TEXT[language].findingsWorkbook };
      const findings = rowsOf(workbook, sheet);
      for (const id of [importer.validation.id, own.validation.id]) {
        const model = reportModelFor(s.ctx, id, { audience: 'INTERNAL', interfaceLanguage: language });
        if (model.audience !== 'INTERNAL') throw new Error('expected the internal report');
        expect(model.language).toBe(language);
        const member = model.cover.memberName;
        expect(member).not.toBe(REPORT_TEXT[language].cover.memberUnknown);
        const expected = [...model.actionRequired, ...model.recommendations].map((f) => ({
          [h.member]: member,
          [h.criterion]: f.criterionId,
          [h.category]: f.category,
          [h.categoryName]: f.categoryName,
          [h.criterionSummary]: f.criterionSummary,
          [h.classification]: f.classificationLabel,
          [h.deficiencyReason]: f.reason,
          [h.description]: f.description,
          [h.responseDue]: f.responseDueDate ? day(f.responseDueDate) : null,
          [h.reviewDecision]: model.internal.reviews.find((r) => r.findingId === f.id)?.decision ?? null,
        }));
        const rows = findings
          .filter((r) => r[h.validationId] === id)
          .map((r) => Object.fromEntries(Object.keys(expected[0] ?? {}).map((k) => [k, r[k]])));
        expect(rows, member).toEqual(expected);
      }
    },
  );

  it('is written in Spanish for a Spanish interface: sheet names, headers, values; dates and numbers stay typed', async () => {
    const { s, importer } = await supervisorWithValidations();
    const filter = { submittedFrom: '2026-01-01', fieldOffice: 'Houston' };
    const result = await exportFindingsWorkbook(s.ctx, { format: 'XLSX', language: 'es' });
    const workbook = await readXlsx(result.bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hallazgos', 'Validaciones']);
    expect(workbook.title).toBe('Hallazgos de CTPAT de varias validaciones');
    const findingsSheet = workbook.getWorksheet('Hallazgos');
    if (!findingsSheet) throw new Error('no Hallazgos sheet');
    expect((findingsSheet.getRow(1).values as unknown[]).slice(1, 10)).toEqual([
      'Socio',
      'Número de cuenta',
      'Tipo de entidad',
      'Modalidad',
      'Oficina regional',
      'Especialista (SCSS)',
      'Fecha de la validación',
      'Enviada (UTC)',
      'Estado en el flujo de trabajo',
    ]);
    expect(findingsSheet.autoFilter).toBe('A1:U1');

    const findings = rowsOf(workbook, 'Hallazgos');
    expect(findings.map((f) => f.Clasificación)).toEqual([
      'Acción requerida',
      'Acción requerida',
      'Recomendación',
      'Acción requerida',
    ]);
    const approved = findings[1] ?? {};
    expect(approved).toMatchObject({
      Socio: 'Bayou Logistics Imports LLC',
      'Tipo de entidad': 'Importador de EE. UU.',
      Modalidad: 'Presencial',
      'Estado en el flujo de trabajo': 'Aprobada',
      Criterio: '4.1',
      Categoría: 4,
      'Nombre de la categoría': 'Ciberseguridad',
      'Resumen del criterio': msc201911Spanish.criteria['4.1'].summary,
      'Motivo de la deficiencia': 'No implementado',
      Descripción: importer.finding.description,
      'Decisión de la revisión': 'Conforme',
      'Revisado por': SAM.name,
    });
    // Real dates, whatever the language: Excel sorts and filters them as dates.
    expect(approved['Fecha de la validación']).toEqual(day('2026-02-10'));
    expect(approved['Respuesta a más tardar']).toEqual(day(responseDueDate(REPORT_DATE, 90)));
    expect(findings[2]?.['Motivo de la deficiencia']).toBe('Procedimiento incompleto');
    expect(findings[0]).toMatchObject({
      'Tipo de entidad': 'Fabricante extranjero',
      Modalidad: 'Virtual',
      'Estado en el flujo de trabajo': 'En revisión',
      'Decisión de la revisión': 'No conforme',
    });

    const validations = rowsOf(workbook, 'Validaciones');
    expect(validations[3]).toMatchObject({ 'Estado en el flujo de trabajo': 'Sin iniciar', 'Enviada (UTC)': null });
    expect(validations[1]).toMatchObject({ 'Acción requerida': 1, Recomendaciones: 1, 'Hallazgos revisados': 1 });
    expect(validations[1]?.['Fecha del informe']).toEqual(day(REPORT_DATE));

    // What the filter picked, in its properties: dates and names in Spanish.
    const filtered = await readXlsx(
      (await exportFindingsWorkbook(s.ctx, { format: 'XLSX', language: 'es', filter })).bytes,
    );
    expect(filtered.description).toBe(
      'Hallazgos de todas las validaciones de esta computadora: enviadas desde el 1 de enero de 2026 (UTC), oficina regional Houston.',
    );
  });

  it('writes a Spanish CSV: Spanish headers and values, ISO dates, the same rows', async () => {
    const { s } = await supervisorWithValidations();
    const english = await parseCsv((await exportFindingsWorkbook(s.ctx, { format: 'CSV' })).bytes);
    const spanish = await parseCsv((await exportFindingsWorkbook(s.ctx, { format: 'CSV', language: 'es' })).bytes);
    const header = spanish[0] ?? [];
    expect(header).toEqual([
      'Socio',
      'Número de cuenta',
      'Tipo de entidad',
      'Modalidad',
      'Oficina regional',
      'Especialista (SCSS)',
      'Fecha de la validación',
      'Enviada (UTC)',
      'Estado en el flujo de trabajo',
      'Criterio',
      'Categoría',
      'Nombre de la categoría',
      'Resumen del criterio',
      'Clasificación',
      'Motivo de la deficiencia',
      'Descripción',
      'Respuesta a más tardar',
      'Decisión de la revisión',
      'Comentario del revisor',
      'Revisado por',
      'ID de la validación',
    ]);
    expect(spanish).toHaveLength(english.length);
    const manufacturer = spanish[1] ?? [];
    expect(manufacturer[header.indexOf('Tipo de entidad')]).toBe('Fabricante extranjero');
    expect(manufacturer[header.indexOf('Estado en el flujo de trabajo')]).toBe('En revisión');
    expect(manufacturer[header.indexOf('Clasificación')]).toBe('Acción requerida');
    expect(manufacturer[header.indexOf('Fecha de la validación')]).toBe('2026-01-12');
    expect(manufacturer[header.indexOf('Enviada (UTC)')]).toBe('2026-01-15');
    expect(manufacturer[header.indexOf('Descripción')]).toBe(`'${FORMULA}`);
  });

  it('picks validations by submitted dates, field office, status and entity type', async () => {
    const { s, importer, manufacturer, own, draft } = await supervisorWithValidations();
    const picked = async (filter: FindingsWorkbookFilter) => {
      const result = await exportFindingsWorkbook(s.ctx, { format: 'XLSX', filter });
      const ids = rowsOf(await readXlsx(result.bytes), 'Validations').map((v) => v['Validation ID']);
      expect(ids, JSON.stringify(filter)).toHaveLength(result.validations);
      return ids;
    };
    expect(await picked({ submittedFrom: '2026-01-01', submittedTo: '2026-01-31' })).toEqual([
      manufacturer.validation.id,
    ]);
    // Submitted dates are whole days: the 2nd of March counts in a range that ends on it.
    expect(await picked({ submittedFrom: '2026-02-01', submittedTo: '2026-03-02' })).toEqual([importer.validation.id]);
    expect(await picked({ submittedFrom: '2026-03-03' })).toEqual([own.validation.id]);
    expect(await picked({ fieldOffice: 'Laredo' })).toEqual([manufacturer.validation.id]);
    expect(await picked({ fieldOffice: 'Houston' })).toEqual([importer.validation.id, own.validation.id, draft.id]);
    expect(await picked({ status: 'APPROVED' })).toEqual([importer.validation.id]);
    expect(await picked({ status: 'DRAFT' })).toEqual([draft.id]);
    expect(await picked({ status: 'SUBMITTED' })).toEqual([own.validation.id]);
    expect(await picked({ entityType: 'FM' })).toEqual([manufacturer.validation.id]);
    expect(await picked({ entityType: 'IMP', fieldOffice: 'Houston', status: 'APPROVED' })).toEqual([
      importer.validation.id,
    ]);
    expect(await picked({ entityType: 'HC' })).toEqual([]);
    const none = await exportFindingsWorkbook(s.ctx, { format: 'CSV', filter: { entityType: 'HC' } });
    expect(await parseCsv(none.bytes)).toHaveLength(1);
    expect(
      (
        await exportFindingsWorkbook(s.ctx, {
          format: 'CSV',
          filter: { submittedFrom: '2026-01-01', fieldOffice: 'Laredo', status: 'IN_REVIEW' },
        })
      ).fileName,
    ).toBe('CTPAT-findings-submitted-2026-01-01-to-2026-03-25-Laredo-IN_REVIEW.csv');
  });

  it('writes the findings as CSV: byte order mark, one row per finding, formulas neutralised', async () => {
    const { s } = await supervisorWithValidations();
    const result = await exportFindingsWorkbook(s.ctx, { format: 'CSV' });
    expect(result.mediaType).toBe('text/csv; charset=utf-8');
    expect(result.fileName).toBe('CTPAT-findings-as-of-2026-03-25.csv');
    expect([...result.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await parseCsv(result.bytes);
    expect(rows).toHaveLength(1 + result.findings);
    expect(rows[0]?.slice(0, 9)).toEqual([
      'Member',
      'Account number',
      'Entity type',
      'Mode',
      'Field office',
      'SCSS',
      'Validation date',
      'Submitted (UTC)',
      'Workflow state',
    ]);
    const header = rows[0] ?? [];
    const manufacturer = rows[1] ?? [];
    expect(manufacturer[0]).toBe('Maquiladora Norte S.A. de C.V.');
    expect(manufacturer[header.indexOf('Validation date')]).toBe('2026-01-12');
    expect(manufacturer[header.indexOf('Submitted (UTC)')]).toBe('2026-01-15');
    expect(manufacturer[header.indexOf('Description')]).toBe(`'${FORMULA}`);
  });

  it('reports progress between validations and lets the event loop run while it works', async () => {
    const { s } = await supervisorWithValidations();
    const progress: Array<[number, number]> = [];
    let turns = 0;
    let exporting = true;
    const spin = () => {
      turns++;
      if (exporting) setImmediate(spin);
    };
    setImmediate(spin);
    await exportFindingsWorkbook(s.ctx, { format: 'CSV', onProgress: (done, total) => progress.push([done, total]) });
    exporting = false;
    expect(progress).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it('stops when cancelled, with an AbortError "Export cancelled" and nothing made', async () => {
    const { s } = await supervisorWithValidations();
    const controller = new AbortController();
    const progress: number[] = [];
    const exporting = exportFindingsWorkbook(s.ctx, {
      format: 'XLSX',
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(exporting).rejects.toMatchObject({ name: 'AbortError', message: 'Export cancelled' });
    expect(progress).toEqual([0, 1, 2]);

    const before = new AbortController();
    before.abort();
    const calls: number[] = [];
    await expect(
      exportFindingsWorkbook(s.ctx, { format: 'CSV', signal: before.signal, onProgress: (d) => calls.push(d) }),
    ).rejects.toMatchObject({ name: 'AbortError', message: 'Export cancelled' });
    expect(calls).toEqual([]);
  });

  it('leaves out a copy it cannot read and a finding record it cannot read, naming them', async () => {
    const { s, importer } = await supervisorWithValidations();
    const copy = s.ctx.db
      .prepare('SELECT payload_json, records_json FROM hq_validations WHERE id = ?')
      .get(importer.validation.id) as { payload_json: string; records_json: string };
    storeDamagedCopies(s, { payload: JSON.parse(copy.payload_json), records: JSON.parse(copy.records_json) });
    const result = await exportFindingsWorkbook(s.ctx, { format: 'XLSX' });
    expect(result.validations).toBe(5);
    expect(result.findings).toBe(6);
    expect(result.warnings).toEqual([
      expect.stringMatching(new RegExp(`^Left out the validation ${BROKEN_ID}: .*cannot be read`)),
      `1 finding of the validation of Bayou Logistics Imports LLC dated Feb 11, 2026 (${PARTIAL_ID}) left out: unreadable in HQ’s copy.`,
    ]);
    // The Reports area reads them back by key and writes them in Spanish, the date by the locale.
    await i18n.changeLanguage('es');
    try {
      expect(result.warnings.map(translateWarning)).toEqual([
        expect.stringMatching(new RegExp(`^Se omitió la validación ${BROKEN_ID}: `)),
        `Se omitió 1 hallazgo de la validación de Bayou Logistics Imports LLC del 11 de febrero de 2026 (${PARTIAL_ID}): no se puede leer en la copia de la sede central.`,
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
    const findings = rowsOf(await readXlsx(result.bytes), 'Findings');
    expect(findings.filter((f) => f['Validation ID'] === PARTIAL_ID)).toHaveLength(2);
  });
});
