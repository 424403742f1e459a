import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { saveFinding, saveSite } from '../../electron/services/field-work-service';
import { saveChecklist, saveVirtualSession } from '../../electron/services/inspection-service';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation, openWorksheet } from '../../electron/services/validation-service';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import type { Criterion } from '../../shared/catalog/schema';
import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import type { Finding, Site } from '../../shared/domain/field-work';
import type { Member, Validation, ValidationMode } from '../../shared/domain/validation';

/** Validations built through the real services, as an SCSS would leave them; shared by the db, sync and bench suites. */

export function importers(s: AppServices): [Member, Member] {
  const [first, second] = listMembers(s.ctx.db).filter((m) => m.entityType === 'IMP');
  if (!first || !second) throw new Error('expected two demo importers');
  return [first, second];
}

export function newValidation(
  s: AppServices,
  opts: { member?: Member; mode?: ValidationMode; scheduledDate?: string } = {},
): Validation {
  const member = opts.member ?? importers(s)[0];
  return createValidation(s.ctx, {
    memberId: member.id,
    entityType: member.entityType,
    mode: opts.mode ?? 'IN_PERSON',
    scheduledDate: opts.scheduledDate ?? '2026-03-10',
  });
}

export type Complete = {
  validation: Validation;
  criteria: Criterion[];
  site: Site;
  finding: Finding;
  deficientId: string;
  naId: string;
};

/**
 * A validation ready to submit, answered the way an SCSS would: one site; every criterion Compliant with
 * how it was verified (inspections recorded where the criterion calls for one), `deficientId` Deficient
 * with a full finding, the first other plain Must criterion Not applicable with a justification.
 */
export type BuildCompleteOptions = {
  member?: Member;
  mode?: ValidationMode;
  scheduledDate?: string;
  deficientId?: string;
  /** The SCSS named in the virtual session log. */
  signer?: string;
};

export function buildCompleteValidation(s: AppServices, opts: BuildCompleteOptions = {}): Complete {
  const mode = opts.mode ?? 'IN_PERSON';
  const validation = newValidation(s, { ...opts, mode });
  const { criteria } = openWorksheet(s.ctx, validation.id);
  const deficientId = opts.deficientId ?? '4.1';
  const na = criteria.find((c) => c.level === 'MUST' && !c.checklists?.length && c.id !== deficientId);
  if (!na) throw new Error('no plain Must criterion to mark Not applicable');
  const site = saveSite(s.ctx, {
    validationId: validation.id,
    name: 'Houston distribution center',
    address: '1200 Port Rd, Houston, TX',
    siteType: 'DISTRIBUTION_CENTER',
    visitDate: '2026-03-10',
  });
  const method = mode === 'VIRTUAL' ? 'LIVE_VIDEO' : 'OBSERVED_ON_SITE';
  for (const c of criteria) {
    const base = { validationId: validation.id, criterionId: c.id };
    if (c.id === deficientId) {
      saveResponse(s.ctx, {
        ...base,
        result: 'DEFICIENT',
        notes: 'Shared logins on the warehouse terminals.',
        siteId: site.id,
        verificationMethods: ['DOCUMENT_REVIEWED', 'INTERVIEW'],
      });
    } else if (c.id === na.id) {
      saveResponse(s.ctx, {
        ...base,
        result: 'NOT_APPLICABLE',
        naJustification: 'The Member has no operation this criterion covers.',
      });
    } else {
      saveResponse(s.ctx, { ...base, result: 'COMPLIANT', siteId: site.id, verificationMethods: [method] });
      const kind = c.checklists?.[0];
      if (kind) {
        saveChecklist(s.ctx, {
          ...base,
          kind,
          label: `${kind} at dock 3`,
          refrigerated: false,
          items: checklistItemsFor(kind, false).map((item) => ({ key: item.key, status: 'PASS', note: '' })),
        });
      }
    }
  }
  const finding = saveFinding(s.ctx, {
    validationId: validation.id,
    criterionId: deficientId,
    classification: 'ACTION_REQUIRED',
    reasonCode: 'NOT_IMPLEMENTED',
    description: 'Unique logins are not enforced on the warehouse terminals.',
    // 90 days after the context's today: a due date may not fall before the report date.
    dueDate: defaultDueDate(localToday(s.ctx.now()), 90),
  });
  if (mode === 'VIRTUAL') {
    saveVirtualSession(s.ctx, {
      validationId: validation.id,
      platform: 'Microsoft Teams',
      startedAt: '2026-03-10T14:00:00.000Z',
      endedAt: '2026-03-10T16:30:00.000Z',
      participants: [
        { name: opts.signer ?? 'Dana Ruiz', role: 'CBP_SCSS', organization: 'CBP Houston' },
        { name: 'Lee Chen', role: 'COMPANY_POINT_OF_CONTACT', organization: 'Gulf Coast Home Goods' },
      ],
      documents: [],
      segments: [],
    });
  }
  return { validation, criteria, site, finding, deficientId, naId: na.id };
}
