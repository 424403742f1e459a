import { randomUUID } from 'node:crypto';
import { listEvidence } from '../../db/queries/evidence';
import {
  deleteFindingRow,
  deleteObservationRow,
  getFinding,
  getObservation,
  upsertFinding,
  upsertObservation,
} from '../../db/queries/findings';
import { readSettings } from '../../db/queries/settings';
import { criteriaVerifiedAtSite, getSite, softDeleteSite, upsertSite } from '../../db/queries/sites';
import { earliestReportDate, localToday } from '../../shared/domain/due-dates';
import type { Finding, Observation, Site } from '../../shared/domain/field-work';
import { findingDueDateRefusal, storedFindingFields } from '../../shared/domain/finding-rules';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { getEdition, worksheetCriteria } from './catalog-service';
import { recordChange } from './change-log';
import { saveResponse } from './response-service';
import { isoNow, type ServiceContext } from './service-context';
import { requireEditableValidation } from './validation-service';

const inTransaction = <T>(ctx: ServiceContext, work: () => T): T => ctx.db.transaction(work).immediate();

export function saveSite(ctx: ServiceContext, req: ParsedRequestOf<'sites:save'>): Site {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, req.validationId);
    const before = req.id ? getSite(ctx.db, req.id) : undefined;
    if (req.id && (!before || before.validationId !== req.validationId)) {
      throw new AppError('NOT_FOUND', message('errors.findings.siteGone'));
    }
    const at = isoNow(ctx);
    const site: Site = {
      id: before?.id ?? randomUUID(),
      validationId: req.validationId,
      name: req.name,
      address: req.address,
      siteType: req.siteType,
      visitDate: req.visitDate,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    upsertSite(ctx.db, site);
    recordChange(ctx, {
      at,
      action: before ? 'site.update' : 'site.create',
      entity: 'site',
      entityId: site.id,
      before: before ?? null,
      after: site,
      outbox: { operation: 'upsert', payload: site },
    });
    return site;
  });
}

export function deleteSite(ctx: ServiceContext, validationId: string, siteId: string): { deleted: true } {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, validationId);
    const before = getSite(ctx.db, siteId);
    if (!before || before.validationId !== validationId)
      throw new AppError('NOT_FOUND', message('errors.findings.siteAlreadyRemoved'));
    // Each answer that named the site loses the link as an ordinary, versioned and audited save.
    for (const criterionId of criteriaVerifiedAtSite(ctx.db, siteId)) {
      saveResponse(ctx, { validationId, criterionId, siteId: null });
    }
    const at = isoNow(ctx);
    softDeleteSite(ctx.db, siteId, at);
    recordChange(ctx, {
      at,
      action: 'site.delete',
      entity: 'site',
      entityId: siteId,
      before,
      after: null,
      outbox: { operation: 'delete', payload: { id: siteId, validationId } },
    });
    return { deleted: true };
  });
}

export function saveFinding(ctx: ServiceContext, req: ParsedRequestOf<'findings:save'>): Finding {
  return inTransaction(ctx, () => {
    const validation = requireEditableValidation(ctx, req.validationId);
    const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
    if (!criteria.some((c) => c.id === req.criterionId)) {
      throw new AppError(
        'BAD_REQUEST',
        message('errors.findings.criterionNotOnWorksheet', { criterionId: req.criterionId }),
      );
    }
    const before = getFinding(ctx.db, req.validationId, req.criterionId);
    if (req.reasonCode !== null) {
      const reason = readSettings(ctx.db).deficiencyReasons.find((r) => r.code === req.reasonCode);
      if (!reason)
        throw new AppError('BAD_REQUEST', message('errors.findings.unknownReason', { reason: req.reasonCode }));
      // A retired reason stays on the findings that already have it, but is not chosen anew.
      if (!reason.active && before?.reasonCode !== req.reasonCode) {
        throw new AppError('BAD_REQUEST', message('errors.findings.retiredReason', { reason: reason.label }));
      }
    }
    // A Recommendation's due date is cleared (the editor says why); a new date before the report date is refused.
    const fields = storedFindingFields({ classification: req.classification, dueDate: req.dueDate });
    const at = isoNow(ctx);
    const tooEarly = findingDueDateRefusal(fields, before?.dueDate, earliestReportDate(localToday(new Date(at))));
    if (tooEarly) throw new AppError('BAD_REQUEST', tooEarly);
    const finding: Finding = {
      id: before?.id ?? randomUUID(),
      validationId: req.validationId,
      criterionId: req.criterionId,
      classification: fields.classification,
      reasonCode: req.reasonCode,
      description: req.description,
      dueDate: fields.dueDate,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    upsertFinding(ctx.db, finding);
    recordChange(ctx, {
      at,
      action: before ? 'finding.update' : 'finding.create',
      entity: 'finding',
      entityId: finding.id,
      before: before ?? null,
      after: finding,
      outbox: { operation: 'upsert', payload: { ...finding, baseVersion: before?.version ?? 0 } },
    });
    return finding;
  });
}

export function deleteFinding(ctx: ServiceContext, validationId: string, criterionId: string): { deleted: true } {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, validationId);
    const before = getFinding(ctx.db, validationId, criterionId);
    if (!before) throw new AppError('NOT_FOUND', message('errors.findings.nothingToRemove', { criterionId }));
    const filedUnder = listEvidence(ctx.db, validationId).filter((e) => e.findingId === before.id);
    deleteFindingRow(ctx.db, before.id);
    // Its evidence stays with the criterion: HQ is told too, or the copy it holds (and the fingerprint HQ
    // recomputes at submit) would still file the evidence under a finding that no longer exists.
    for (const evidence of filedUnder) {
      const after = { ...evidence, findingId: null };
      recordChange(ctx, {
        action: 'evidence.update',
        entity: 'evidence',
        entityId: evidence.id,
        before: evidence,
        after,
        outbox: { operation: 'upsert', payload: after },
      });
    }
    recordChange(ctx, {
      action: 'finding.delete',
      entity: 'finding',
      entityId: before.id,
      before,
      after: null,
      outbox: { operation: 'delete', payload: { id: before.id, validationId, criterionId } },
    });
    return { deleted: true };
  });
}

export function saveObservation(ctx: ServiceContext, req: ParsedRequestOf<'observations:save'>): Observation {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, req.validationId);
    const before = req.id ? getObservation(ctx.db, req.id) : undefined;
    if (req.id && (!before || before.validationId !== req.validationId)) {
      throw new AppError('NOT_FOUND', message('errors.findings.observationNotHere'));
    }
    const at = isoNow(ctx);
    const observation: Observation = {
      id: before?.id ?? randomUUID(),
      validationId: req.validationId,
      category: req.category,
      text: req.text,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    upsertObservation(ctx.db, observation);
    recordChange(ctx, {
      at,
      action: before ? 'observation.update' : 'observation.create',
      entity: 'observation',
      entityId: observation.id,
      before: before ?? null,
      after: observation,
      outbox: { operation: 'upsert', payload: observation },
    });
    return observation;
  });
}

export function deleteObservation(ctx: ServiceContext, validationId: string, id: string): { deleted: true } {
  return inTransaction(ctx, () => {
    requireEditableValidation(ctx, validationId);
    const before = getObservation(ctx.db, id);
    if (!before || before.validationId !== validationId)
      throw new AppError('NOT_FOUND', message('errors.findings.observationAlreadyRemoved'));
    deleteObservationRow(ctx.db, id);
    recordChange(ctx, {
      action: 'observation.delete',
      entity: 'observation',
      entityId: id,
      before,
      after: null,
      outbox: { operation: 'delete', payload: { id, validationId } },
    });
    return { deleted: true };
  });
}
