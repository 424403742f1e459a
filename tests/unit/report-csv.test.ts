import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderFindingsCsv } from '../../shared/report/csv';
import { buildReportModel, type ReportAudience } from '../../shared/report/model';
import { reportInput } from './report-fixture';

const BOM = [0xef, 0xbb, 0xbf];

function csvOf(audience: ReportAudience, input = reportInput()) {
  return renderFindingsCsv(buildReportModel(input, { audience, generatedAt: '2026-03-21T12:00:00.000Z' }));
}

/** Parses the CSV back with a real CSV reader (fast-csv, through exceljs), every cell kept as text. */
async function parse(bytes: Uint8Array): Promise<string[][]> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  const ws = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (value: unknown) => value });
  const rows: string[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
  });
  return rows;
}

describe('renderFindingsCsv', () => {
  it('starts with a UTF-8 byte order mark so Excel reads accents correctly', () => {
    expect([...csvOf('MEMBER').slice(0, 3)]).toEqual(BOM);
  });

  it('has one row per finding, Action Required first, with the headers a reader expects', async () => {
    const rows = await parse(csvOf('MEMBER'));
    expect(rows[0]).toEqual([
      'Criterion',
      'Category',
      'Criterion summary',
      'Classification',
      'Deficiency reason',
      'Description',
      'Response due',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([
      ['4.1', 'Action required', '2026-06-18'],
      ['9.6', 'Action required', '2026-06-18'],
      // A Recommendation's answer is optional: it is never due.
      ['2.4', 'Recommendation', ''],
    ]);
    expect(rows[1]?.[4]).toBe('Not implemented');
  });

  it('keeps accents, Arabic, emoji, commas, quotes and line breaks in one cell each', async () => {
    const description = 'Señalización "incompleta", sin candado 🔒\nالسياج مكسور';
    const input = reportInput();
    input.findings = input.findings.map((f) => (f.criterionId === '4.1' ? { ...f, description } : f));
    const rows = await parse(csvOf('MEMBER', input));
    expect(rows[1]?.[5]).toBe(description);
    expect(rows).toHaveLength(4);
  });

  it('neutralises a description that a spreadsheet would run as a formula', async () => {
    const input = reportInput();
    input.findings = input.findings.map((f) =>
      f.criterionId === '4.1' ? { ...f, description: '=HYPERLINK("http://example.com","click")' } : f,
    );
    const rows = await parse(csvOf('MEMBER', input));
    expect(rows[1]?.[5]).toBe('\'=HYPERLINK("http://example.com","click")');
  });

  it('adds the review decision and comment only for the internal audience', async () => {
    const member = await parse(csvOf('MEMBER'));
    expect(member[0]).not.toContain('Reviewer comment');
    expect(member.flat().join(' ')).not.toContain('REVIEW-SECRET');
    const internal = await parse(csvOf('INTERNAL'));
    expect(internal[0]?.slice(-3)).toEqual(['Review decision', 'Reviewer comment', 'Reviewed by']);
    expect(internal[1]?.slice(-3)).toEqual(['Concur', 'REVIEW-SECRET agreed.', 'Reviewer SECRET']);
  });
});
