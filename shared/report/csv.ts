import { stringify } from 'csv-stringify/sync';
import { REPORT_TEXT } from './i18n';
import { isInternal, type ReportModel } from './model';

/**
 * The findings as CSV, UTF-8 with a byte order mark so Excel reads accents and Arabic correctly. A cell
 * that would start a formula (=, +, -, @, tab, return) is prefixed with an apostrophe: a spreadsheet must
 * show what the SCSS wrote, never run it (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralize = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export function renderFindingsCsv(model: ReportModel): Uint8Array {
  const internal = isInternal(model) ? model.internal : null;
  const h = REPORT_TEXT[model.language].workbook;
  const header = [
    h.criterion,
    h.category,
    h.criterionSummary,
    h.classification,
    h.deficiencyReason,
    h.description,
    h.responseDue,
    ...(internal ? [h.reviewDecision, h.reviewerComment, h.reviewedBy] : []),
  ];
  const rows = [...model.actionRequired, ...model.recommendations].map((f) => {
    const review = internal?.reviews.find((r) => r.findingId === f.id);
    return [
      f.criterionId,
      `${f.category}. ${f.categoryName}`,
      f.criterionSummary ?? '',
      f.classificationLabel,
      f.reason ?? '',
      f.description,
      f.responseDueDate ?? '',
      ...(internal ? [review?.decision ?? '', review?.comment ?? '', review?.reviewedBy ?? ''] : []),
    ].map(neutralize);
  });
  const text = stringify([header, ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return new TextEncoder().encode(text);
}
