import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { compareCriterionIds } from '../catalog/load';
import type { CatalogEdition } from '../catalog/schema';
import { ENTITY_TYPE_LABELS } from '../domain/entity-types';
import { FINDING_CLASSIFICATION_LABELS } from '../domain/field-work';
import { responseDueDate, responseRequired } from '../domain/lifecycle';
import { REVIEW_DECISION_LABELS } from '../domain/review';
import { VALIDATION_MODE_LABELS, type Validation } from '../domain/validation';
import { neutralize } from './csv';
import { reportDateValue } from './format';
import type { ReportInput } from './input';
import { columnStyle, FROZEN_HEADER, styleHeaderRow } from './sheet-style';
import { xmlSafe } from './text';
import {
  type FindingsWorkbookFilter,
  type FindingsWorkbookFormat,
  WORKBOOK_STATUS_LABELS,
  type WorkbookStatus,
} from './workbook-filter';

/**
 * The findings of many validations in one workbook, for a supervisor: one row per finding (Action Required and
 * Recommendation) with its validation's Member, dates and workflow state, and one row per validation with counts.
 * Pure: the caller gathers each validation's source; this file turns them into rows and the rows into bytes.
 */

/** One validation as a loader gathers it: the report input's fields the workbook shows, and its status. */
export type FindingsWorkbookSource = Pick<
  ReportInput,
  'member' | 'edition' | 'findings' | 'reviews' | 'deficiencyReasons' | 'scssName' | 'fieldOffice' | 'reportDate'
> & {
  validation: Pick<Validation, 'id' | 'entityType' | 'mode' | 'scheduledDate' | 'submittedAt'>;
  status: WorkbookStatus;
  responseDays: number;
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

const criteriaIndex = new WeakMap<CatalogEdition, Map<string, { category: number; summary: string }>>();

// Indexed once per edition: a workbook may hold a thousand validations of the same edition.
function criterionLookup(edition: CatalogEdition | null) {
  if (!edition) return new Map<string, { category: number; summary: string }>();
  let index = criteriaIndex.get(edition);
  if (!index) {
    index = new Map(edition.criteria.map((c) => [c.id, { category: c.category, summary: c.summary }]));
    criteriaIndex.set(edition, index);
  }
  return index;
}

/** One validation's rows, with the same due dates, reason labels and category names as its own report. */
export function findingsWorkbookEntry(source: FindingsWorkbookSource): WorkbookValidation {
  const v = source.validation;
  const criteria = criterionLookup(source.edition);
  const categoryName = (n: number) => source.edition?.categories.find((c) => c.number === n)?.name ?? `Category ${n}`;
  const reasonLabel = new Map(source.deficiencyReasons.map((r) => [r.code, r.label]));
  const reviewOf = new Map(source.reviews.map((r) => [r.findingId, r]));
  // Once approval fixes the report date, every required response is due a set period after it (as in the report).
  const validationDue = source.reportDate === null ? null : responseDueDate(source.reportDate, source.responseDays);
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
        classification: FINDING_CLASSIFICATION_LABELS[f.classification],
        reason: f.reasonCode === null ? null : (reasonLabel.get(f.reasonCode) ?? f.reasonCode),
        description: f.description,
        // A Recommendation's answer is optional and never due.
        responseDueDate: responseRequired(f.classification) ? (validationDue ?? f.dueDate) : null,
        reviewDecision: review ? REVIEW_DECISION_LABELS[review.decision] : null,
        reviewerComment: review?.comment || null,
        reviewedBy: review?.reviewedBy ?? null,
      };
    });
  return {
    validationId: v.id,
    memberName: source.member?.legalName ?? 'Member not known on this computer',
    accountNumber: source.member?.accountNumber ?? '',
    entityType: ENTITY_TYPE_LABELS[v.entityType],
    mode: VALIDATION_MODE_LABELS[v.mode],
    fieldOffice: source.fieldOffice,
    scssName: source.scssName,
    validationDate: v.scheduledDate,
    submittedAt: v.submittedAt,
    status: source.status,
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

const VALIDATION_COLUMNS: Array<Column<WorkbookValidation>> = [
  { header: 'Member', width: 32, value: (v) => v.memberName },
  { header: 'Account number', width: 16, value: (v) => v.accountNumber },
  { header: 'Entity type', width: 24, value: (v) => v.entityType },
  { header: 'Mode', width: 10, value: (v) => v.mode },
  { header: 'Field office', width: 16, value: (v) => v.fieldOffice },
  { header: 'SCSS', width: 20, value: (v) => v.scssName },
  { header: 'Validation date', width: 13, date: 'date', value: (v) => v.validationDate },
  { header: 'Submitted', width: 13, date: 'date', value: (v) => v.submittedAt },
  { header: 'Workflow state', width: 22, value: (v) => WORKBOOK_STATUS_LABELS[v.status] },
];
const FINDING_COLUMNS: Array<Column<FindingRow>> = [
  ...VALIDATION_COLUMNS.map((c) => ({ ...c, value: (row: FindingRow) => c.value(row.v) })),
  { header: 'Criterion', width: 10, value: ({ f }) => f.criterionId },
  { header: 'Category', width: 9, value: ({ f }) => f.category },
  { header: 'Category name', width: 26, value: ({ f }) => f.categoryName },
  { header: 'Criterion summary', width: 44, value: ({ f }) => f.criterionSummary },
  { header: 'Classification', width: 16, value: ({ f }) => f.classification },
  { header: 'Deficiency reason', width: 24, value: ({ f }) => f.reason },
  { header: 'Description', width: 60, value: ({ f }) => f.description },
  { header: 'Response due', width: 13, date: 'date', value: ({ f }) => f.responseDueDate },
  { header: 'Review decision', width: 16, value: ({ f }) => f.reviewDecision },
  { header: 'Reviewer comment', width: 40, value: ({ f }) => f.reviewerComment },
  { header: 'Reviewed by', width: 20, value: ({ f }) => f.reviewedBy },
  { header: 'Validation ID', width: 38, value: ({ v }) => v.validationId },
];
const SUMMARY_COLUMNS: Array<Column<WorkbookValidation>> = [
  ...VALIDATION_COLUMNS.map((c) =>
    c.header === 'Submitted' ? { ...c, header: 'Submitted (UTC)', width: 20, date: 'datetime' as const } : c,
  ),
  { header: 'Report date', width: 13, date: 'date', value: (v) => v.reportDate },
  { header: 'Action required', width: 10, value: (v) => v.actionRequired },
  { header: 'Recommendations', width: 10, value: (v) => v.recommendations },
  { header: 'Findings reviewed', width: 10, value: (v) => v.reviewed },
  { header: 'Validation ID', width: 38, value: (v) => v.validationId },
];

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

/** The workbook: a Findings sheet (one row per finding) and a Validations sheet (one row per validation). */
export async function renderFindingsWorkbookXlsx(
  validations: readonly WorkbookValidation[],
  meta: { generatedAt: string; description: string },
): Promise<Uint8Array> {
  // With neither stream nor file name, the writer keeps the bytes in memory as `workbook.stream` (exceljs README).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true });
  workbook.creator = 'CTPAT Validator';
  workbook.title = 'CTPAT findings across validations';
  workbook.description = meta.description;
  workbook.created = new Date(meta.generatedAt);
  addSheet(workbook, 'Findings', FINDING_COLUMNS, findingRows(validations));
  addSheet(workbook, 'Validations', SUMMARY_COLUMNS, validations);
  await workbook.commit();
  return new Uint8Array((workbook as unknown as { stream: { read(): Uint8Array } }).stream.read());
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The Findings sheet as CSV: UTF-8 with a byte order mark, formula-like cells neutralised as in csv.ts. */
export function renderFindingsWorkbookCsv(validations: readonly WorkbookValidation[]): Uint8Array {
  const header = FINDING_COLUMNS.map((c) => c.header);
  const rows = findingRows(validations).map((row) =>
    FINDING_COLUMNS.map((c) => {
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

/** What the workbook holds, in words, for its properties: the filter as the supervisor chose it. */
export function describeWorkbookFilter(filter: FindingsWorkbookFilter): string {
  const parts = [
    filter.submittedFrom || filter.submittedTo
      ? `submitted ${filter.submittedFrom ?? 'any time'} to ${filter.submittedTo ?? 'now'} (UTC)`
      : null,
    filter.fieldOffice ? `field office ${filter.fieldOffice}` : null,
    filter.entityType ? ENTITY_TYPE_LABELS[filter.entityType] : null,
    filter.status ? WORKBOOK_STATUS_LABELS[filter.status] : null,
  ].filter((p): p is string => p !== null);
  return `Findings of every validation on this computer${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}
