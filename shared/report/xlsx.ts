import ExcelJS from 'exceljs';
import { reportDateValue } from './format';
import { REPORT_TEXT } from './i18n';
import { isInternal, type ReportModel } from './model';
import { columnStyle, type DateKind, FROZEN_HEADER, styleHeaderRow } from './sheet-style';
import { xmlSafe } from './text';

/**
 * The report as a workbook: findings, every criterion, and (internal only) the evidence manifest and the
 * checklists. Each sheet has a frozen, filterable header row, set widths, and real dates (Excel sorts and
 * filters them as dates, not text).
 */

type Column = { header: string; key: string; width: number; date?: DateKind };
type Cell = string | number | Date | null;

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, Cell>>) {
  const sheet = workbook.addWorksheet(name, FROZEN_HEADER);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: columnStyle(c.date) }));
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? xmlSafe(v) : v])));
  }
  styleHeaderRow(sheet, columns.length);
  return sheet;
}

const timestamp = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/** The report as .xlsx bytes. */
export async function renderReportXlsx(model: ReportModel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CTPAT Validator';
  workbook.title = `${model.title}: ${model.cover.memberName}`;
  const t = REPORT_TEXT[model.language];
  const h = t.workbook;
  workbook.subject = `${model.marking}${model.draft ? ` ${t.draft.mark}` : ''}`;
  workbook.created = new Date(model.generatedAt);
  const internal = isInternal(model) ? model.internal : null;

  addSheet(
    workbook,
    h.findings,
    [
      { header: h.criterion, key: 'criterionId', width: 10 },
      { header: h.category, key: 'category', width: 28 },
      { header: h.criterionSummary, key: 'summary', width: 40 },
      { header: h.classification, key: 'classification', width: 16 },
      { header: h.deficiencyReason, key: 'reason', width: 24 },
      { header: h.description, key: 'description', width: 60 },
      { header: h.responseDue, key: 'due', width: 13, date: 'date' },
      { header: h.photos, key: 'photos', width: 8 },
      ...(internal
        ? [
            { header: h.reviewDecision, key: 'decision', width: 16 },
            { header: h.reviewerComment, key: 'comment', width: 40 },
            { header: h.reviewedBy, key: 'reviewedBy', width: 20 },
          ]
        : []),
    ],
    [...model.actionRequired, ...model.recommendations].map((f) => {
      const review = internal?.reviews.find((r) => r.findingId === f.id);
      return {
        criterionId: f.criterionId,
        category: `${f.category}. ${f.categoryName}`,
        summary: f.criterionSummary,
        classification: f.classificationLabel,
        reason: f.reason,
        description: f.description,
        due: reportDateValue(f.responseDueDate),
        photos: f.photos.length,
        ...(internal
          ? {
              decision: review?.decision ?? null,
              comment: review?.comment ?? null,
              reviewedBy: review?.reviewedBy ?? null,
            }
          : {}),
      };
    }),
  );

  addSheet(
    workbook,
    h.criteria,
    [
      { header: h.criterion, key: 'id', width: 10 },
      { header: h.category, key: 'category', width: 28 },
      { header: h.level, key: 'level', width: 14 },
      { header: h.summary, key: 'summary', width: 50 },
      { header: h.result, key: 'result', width: 15 },
      ...(internal
        ? [
            { header: h.howVerified, key: 'methods', width: 28 },
            { header: h.site, key: 'site', width: 24 },
            { header: h.notApplicableBecause, key: 'na', width: 30 },
            { header: h.notes, key: 'notes', width: 60 },
          ]
        : []),
    ],
    model.criteria.map((c) => {
      const d = internal?.criterionDetails.find((x) => x.criterionId === c.id);
      return {
        id: c.id,
        category: `${c.category}. ${c.categoryName}`,
        level: c.level,
        summary: c.summary,
        result: c.resultLabel,
        ...(internal
          ? {
              methods: d?.verificationMethods.join(', ') ?? '',
              site: d?.siteName ?? null,
              na: d?.naJustification ?? '',
              notes: d?.notes ?? '',
            }
          : {}),
      };
    }),
  );

  if (internal) {
    addSheet(
      workbook,
      h.evidenceManifest,
      [
        { header: h.file, key: 'fileName', width: 30 },
        { header: h.sha256, key: 'sha256', width: 66 },
        { header: h.sizeBytes, key: 'size', width: 12 },
        { header: h.type, key: 'mediaType', width: 18 },
        { header: h.attachedBy, key: 'attachedBy', width: 24 },
        { header: h.attachedAtUtc, key: 'attachedAt', width: 20, date: 'datetime' },
        { header: h.observedRemotely, key: 'remote', width: 10 },
        { header: h.attachedTo, key: 'attachedTo', width: 18 },
        { header: h.caption, key: 'caption', width: 40 },
      ],
      internal.evidenceManifest.map((e) => ({
        fileName: e.fileName,
        sha256: e.sha256,
        size: e.sizeBytes,
        mediaType: e.mediaType,
        attachedBy: e.attachedBy,
        attachedAt: timestamp(e.attachedAt),
        remote: e.observedRemotely ? t.yes : t.no,
        attachedTo: e.attachedTo,
        caption: e.caption,
      })),
    );
    addSheet(
      workbook,
      h.checklists,
      [
        { header: h.criterion, key: 'criterionId', width: 10 },
        { header: h.checklist, key: 'title', width: 36 },
        { header: h.inspected, key: 'label', width: 20 },
        { header: h.refrigerated, key: 'refrigerated', width: 12 },
        { header: h.item, key: 'item', width: 44 },
        { header: h.result, key: 'status', width: 14 },
        { header: h.note, key: 'note', width: 40 },
      ],
      internal.checklists.flatMap((c) =>
        c.items.map((item) => ({
          criterionId: c.criterionId,
          title: c.title,
          label: c.label,
          refrigerated: c.refrigerated ? t.yes : t.no,
          item: `${item.group ? `${item.group}: ` : ''}${item.label}`,
          status: item.status,
          note: item.note,
        })),
      ),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
