import { z } from 'zod';
import { getCatalogEdition } from '../../../db/queries/catalog-editions';
import { type HqCopy, recordsOf } from '../../../db/queries/hq-validations';
import { getMember } from '../../../db/queries/members';
import { readSettings } from '../../../db/queries/settings';
import { stmt } from '../../../db/statements';
import { IsoDateTimeSchema, ValidationSchema } from '../../../shared/domain/validation';
import { AppError } from '../../../shared/ipc/envelope';
import { message } from '../../../shared/messages';
import {
  byValidationDate,
  describeWorkbookFilter,
  type FindingsWorkbookSource,
  findingsWorkbookEntry,
  findingsWorkbookFileName,
  matchesWorkbookFilter,
  renderFindingsWorkbookCsv,
  renderFindingsWorkbookXlsx,
  type WorkbookValidation,
} from '../../../shared/report/findings-workbook';
import type { ReportLanguage } from '../../../shared/report/i18n';
import type { FindingsWorkbookFilter, FindingsWorkbookFormat } from '../../../shared/report/workbook-filter';
import { MemberSnapshotSchema } from '../../../shared/sync/protocol';
import { NOT_ENROLLED_ACTOR } from '../identity';
import {
  loadLifecycle,
  outboxReadWhileUnchanged,
  reportDateOf,
  responseDueOf,
  todayOf,
  type ValidationLifecycle,
} from '../lifecycle-read';
import type { ServiceContext } from '../service-context';
import { REPORT_FORMATS } from './export';

/**
 * The findings workbook across the validations this computer holds: the SCSS's own and the copies pulled from
 * HQ (most of what a supervisor's laptop holds). Read-only; one validation per event-loop turn, so a long
 * export reports progress and can be cancelled between validations.
 */

export type FindingsWorkbookRequest = {
  filter?: FindingsWorkbookFilter;
  format: FindingsWorkbookFormat;
  /** The language of the person exporting (their interface's, as for the internal report); English if not given. */
  language?: ReportLanguage;
  /** Aborting stops the export before the next validation; it then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Validations looked at so far, of how many match the store's filterable columns. */
  onProgress?: (done: number, total: number) => void;
};

export type FindingsWorkbookExport = {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  /** Validations in the workbook, and their findings (its rows). */
  validations: number;
  findings: number;
  /** Each validation (or record) left out because it could not be read, named. */
  warnings: string[];
};

export const EXPORT_CANCELLED = 'Export cancelled';

/** The error a cancelled export rejects with: an AbortError, as fetch and streams use for the same thing. */
export const exportCancelledError = (): DOMException => new DOMException(EXPORT_CANCELLED, 'AbortError');

type Candidate = { id: string; member_name: string | null; validation_date: string | null };

/**
 * Validations whose columns already match the filter: own ones from their table, pulled copies that are not
 * own ones from theirs. A copy whose payload is not JSON is kept, so that it is named as unreadable.
 */
function listCandidates(ctx: ServiceContext, filter: FindingsWorkbookFilter): Candidate[] {
  const copyField = (field: string) => `json_extract(h.payload_json, '$.${field}')`;
  return stmt(
    ctx.db,
    `SELECT v.id, m.legal_name AS member_name, v.scheduled_date AS validation_date
       FROM validations v LEFT JOIN members m ON m.id = v.member_id
      WHERE (@entityType IS NULL OR v.entity_type = @entityType)
        AND (@status IS NULL OR coalesce(v.workflow_state, v.status) = @status)
        AND (@from IS NULL OR substr(v.submitted_at, 1, 10) >= @from)
        AND (@to IS NULL OR substr(v.submitted_at, 1, 10) <= @to)
     UNION ALL
     SELECT h.id, iif(json_valid(h.payload_json), ${copyField('member.legalName')}, NULL),
            iif(json_valid(h.payload_json), ${copyField('scheduledDate')}, NULL)
       FROM hq_validations h
      WHERE NOT EXISTS (SELECT 1 FROM validations v WHERE v.id = h.id)
        AND (@status IS NULL OR coalesce(h.workflow_state, h.status) = @status)
        AND (@fieldOffice IS NULL OR h.field_office = @fieldOffice)
        AND (NOT json_valid(h.payload_json) OR (
              (@entityType IS NULL OR ${copyField('entityType')} = @entityType)
          AND (@from IS NULL OR substr(${copyField('submittedAt')}, 1, 10) >= @from)
          AND (@to IS NULL OR substr(${copyField('submittedAt')}, 1, 10) <= @to)))
      ORDER BY 3, 2, 1`,
  ).all({
    entityType: filter.entityType ?? null,
    status: filter.status ?? null,
    fieldOffice: filter.fieldOffice ?? null,
    from: filter.submittedFrom ?? null,
    to: filter.submittedTo ?? null,
  }) as Candidate[];
}

/** The fields of a pulled copy's validation the workbook shows; fields HQ leaves out read as not recorded. */
const PulledValidationSchema = ValidationSchema.pick({
  memberId: true,
  entityType: true,
  mode: true,
  catalogEditionId: true,
  scheduledDate: true,
}).extend({ submittedAt: IsoDateTimeSchema.nullish(), signedByName: z.string().nullish() });

class UnreadableValidation extends Error {}

/** One validation's source for the workbook, read the way its own report reads it (lifecycle-read, load-input). */
function loadSource(
  ctx: ServiceContext,
  l: ValidationLifecycle,
  shared: { members: Map<string, FindingsWorkbookSource['member']>; settings: ReturnType<typeof readSettings> },
): FindingsWorkbookSource {
  const memberOf = (memberId: string) => {
    if (!shared.members.has(memberId)) shared.members.set(memberId, getMember(ctx.db, memberId) ?? null);
    return shared.members.get(memberId) ?? null;
  };
  const common = {
    findings: l.findings,
    reviews: [...l.reviews.values()],
    deficiencyReasons: shared.settings.deficiencyReasons,
    fieldOffice: l.fieldOffice,
    reportDate: reportDateOf(l),
    responseDueDate: responseDueOf(ctx, l),
  };
  if (l.validation) {
    const v = l.validation;
    const enrolledName = ctx.person?.name ?? (ctx.actor === NOT_ENROLLED_ACTOR ? null : ctx.actor);
    return {
      ...common,
      validation: v,
      status: l.state ?? v.status,
      member: memberOf(v.memberId),
      edition: getCatalogEdition(ctx.db, v.catalogEditionId) ?? null,
      scssName: v.signedByName ?? enrolledName,
    };
  }
  const copy = l.copy as HqCopy;
  const parsed = PulledValidationSchema.safeParse(copy.payload);
  if (!parsed.success) throw new UnreadableValidation(message('reportWarning.copyUnreadable').message);
  const p = parsed.data;
  return {
    ...common,
    validation: { ...p, id: copy.id, submittedAt: p.submittedAt ?? null },
    status: l.state ?? (copy.status === 'SUBMITTED' ? 'SUBMITTED' : 'IN_PROGRESS'),
    member: MemberSnapshotSchema.safeParse(copy.payload.member).data ?? memberOf(p.memberId),
    edition: getCatalogEdition(ctx.db, p.catalogEditionId) ?? null,
    scssName: p.signedByName ?? null,
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw exportCancelledError();
}

const detailOf = (error: unknown) =>
  error instanceof UnreadableValidation || error instanceof AppError
    ? error.message
    : message('reportWarning.recordUnreadable', {
        error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      }).message;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A validation left out, named by its Member and date when they could be read (the Reports area translates it). */
function leftOut(c: Candidate, error: unknown): string {
  const detail = detailOf(error);
  return c.member_name && c.validation_date && ISO_DATE.test(c.validation_date)
    ? message('reportWarning.leftOut', { member: c.member_name, date: c.validation_date, id: c.id, detail }).message
    : message('reportWarning.leftOutUnnamed', { id: c.id, detail }).message;
}

/** The findings workbook (Excel) or its Findings sheet (CSV) for the validations the filter picks. */
export async function exportFindingsWorkbook(
  ctx: ServiceContext,
  request: FindingsWorkbookRequest,
): Promise<FindingsWorkbookExport> {
  const filter = request.filter ?? {};
  const { signal, onProgress, language = 'en' } = request;
  throwIfCancelled(signal);
  const candidates = listCandidates(ctx, filter);
  const shared = { members: new Map(), settings: readSettings(ctx.db) };
  const entries: WorkbookValidation[] = [];
  const warnings: string[] = [];
  const outbox = outboxReadWhileUnchanged(ctx);
  onProgress?.(0, candidates.length);
  for (const [i, candidate] of candidates.entries()) {
    await nextTurn();
    throwIfCancelled(signal);
    try {
      const l = loadLifecycle(ctx, candidate.id, outbox);
      const source = loadSource(ctx, l, shared);
      const v = source.validation;
      if (matchesWorkbookFilter({ ...source, entityType: v.entityType, submittedAt: v.submittedAt }, filter)) {
        entries.push(findingsWorkbookEntry(source, language));
        const unread = l.copy && !l.own ? recordsOf(l.copy, 'finding').length - l.findings.length : 0;
        if (unread > 0) {
          const named = {
            member: candidate.member_name ?? '',
            date: candidate.validation_date ?? '',
            id: candidate.id,
          };
          warnings.push(message('reportWarning.findingsUnread', { count: unread, ...named }).message);
        }
      }
    } catch (error) {
      warnings.push(leftOut(candidate, error));
    }
    onProgress?.(i + 1, candidates.length);
  }
  entries.sort(byValidationDate);
  await nextTurn();
  throwIfCancelled(signal);
  const bytes =
    request.format === 'XLSX'
      ? await renderFindingsWorkbookXlsx(entries, {
          generatedAt: ctx.now().toISOString(),
          description: describeWorkbookFilter(filter, language),
          language,
        })
      : renderFindingsWorkbookCsv(entries, language);
  // Cancelled while the workbook was being written: the caller asked for nothing, so it gets nothing.
  throwIfCancelled(signal);
  return {
    bytes,
    fileName: findingsWorkbookFileName(filter, todayOf(ctx), request.format),
    mediaType: REPORT_FORMATS[request.format].mediaType,
    validations: entries.length,
    findings: entries.reduce((n, e) => n + e.findings.length, 0),
    warnings,
  };
}
