import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  findingCriterionId,
  getEvidence,
  insertEvidence,
  softDeleteEvidence,
  updateEvidenceCaption,
} from '../../db/queries/evidence';
import { readSettings } from '../../db/queries/settings';
import { getOwnWorkflowState } from '../../db/queries/workflow';
import {
  EVIDENCE_FILE_TYPES,
  type EvidenceFileType,
  extensionOf,
  rejectionMessage,
  typeForFileName,
} from '../../shared/domain/evidence-files';
import type { Evidence } from '../../shared/domain/field-work';
import type { Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { type Message, message } from '../../shared/messages';
import { filesNamedByPulledCopies } from '../sync/download-evidence';
import { getEdition, worksheetCriteria } from './catalog-service';
import { recordChange } from './change-log';
import { type ByteSource, bufferSource, detectEvidenceKind, withFileSource } from './evidence-file-type';
import {
  discardStaged,
  ensureThumbnail,
  type StagedFile,
  StagedFileTooLargeError,
  stageBytes,
  stageFromPath,
  storeStaged,
  sweepEvidenceLeftovers,
} from './evidence-store';
import { isoNow, type ServiceContext } from './service-context';
import { requireEditableValidation, requireOwnValidation } from './validation-service';

const inTransaction = <T>(ctx: ServiceContext, work: () => T): T => ctx.db.transaction(work).immediate();

const PICKED_FILE_TTL_MS = 60 * 60 * 1000;

type PickedFile = { path: string; fileName: string; validationId: string; expiresAt: number };

/**
 * Files the SCSS chose in the native dialog, known to the renderer only by a random token: the page
 * can attach what was picked and nothing else on disk.
 */
export class PickedFileRegistry {
  private readonly files = new Map<string, PickedFile>();
  constructor(private readonly now: () => number = Date.now) {}

  remember(validationId: string, filePath: string): string {
    this.forgetExpired();
    const token = randomUUID();
    this.files.set(token, {
      path: filePath,
      fileName: path.basename(filePath),
      validationId,
      expiresAt: this.now() + PICKED_FILE_TTL_MS,
    });
    return token;
  }

  /** Each token attaches once. */
  take(token: string, validationId: string): PickedFile | undefined {
    this.forgetExpired();
    const file = this.files.get(token);
    if (!file || file.validationId !== validationId) return undefined;
    this.files.delete(token);
    return file;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, file] of this.files) if (file.expiresAt <= now) this.files.delete(token);
  }
}

/** Opens the native dialog and hands back tokens for the chosen files. */
export async function pickEvidenceFiles(
  ctx: ServiceContext,
  registry: PickedFileRegistry,
  showOpenDialog: () => Promise<string[]>,
  validationId: string,
): Promise<ResponseOf<'evidence:pick'>> {
  // Files are picked for the worksheet, or for a Member's response once the report is out.
  if (getOwnWorkflowState(ctx.db, validationId) === 'AWAITING_RESPONSE') requireOwnValidation(ctx, validationId);
  else requireEditableValidation(ctx, validationId);
  const paths = await showOpenDialog();
  return Promise.all(
    paths.map(async (filePath) => {
      const info = await stat(filePath);
      return {
        token: registry.remember(validationId, filePath),
        fileName: path.basename(filePath),
        sizeBytes: info.size,
      };
    }),
  );
}

const refuse = (text: Message): never => {
  throw new AppError('BAD_REQUEST', text);
};

/** A display name only: no folders, no control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned || 'file';
}

function checkSize(fileName: string, sizeBytes: number, maxBytes: number): void {
  if (sizeBytes === 0) refuse(rejectionMessage(fileName, { kind: 'EMPTY' }));
  if (sizeBytes > maxBytes) refuse(rejectionMessage(fileName, { kind: 'TOO_LARGE', sizeBytes, maxBytes }));
}

/** The file's type from its bytes, refused when that type is not allowed or its name claims another. */
export async function checkEvidenceType(fileName: string, source: ByteSource): Promise<EvidenceFileType> {
  const claimed = typeForFileName(fileName);
  if (!claimed && extensionOf(fileName)) return refuse(rejectionMessage(fileName, { kind: 'NOT_ALLOWED' }));
  const detected = await detectEvidenceKind(source);
  if (!claimed) {
    // No extension at all: the bytes decide, but only a recognisable photo or document passes.
    if (detected && detected !== 'TEXT') return EVIDENCE_FILE_TYPES[detected];
    return refuse(rejectionMessage(fileName, { kind: 'NOT_ALLOWED' }));
  }
  const claimsText = claimed.kind === 'TEXT' || claimed.kind === 'CSV';
  if (claimsText ? detected === 'TEXT' : detected === claimed.kind) return claimed;
  return refuse(
    rejectionMessage(fileName, {
      kind: 'MISMATCH',
      claimed,
      actual: detected ? EVIDENCE_FILE_TYPES[detected] : null,
    }),
  );
}

/**
 * A criterion must be on the validation's worksheet; a finding must be part of the validation (and of that
 * criterion). Returns the criterion the evidence belongs to: a finding's evidence carries its criterion too.
 */
function resolveAttachTarget(
  ctx: ServiceContext,
  validation: Validation,
  criterionId: string | null,
  findingId: string | null,
): string | null {
  if (criterionId) {
    const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
    if (!criteria.some((c) => c.id === criterionId)) {
      refuse(message('errors.evidence.criterionNotOnWorksheet', { criterionId }));
    }
  }
  if (!findingId) return criterionId;
  const findingCriterion = findingCriterionId(ctx.db, validation.id, findingId);
  if (!findingCriterion) throw new AppError('NOT_FOUND', message('errors.evidence.findingGone'));
  if (criterionId && findingCriterion !== criterionId) {
    refuse(message('errors.evidence.findingElsewhere', { findingCriterion, criterionId }));
  }
  return findingCriterion;
}

function decodeBase64(fileName: string, base64: string, maxBytes: number): Buffer {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const expectedBytes = Math.floor((base64.length * 3) / 4) - padding;
  // Refuse an oversize file before allocating its bytes.
  checkSize(fileName, expectedBytes, maxBytes);
  const bytes = Buffer.from(base64, 'base64');
  if (base64.length % 4 !== 0 || bytes.length !== expectedBytes) {
    refuse(message('errors.evidence.notIntact', { fileName }));
  }
  return bytes;
}

/** Copies the file into the data folder's staging area and checks it; nothing is stored when it is refused. */
async function stageChecked(
  ctx: ServiceContext,
  request: Pick<ParsedRequestOf<'evidence:attach'>, 'validationId' | 'fileName' | 'source'>,
  registry: PickedFileRegistry,
  maxBytes: number,
): Promise<{ staged: StagedFile; type: EvidenceFileType; fileName: string }> {
  const { source } = request;
  if (source.kind === 'bytes') {
    const fileName = cleanFileName(request.fileName);
    const bytes = decodeBase64(fileName, source.base64, maxBytes);
    const type = await checkEvidenceType(fileName, bufferSource(bytes));
    return { staged: await stageBytes(ctx.dataDir, bytes), type, fileName };
  }
  const picked = registry.take(source.token, request.validationId);
  if (!picked) {
    return refuse(message('errors.evidence.choiceExpired', { fileName: cleanFileName(request.fileName) }));
  }
  const fileName = cleanFileName(picked.fileName);
  const info = await stat(picked.path).catch(() => null);
  if (!info?.isFile()) {
    throw new AppError('NOT_FOUND', message('errors.evidence.moved', { fileName }));
  }
  checkSize(fileName, info.size, maxBytes);
  await withFileSource(picked.path, (s) => checkEvidenceType(fileName, s));
  let staged: StagedFile;
  try {
    staged = await stageFromPath(ctx.dataDir, picked.path, maxBytes);
  } catch (error) {
    if (error instanceof StagedFileTooLargeError) {
      return refuse(rejectionMessage(fileName, { kind: 'TOO_LARGE', sizeBytes: error.sizeBytes, maxBytes }));
    }
    throw error;
  }
  try {
    // The copy is what is kept, so the copy is what is checked (the original may have changed meanwhile).
    checkSize(fileName, staged.sizeBytes, maxBytes);
    const type = await withFileSource(staged.tempPath, (s) => checkEvidenceType(fileName, s));
    return { staged, type, fileName };
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
}

/**
 * Attaches a photo or document to a criterion or a finding: checked (size, then type from its bytes),
 * stored by SHA-256, thumbnailed when it is a photo, then recorded with its audit and outbox rows.
 */
export async function attachEvidence(
  ctx: ServiceContext,
  request: ParsedRequestOf<'evidence:attach'>,
  registry: PickedFileRegistry,
): Promise<Evidence> {
  const validation = requireEditableValidation(ctx, request.validationId);
  resolveAttachTarget(ctx, validation, request.criterionId, request.findingId);
  const stored = await storeCheckedFile(ctx, request, registry);

  // The file is stored before its row: a row never names a missing file. Should this transaction fail,
  // the file stays as an unreferenced copy (it may be shared with a concurrent attach of the same bytes)
  // until the next start-up's sweep.
  return inTransaction(ctx, () => {
    const current = requireEditableValidation(ctx, request.validationId);
    const criterionId = resolveAttachTarget(ctx, current, request.criterionId, request.findingId);
    const evidence: Evidence = {
      id: randomUUID(),
      validationId: current.id,
      criterionId,
      findingId: request.findingId,
      sha256: stored.sha256,
      fileName: stored.fileName,
      mediaType: stored.mediaType,
      sizeBytes: stored.sizeBytes,
      caption: request.caption.trim(),
      observedRemotely: current.mode === 'VIRTUAL',
      hasThumbnail: stored.hasThumbnail,
      createdAt: isoNow(ctx),
    };
    insertEvidence(ctx.db, evidence);
    recordChange(ctx, {
      at: evidence.createdAt,
      action: 'evidence.attach',
      entity: 'evidence',
      entityId: evidence.id,
      before: null,
      after: evidence,
      outbox: { operation: 'upsert', payload: evidence },
    });
    return evidence;
  });
}

/** A file checked (size, type from its bytes) and stored by SHA-256 exactly as evidence is, thumbnail included. */
export async function storeCheckedFile(
  ctx: ServiceContext,
  request: Pick<ParsedRequestOf<'evidence:attach'>, 'validationId' | 'fileName' | 'source'>,
  registry: PickedFileRegistry,
): Promise<{ sha256: string; fileName: string; mediaType: string; sizeBytes: number; hasThumbnail: boolean }> {
  const { maxEvidenceBytes } = readSettings(ctx.db);
  const { staged, type, fileName } = await stageChecked(ctx, request, registry, maxEvidenceBytes);
  await storeStaged(ctx.dataDir, staged);
  const hasThumbnail = type.image ? await ensureThumbnail(ctx.dataDir, staged.sha256) : false;
  return { sha256: staged.sha256, fileName, mediaType: type.mediaType, sizeBytes: staged.sizeBytes, hasThumbnail };
}

function requireAttachedEvidence(ctx: ServiceContext, validationId: string, evidenceId: string) {
  const found = getEvidence(ctx.db, evidenceId);
  if (!found || found.validationId !== validationId || found.deletedAt !== null) {
    throw new AppError('NOT_FOUND', message('errors.evidence.notAttached'));
  }
  const { deletedAt: _deletedAt, deletedReason: _deletedReason, ...evidence } = found;
  return evidence;
}

export function updateEvidence(ctx: ServiceContext, request: ParsedRequestOf<'evidence:update'>): Evidence {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, request.validationId);
    const before = requireAttachedEvidence(ctx, request.validationId, request.evidenceId);
    const caption = request.caption.trim();
    if (caption === before.caption) return before;
    updateEvidenceCaption(ctx.db, before.id, caption);
    const after: Evidence = { ...before, caption };
    recordChange(ctx, {
      action: 'evidence.update',
      entity: 'evidence',
      entityId: before.id,
      before,
      after,
      outbox: { operation: 'upsert', payload: after },
    });
    return after;
  });
}

/** A soft delete: the row and the stored file stay; the audit log records who removed it and why. */
export function deleteEvidence(ctx: ServiceContext, request: ParsedRequestOf<'evidence:delete'>): { deleted: true } {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, request.validationId);
    const before = requireAttachedEvidence(ctx, request.validationId, request.evidenceId);
    const at = isoNow(ctx);
    const reason = request.reason.trim();
    softDeleteEvidence(ctx.db, before.id, at, reason);
    recordChange(ctx, {
      at,
      action: 'evidence.delete',
      entity: 'evidence',
      entityId: before.id,
      before,
      after: { ...before, deletedAt: at, deletedReason: reason },
      outbox: {
        operation: 'delete',
        payload: { id: before.id, validationId: before.validationId, deletedAt: at, reason },
      },
    });
    return { deleted: true };
  });
}

/**
 * Run when the data folder opens: deletes staging files and stored files no evidence row names (an attach
 * cut short by a crash). Soft-deleted rows still name their files, so those files stay, as do files pulled for
 * review of a validation not yet closed.
 */
export function sweepUnreferencedEvidence(ctx: ServiceContext): string[] {
  const rows = ctx.db.prepare('SELECT sha256 FROM evidence UNION SELECT sha256 FROM member_response_files').all() as {
    sha256: string;
  }[];
  // Files pulled for review are named by HQ's copies, not by a local evidence row.
  const referenced = new Set([...rows.map((r) => r.sha256), ...filesNamedByPulledCopies(ctx.db)]);
  // File times are the OS clock's, so the sweep compares with it (ctx.now may be a test's clock).
  return sweepEvidenceLeftovers(ctx.dataDir, referenced);
}
