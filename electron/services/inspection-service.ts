import { randomUUID } from 'node:crypto';
import {
  getChecklist,
  getVirtualSession,
  insertChecklist,
  softDeleteChecklist,
  updateChecklist,
  upsertVirtualSession,
} from '../../db/queries/inspections';
import { CHECKLIST_DEFINITIONS, checklistItemsFor } from '../../shared/catalog/checklists';
import type { Criterion } from '../../shared/catalog/schema';
import type { InspectionChecklist, VirtualSession } from '../../shared/domain/field-work';
import { checklistNameCode } from '../../shared/domain/inspection-rules';
import type { Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { getEdition, worksheetCriteria } from './catalog-service';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';
import { requireEditableValidation } from './validation-service';

type SaveChecklistRequest = ParsedRequestOf<'checklists:save'>;
type SaveSessionRequest = ParsedRequestOf<'sessions:save'>;

function worksheetCriterion(ctx: ServiceContext, validation: Validation, criterionId: string): Criterion | undefined {
  return worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType).find(
    (c) => c.id === criterionId,
  );
}

/**
 * The items must be exactly the checklist's items for that kind (and refrigerated flag), in order,
 * so every recorded inspection reads the same at HQ and in the report.
 */
function checkItems(request: SaveChecklistRequest): void {
  const checklist = checklistNameCode(request.kind, request.refrigerated);
  const expected = checklistItemsFor(request.kind, request.refrigerated).map((item) => item.key);
  const allKeys = new Set(CHECKLIST_DEFINITIONS[request.kind].items.map((item) => item.key));
  const seen = new Set<string>();
  for (const { key } of request.items) {
    if (seen.has(key))
      throw new AppError('BAD_REQUEST', message('errors.inspection.itemTwice', { item: key, checklist }));
    seen.add(key);
    if (!expected.includes(key)) {
      throw new AppError(
        'BAD_REQUEST',
        message(allKeys.has(key) ? 'errors.inspection.itemRefrigeratedOnly' : 'errors.inspection.itemNotPart', {
          item: key,
          checklist,
        }),
      );
    }
  }
  const missing = expected.filter((key) => !seen.has(key));
  if (missing.length > 0) {
    // Keys, comma-separated: each language names the items by their labels (the `checklistItems` format).
    const items = missing.join(',');
    throw new AppError(
      'BAD_REQUEST',
      message('errors.inspection.missingItems', { checklist, count: missing.length, items }),
    );
  }
  const outOfPlace = request.items.findIndex((item, i) => item.key !== expected[i]);
  if (outOfPlace !== -1) {
    throw new AppError(
      'BAD_REQUEST',
      message('errors.inspection.itemOrder', {
        checklist,
        position: outOfPlace + 1,
        expected: String(expected[outOfPlace]),
        got: String(request.items[outOfPlace]?.key),
      }),
    );
  }
}

const sameChecklist = (a: InspectionChecklist, b: Pick<InspectionChecklist, 'label' | 'refrigerated' | 'items'>) =>
  a.label === b.label && a.refrigerated === b.refrigerated && JSON.stringify(a.items) === JSON.stringify(b.items);

/**
 * Records one inspection (a container, a truck, a seal) under a criterion that calls for it: creates
 * it, or replaces its label, refrigerated flag and items. Unchanged saves write nothing.
 */
export function saveChecklist(ctx: ServiceContext, request: SaveChecklistRequest): InspectionChecklist {
  const validation = requireEditableValidation(ctx, request.validationId);
  const criterion = worksheetCriterion(ctx, validation, request.criterionId);
  if (!criterion) {
    throw new AppError(
      'BAD_REQUEST',
      message('errors.inspection.criterionNotOnWorksheet', {
        criterionId: request.criterionId,
        edition: validation.catalogEditionId,
      }),
    );
  }
  const kinds = criterion.checklists ?? [];
  if (!kinds.includes(request.kind)) {
    throw new AppError(
      'BAD_REQUEST',
      kinds.length === 0
        ? message('errors.inspection.noChecklist', { criterionId: criterion.id })
        : message('errors.inspection.otherChecklist', {
            criterionId: criterion.id,
            kind: request.kind,
            kinds: kinds.join(','),
          }),
    );
  }
  if (request.refrigerated && request.kind !== 'CONTAINER_7_POINT') {
    throw new AppError('BAD_REQUEST', message('errors.inspection.refrigeratedContainersOnly'));
  }
  checkItems(request);
  const label = request.label.trim();
  const items = request.items.map((item) => ({ key: item.key, status: item.status, note: item.note }));

  return ctx.db
    .transaction((): InspectionChecklist => {
      const stored = request.id ? getChecklist(ctx.db, request.id) : undefined;
      let existing: InspectionChecklist | undefined;
      if (stored) {
        if (stored.validationId !== validation.id) {
          throw new AppError('BAD_REQUEST', message('errors.inspection.otherValidation'));
        }
        if (stored.deletedAt !== null) {
          throw new AppError('NOT_FOUND', message('errors.inspection.removed'));
        }
        if (stored.criterionId !== request.criterionId || stored.kind !== request.kind) {
          throw new AppError(
            'BAD_REQUEST',
            message('errors.inspection.fixed', {
              kind: stored.kind,
              criterionId: stored.criterionId,
            }),
          );
        }
        const { deletedAt: _deletedAt, ...rest } = stored;
        existing = rest;
      }
      if (existing && sameChecklist(existing, { label, refrigerated: request.refrigerated, items })) return existing;
      const at = isoNow(ctx);
      const after: InspectionChecklist = {
        id: existing?.id ?? request.id ?? randomUUID(),
        validationId: validation.id,
        criterionId: criterion.id,
        kind: request.kind,
        label,
        refrigerated: request.refrigerated,
        items,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      if (existing) updateChecklist(ctx.db, after);
      else insertChecklist(ctx.db, after);
      recordChange(ctx, {
        at,
        action: existing ? 'checklist.update' : 'checklist.create',
        entity: 'inspection_checklist',
        entityId: after.id,
        before: existing ?? null,
        after,
        outbox: { operation: 'upsert', payload: after },
      });
      return after;
    })
    .immediate();
}

/** Removes a recorded inspection (soft delete: the audit log and HQ keep what it said). */
export function deleteChecklist(ctx: ServiceContext, validationId: string, id: string): { deleted: true } {
  requireEditableValidation(ctx, validationId);
  ctx.db
    .transaction(() => {
      const before = getChecklist(ctx.db, id);
      if (!before || before.validationId !== validationId || before.deletedAt !== null) {
        throw new AppError('NOT_FOUND', message('errors.inspection.notRecorded'));
      }
      const { deletedAt: _deletedAt, ...checklist } = before;
      const at = isoNow(ctx);
      softDeleteChecklist(ctx.db, id, at);
      recordChange(ctx, {
        at,
        action: 'checklist.delete',
        entity: 'inspection_checklist',
        entityId: id,
        before: checklist,
        after: null,
        outbox: { operation: 'delete', payload: { id, validationId, deletedAt: at } },
      });
    })
    .immediate();
  return { deleted: true };
}

/** Logs one video session of a virtual validation: platform, times, who attended, documents and the tour. */
export function saveVirtualSession(ctx: ServiceContext, request: SaveSessionRequest): VirtualSession {
  const validation = requireEditableValidation(ctx, request.validationId);
  if (validation.mode !== 'VIRTUAL') {
    throw new AppError('BAD_REQUEST', message('errors.inspection.inPerson'));
  }
  if (request.startedAt && request.endedAt && Date.parse(request.endedAt) < Date.parse(request.startedAt)) {
    throw new AppError('BAD_REQUEST', message('errors.inspection.endBeforeStart'));
  }
  request.documents.forEach((doc, i) => {
    if (doc.requestedAt && doc.receivedAt && doc.receivedAt < doc.requestedAt) {
      throw new AppError(
        'BAD_REQUEST',
        message('errors.inspection.receivedBeforeRequested', {
          n: i + 1,
          title: doc.title,
          received: doc.receivedAt,
          requested: doc.requestedAt,
        }),
      );
    }
  });
  const criterionIds = new Set(
    worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType).map((c) => c.id),
  );
  request.segments.forEach((segment, i) => {
    const unknown = segment.criterionIds.filter((id) => !criterionIds.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'BAD_REQUEST',
        message('errors.inspection.segmentCriteria', {
          n: i + 1,
          area: segment.area,
          count: unknown.length,
          criteria: unknown.join(', '),
        }),
      );
    }
  });
  const content = {
    platform: request.platform,
    startedAt: request.startedAt,
    endedAt: request.endedAt,
    participants: request.participants,
    documents: request.documents,
    segments: request.segments.map((s) => ({ ...s, criterionIds: [...new Set(s.criterionIds)] })),
  };

  return ctx.db
    .transaction((): VirtualSession => {
      const before = request.id ? getVirtualSession(ctx.db, request.id) : undefined;
      if (before && before.validationId !== validation.id) {
        throw new AppError('BAD_REQUEST', message('errors.inspection.sessionElsewhere'));
      }
      if (before && JSON.stringify(sessionContent(before)) === JSON.stringify(content)) return before;
      const at = isoNow(ctx);
      const after: VirtualSession = {
        id: before?.id ?? request.id ?? randomUUID(),
        validationId: validation.id,
        ...content,
        createdAt: before?.createdAt ?? at,
        updatedAt: at,
      };
      upsertVirtualSession(ctx.db, after);
      recordChange(ctx, {
        at,
        action: before ? 'virtual_session.update' : 'virtual_session.create',
        entity: 'virtual_session',
        entityId: after.id,
        before: before ?? null,
        after,
        outbox: { operation: 'upsert', payload: after },
      });
      return after;
    })
    .immediate();
}

const sessionContent = (s: VirtualSession) => ({
  platform: s.platform,
  startedAt: s.startedAt,
  endedAt: s.endedAt,
  participants: s.participants,
  documents: s.documents,
  segments: s.segments,
});
