import type ExcelJS from 'exceljs';

/** How every sheet the app writes looks: a frozen, bold, shaded, filterable header row; real dates; wrapped text. */

/** Worksheet options: the header row stays in view while scrolling. */
export const FROZEN_HEADER: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
};

const NUMBER_FORMAT = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm "UTC"' } as const;
export type DateKind = keyof typeof NUMBER_FORMAT;

/** A column's style: a date format Excel sorts and filters by, or wrapped text aligned to the top. */
export const columnStyle = (date?: DateKind): Partial<ExcelJS.Style> =>
  date ? { numFmt: NUMBER_FORMAT[date] } : { alignment: { wrapText: true, vertical: 'top' } };

/** Bold, shaded header row with a filter over every column (the document and the streaming writers alike). */
export function styleHeaderRow(
  sheet: { getRow(row: number): ExcelJS.Row; autoFilter?: ExcelJS.AutoFilter },
  columnCount: number,
): ExcelJS.Row {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
  return header;
}
