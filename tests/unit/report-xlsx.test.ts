import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportModel, type ReportAudience } from '../../shared/report/model';
import { renderReportXlsx } from '../../shared/report/xlsx';
import { reportInput } from './report-fixture';

async function readBack(audience: ReportAudience, input = reportInput()) {
  const model = buildReportModel(input, { audience, generatedAt: '2026-03-21T12:00:00.000Z' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderReportXlsx(model)) as unknown as ArrayBuffer);
  return workbook;
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('renderReportXlsx', () => {
  it('has sheets for findings, criteria, the evidence manifest and checklists (the last two internal only)', async () => {
    expect((await readBack('INTERNAL')).worksheets.map((w) => w.name)).toEqual([
      'Findings',
      'Criteria',
      'Evidence manifest',
      'Checklists',
    ]);
    expect((await readBack('MEMBER')).worksheets.map((w) => w.name)).toEqual(['Findings', 'Criteria']);
  });

  it('freezes and filters the header row of every sheet, with set column widths', async () => {
    for (const ws of (await readBack('INTERNAL')).worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(
        ws.columns.every((c) => (c.width ?? 0) >= 8),
        ws.name,
      ).toBe(true);
    }
    // Read back from the file, the filter is the range Excel shows it on: the whole header row.
    expect(sheet(await readBack('MEMBER'), 'Findings').autoFilter).toBe('A1:H1');
    expect(sheet(await readBack('INTERNAL'), 'Evidence manifest').autoFilter).toBe('A1:I1');
  });

  it('lists findings Action Required first, with the response due date as a real date', async () => {
    const ws = sheet(await readBack('MEMBER'), 'Findings');
    expect(headerOf(ws)).toEqual([
      'Criterion',
      'Category',
      'Criterion summary',
      'Classification',
      'Deficiency reason',
      'Description',
      'Response due',
      'Photos',
    ]);
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['4.1', '9.6', '2.4']);
    const due = ws.getRow(2).getCell(7).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString()).toBe('2026-06-18T00:00:00.000Z');
    expect(ws.getRow(2).getCell(7).numFmt).toBe('yyyy-mm-dd');
  });

  it('gives every criterion its result; notes and verification only in the internal workbook', async () => {
    const member = sheet(await readBack('MEMBER'), 'Criteria');
    expect(member.rowCount).toBe(1 + 93);
    expect(headerOf(member)).not.toContain('Notes');
    const internal = sheet(await readBack('INTERNAL'), 'Criteria');
    expect(headerOf(internal)).toEqual(expect.arrayContaining(['How verified', 'Notes']));
    const row41 = internal.getRows(2, 93)?.find((r) => r.getCell(1).value === '4.1');
    expect(row41?.getCell(5).value).toBe('Deficient');
    expect(String(row41?.getCell(9).value)).toContain('NOTE-SECRET');
  });

  it('lists the evidence manifest with SHA-256, size and the attach time as a date', async () => {
    const ws = sheet(await readBack('INTERNAL'), 'Evidence manifest');
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe('fence-gap.jpg');
    expect(first.getCell(2).value).toBe('a'.repeat(64));
    expect(first.getCell(3).value).toBe(123_456);
    expect(first.getCell(6).value).toEqual(new Date('2026-03-10T15:00:00.000Z'));
    expect(ws.getRow(4).getCell(7).value).toBe('Yes');
  });

  it('lists checklists item by item', async () => {
    const ws = sheet(await readBack('INTERNAL'), 'Checklists');
    expect(ws.rowCount).toBe(1 + 4);
    expect(ws.getRow(3).getCell(6).value).toBe('Fail');
    expect(ws.getRow(3).getCell(7).value).toBe('Number mismatch');
  });

  it('drops control characters Excel cannot open instead of writing a broken file', async () => {
    const input = reportInput();
    input.findings = input.findings.map((f) => ({ ...f, description: `Bell\u0007 and form feed\u000C removed` }));
    const ws = sheet(await readBack('MEMBER', input), 'Findings');
    expect(ws.getRow(2).getCell(6).value).toBe('Bell and form feed removed');
  });
});
