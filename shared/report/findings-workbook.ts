import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { compareCriterionIds } from '../catalog/load';
import type { CatalogEdition } from '../catalog/schema';
import { catalogTranslation, localizeEdition } from '../catalog/translations';
import { responseRequired, shownDueDate } from '../domain/lifecycle';
import { reasonLabelIn } from '../domain/reason-label';
import type { Validation } from '../domain/validation';
import { neutralize } from './csv';
import { formatReportDate, reportDateValue } from './format';
import { fill, REPORT_DOMAIN_LABELS, REPORT_TEXT, type ReportDomainLabels, type ReportLanguage } from './i18n';
import type { ReportInput } from './input';
import { columnStyle, FROZEN_HEADER, styleHeaderRow } from './sheet-style';
import { xmlSafe } from './text';
import type { FindingsWorkbookFilter, FindingsWorkbookFormat, WorkbookStatus } from './workbook-filter';

/**
 * The findings of many validations in one workbook, for a supervisor: one row per finding (Action Required and
 * Recommendation) with its validation's Member, dates and workflow state, and one row per validation with counts.
 * Pure: the caller gathers each validation's source; this file turns them into rows and the rows into bytes.
 * Written in the language of the person exporting (the interface's, as the internal report is): sheet names,
 * headers, domain names, category names and criterion summaries (the edition's overlay), default reason names.
 * What the SCSS typed is as written; dates are real Excel dates, and ISO days in the CSV (any Excel reads them).
 */

/** One validation as a loader gathers it: the report input's fields the workbook shows, and its status. */
export type FindingsWorkbookSource = Pick<
  ReportInput,
  | 'member'
  | 'edition'
  | 'findings'
  | 'reviews'
  | 'deficiencyReasons'
  | 'scssName'
  | 'fieldOffice'
  | 'reportDate'
  | 'responseDueDate'
> & {
  validation: Pick<Validation, 'id' | 'entityType' | 'mode' | 'scheduledDate' | 'submittedAt'>;
  status: WorkbookStatus;
};

export type WorkbookFinding = {
  criterionId: string;
  category: number;
  categoryName: string;
  criterionSummary: string | null;
  classification: string;
  reason: string | null;
  description: string;
  responseDueDate: string | null;
  reviewDecision: string | null;
  reviewerComment: string | null;
  reviewedBy: string | null;
};

export type WorkbookValidation = {
  validationId: string;
  memberName: string;
  accountNumber: string;
  entityType: string;
  mode: string;
  fieldOffice: string | null;
  scssName: string | null;
  /** The scheduled validation date (YYYY-MM-DD). */
  validationDate: string;
  submittedAt: string | null;
  status: WorkbookStatus;
  /** The status's name in the workbook's language ("Approved", "Aprobada"). */
  statusLabel: string;
  reportDate: string | null;
  actionRequired: number;
  recommendations: number;
  reviewed: number;
  /** Action Required first, then Recommendations, each by criterion ID (as the report lists them). */
  findings: WorkbookFinding[];
};

/** Whether a validation's status, field office, entity type and submitted day match the filter. */
export function matchesWorkbookFilter(
  v: { status: WorkbookStatus; fieldOffice: string | null; entityType: string; submittedAt: string | null },
  filter: FindingsWorkbookFilter,
): boolean {
  const submittedDay = v.submittedAt?.slice(0, 10) ?? null;
  if (filter.status !== undefined && v.status !== filter.status) return false;
  if (filter.fieldOffice !== undefined && v.fieldOffice !== filter.fieldOffice) return false;
  if (filter.entityType !== undefined && v.entityType !== filter.entityType) return false;
  if (filter.submittedFrom !== undefined && (submittedDay === null || submittedDay < filter.submittedFrom))
    return false;
  if (filter.submittedTo !== undefined && (submittedDay === null || submittedDay > filter.submittedTo)) return false;
  return true;
}

type EditionIndex = {
  criteria: Map<string, { category: number; summary: string }>;
  categoryNames: Map<number, string>;
};
const editionIndexes = new WeakMap<CatalogEdition, Map<ReportLanguage, EditionIndex>>();

// Indexed once per edition and language: a workbook may hold a thousand validations of the same edition.
function editionIndex(edition: CatalogEdition | null, language: ReportLanguage): EditionIndex {
  if (!edition) return { criteria: new Map(), categoryNames: new Map() };
  let perLanguage = editionIndexes.get(edition);
  if (!perLanguage) {
    perLanguage = new Map();
    editionIndexes.set(edition, perLanguage);
  }
  let index = perLanguage.get(language);
  if (!index) {
    // As the report reads it: the edition's overlay in that language where the app has one, English otherwise.
    const translation = catalogTranslation(edition.id, language);
    const shown = translation ? localizeEdition(edition, translation) : edition;
    index = {
      criteria: new Map(shown.criteria.map((c) => [c.id, { category: c.category, summary: c.summary }])),
      categoryNames: new Map(shown.categories.map((c) => [c.number, c.name])),
    };
    perLanguage.set(language, index);
  }
  return index;
}

/** A workbook status's name: "Not started" for a draft HQ has never seen, else the workflow state's. */
const statusLabelOf = (status: WorkbookStatus, labels: ReportDomainLabels): string =>
  status === 'DRAFT' ? labels.status.DRAFT : labels.workflowState[status];

/**
 * One validation's rows, with the same due dates, reason labels and category names as its own report in that
 * language.
 */
export function findingsWorkbookEntry(
  source: FindingsWorkbookSource,
  language: ReportLanguage = 'en',
): WorkbookValidation {
  const v = source.validation;
  const text = REPORT_TEXT[language];
  const labels = REPORT_DOMAIN_LABELS[language];
  const { criteria, categoryNames } = editionIndex(source.edition, language);
  const categoryName = (n: number) => categoryNames.get(n) ?? fill(text.summary.categoryOf, { number: n });
  const reasonLabel = new Map(source.deficiencyReasons.map((r) => [r.code, reasonLabelIn(language, r)]));
  const reviewOf = new Map(source.reviews.map((r) => [r.findingId, r]));
  // Once approval fixes the report date, every required response is due a set period after it (as in the report).
  const validationDue = source.responseDueDate;
  const order = { ACTION_REQUIRED: 0, RECOMMENDATION: 1 } as const;
  const findings = [...source.findings]
    .sort(
      (a, b) => order[a.classification] - order[b.classification] || compareCriterionIds(a.criterionId, b.criterionId),
    )
    .map((f): WorkbookFinding => {
      const criterion = criteria.get(f.criterionId);
      const category = criterion?.category ?? Number(f.criterionId.split('.')[0]);
      const review = reviewOf.get(f.id);
      return {
        criterionId: f.criterionId,
        category,
        categoryName: categoryName(category),
        criterionSummary: criterion?.summary ?? null,
        classification: labels.classification[f.classification],
        reason: f.reasonCode === null ? null : (reasonLabel.get(f.reasonCode) ?? f.reasonCode),
        description: f.description,
        // A Recommendation's answer is optional and never due.
        responseDueDate: responseRequired(f.classification) ? shownDueDate(f, validationDue).due : null,
        reviewDecision: review ? labels.reviewDecision[review.decision] : null,
        reviewerComment: review?.comment || null,
        reviewedBy: review?.reviewedBy ?? null,
      };
    });
  return {
    validationId: v.id,
    memberName: source.member?.legalName ?? text.cover.memberUnknown,
    accountNumber: source.member?.accountNumber ?? '',
    entityType: labels.entityType[v.entityType],
    mode: labels.mode[v.mode],
    fieldOffice: source.fieldOffice,
    scssName: source.scssName,
    validationDate: v.scheduledDate,
    submittedAt: v.submittedAt,
    status: source.status,
    statusLabel: statusLabelOf(source.status, labels),
    reportDate: source.reportDate,
    actionRequired: source.findings.filter((f) => f.classification === 'ACTION_REQUIRED').length,
    recommendations: source.findings.filter((f) => f.classification === 'RECOMMENDATION').length,
    reviewed: findings.filter((f) => f.reviewDecision !== null).length,
    findings,
  };
}

/** Validation date, then Member, then ID: the order a supervisor reads a period in. */
export const byValidationDate = (a: WorkbookValidation, b: WorkbookValidation): number =>
  a.validationDate.localeCompare(b.validationDate) ||
  a.memberName.localeCompare(b.memberName) ||
  a.validationId.localeCompare(b.validationId);

// ─── Columns, shared by the workbook and the CSV ─────────────────────────────────────────────────────────────

/** A column's value; a date column gives YYYY-MM-DD or an ISO timestamp, written as a real date in Excel. */
type Cell = string | number | null;
type Column<Row> = { header: string; width: number; date?: 'date' | 'datetime'; value: (row: Row) => Cell };
type FindingRow = { v: WorkbookValidation; f: WorkbookFinding };
type Columns = { findings: Array<Column<FindingRow>>; validations: Array<Column<WorkbookValidation>> };

/** The two sheets' columns with their headers in one language. */
function columnsIn(language: ReportLanguage): Columns {
  const w = REPORT_TEXT[language].workbook;
  const h = REPORT_TEXT[language].findingsWorkbook;
  const validation = (submitted: Column<WorkbookValidation>): Array<Column<WorkbookValidation>> => [
    { header: h.member, width: 32, value: (v) => v.memberName },
    { header: h.accountNumber, width: 16, value: (v) => v.accountNumber },
    { header: h.entityType, width: 24, value: (v) => v.entityType },
    { header: h.mode, width: 10, value: (v) => v.mode },
    { header: h.fieldOffice, width: 16, value: (v) => v.fieldOffice },
    { header: h.scss, width: 20, value: (v) => v.scssName },
    { header: h.validationDate, width: 13, date: 'date', value: (v) => v.validationDate },
    submitted,
    { header: h.workflowState, width: 22, value: (v) => v.statusLabel },
  ];
  // Both sheets head the column "Submitted (UTC)": the Findings sheet's day is the UTC day, as the filter counts it.
  const submittedDay: Column<WorkbookValidation> = {
    header: h.submittedUtc,
    width: 13,
    date: 'date',
    value: (v) => v.submittedAt,
  };
  const submittedAt: Column<WorkbookValidation> = {
    header: h.submittedUtc,
    width: 20,
    date: 'datetime',
    value: (v) => v.submittedAt,
  };
  return {
    findings: [
      ...validation(submittedDay).map((c) => ({ ...c, value: (row: FindingRow) => c.value(row.v) })),
      { header: w.criterion, width: 10, value: ({ f }) => f.criterionId },
      { header: w.category, width: 9, value: ({ f }) => f.category },
      { header: h.categoryName, width: 26, value: ({ f }) => f.categoryName },
      { header: w.criterionSummary, width: 44, value: ({ f }) => f.criterionSummary },
      { header: w.classification, width: 16, value: ({ f }) => f.classification },
      { header: w.deficiencyReason, width: 24, value: ({ f }) => f.reason },
      { header: w.description, width: 60, value: ({ f }) => f.description },
      { header: w.responseDue, width: 13, date: 'date', value: ({ f }) => f.responseDueDate },
      { header: w.reviewDecision, width: 16, value: ({ f }) => f.reviewDecision },
      { header: w.reviewerComment, width: 40, value: ({ f }) => f.reviewerComment },
      { header: w.reviewedBy, width: 20, value: ({ f }) => f.reviewedBy },
      { header: h.validationId, width: 38, value: ({ v }) => v.validationId },
    ],
    validations: [
      ...validation(submittedAt),
      { header: h.reportDate, width: 13, date: 'date', value: (v) => v.reportDate },
      { header: h.actionRequired, width: 10, value: (v) => v.actionRequired },
      { header: h.recommendations, width: 10, value: (v) => v.recommendations },
      { header: h.findingsReviewed, width: 10, value: (v) => v.reviewed },
      { header: h.validationId, width: 38, value: (v) => v.validationId },
    ],
  };
}

const findingRows = (validations: readonly WorkbookValidation[]): FindingRow[] =>
  validations.flatMap((v) => v.findings.map((f) => ({ v, f })));

// ─── Excel ───────────────────────────────────────────────────────────────────────────────────────────────────

/** A Date Excel sorts and filters as one: a calendar day at midnight UTC, a timestamp as it is. */
function excelValue(value: Cell, date: Column<unknown>['date']): Cell | Date {
  if (date === 'date' && typeof value === 'string') return reportDateValue(value);
  if (date === 'datetime' && typeof value === 'string') return new Date(value);
  return typeof value === 'string' ? xmlSafe(value) : value;
}

type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

// Each row is written out as it is added: 20,000 findings held as cell objects took 600 MB and twice the time.
function addSheet<Row>(workbook: StreamingWorkbook, name: string, columns: Array<Column<Row>>, rows: readonly Row[]) {
  const sheet = workbook.addWorksheet(name, FROZEN_HEADER);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: columnStyle(c.date) }));
  styleHeaderRow(sheet, columns.length).commit();
  for (const row of rows) sheet.addRow(columns.map((c) => excelValue(c.value(row), c.date))).commit();
  sheet.commit();
}

/**
 * The workbook: a Findings sheet (one row per finding) and a Validations sheet (one row per validation), named and
 * headed in the language the entries were made in.
 */
export async function renderFindingsWorkbookXlsx(
  validations: readonly WorkbookValidation[],
  meta: { generatedAt: string; description: string; language?: ReportLanguage },
): Promise<Uint8Array> {
  const language = meta.language ?? 'en';
  const text = REPORT_TEXT[language].findingsWorkbook;
  const columns = columnsIn(language);
  // With neither stream nor file name, the writer keeps the bytes in memory as `workbook.stream` (exceljs README).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
  workbook.creator = 'CTPAT Validator';
  workbook.title = text.title;
  workbook.description = meta.description;
  workbook.created = new Date(meta.generatedAt);
  addSheet(workbook, text.findingsSheet, columns.findings, findingRows(validations));
  addSheet(workbook, text.validationsSheet, columns.validations, validations);
  await workbook.commit();
  return new Uint8Array((workbook as unknown as { stream: { read(): Uint8Array } }).stream.read());
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The Findings sheet as CSV, headed in the entries' language: UTF-8 with a byte order mark, formula-like cells
 * neutralised as in csv.ts, dates as ISO days (YYYY-MM-DD), which Excel reads as dates in any language.
 */
export function renderFindingsWorkbookCsv(
  validations: readonly WorkbookValidation[],
  language: ReportLanguage = 'en',
): Uint8Array {
  const columns = columnsIn(language).findings;
  const header = columns.map((c) => c.header);
  const rows = findingRows(validations).map((row) =>
    columns.map((c) => {
      const value = c.value(row);
      if (value === null) return '';
      if (typeof value === 'number') return String(value);
      return neutralize(c.date ? value.slice(0, 10) : value);
    }),
  );
  const csv = stringify([header, ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return new TextEncoder().encode(csv);
}

/** "CTPAT-findings-2026-01-01-to-2026-03-31-Houston-SUBMITTED.xlsx": what was asked for, and when. */
export function findingsWorkbookFileName(
  filter: FindingsWorkbookFilter,
  today: string,
  format: FindingsWorkbookFormat,
): string {
  const range =
    filter.submittedFrom || filter.submittedTo
      ? `submitted-${filter.submittedFrom ?? 'start'}-to-${filter.submittedTo ?? today}`
      : `as-of-${today}`;
  const parts = ['CTPAT-findings', range, filter.fieldOffice, filter.entityType, filter.status]
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  return `${parts.join('-')}.${format === 'XLSX' ? 'xlsx' : 'csv'}`;
}

/** What the workbook holds, in words, for its properties: the filter as the supervisor chose it, in a language. */
export function describeWorkbookFilter(filter: FindingsWorkbookFilter, language: ReportLanguage = 'en'): string {
  const text = REPORT_TEXT[language].findingsWorkbook;
  const labels = REPORT_DOMAIN_LABELS[language];
  const from = filter.submittedFrom ? formatReportDate(filter.submittedFrom, language) : null;
  const to = filter.submittedTo ? formatReportDate(filter.submittedTo, language) : null;
  const parts = [
    from && to
      ? fill(text.submittedBetween, { from, to })
      : from
        ? fill(text.submittedFrom, { from })
        : to
          ? fill(text.submittedTo, { to })
          : null,
    filter.fieldOffice ? fill(text.fieldOfficeOf, { office: filter.fieldOffice }) : null,
    filter.entityType ? labels.entityType[filter.entityType] : null,
    filter.status ? statusLabelOf(filter.status, labels) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? fill(text.describeFiltered, { filters: parts.join(', ') }) : text.describeAll;
}
