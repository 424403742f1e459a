import { listEvidence } from '../../db/queries/evidence';
import { listFindings, listObservations } from '../../db/queries/findings';
import { listChecklists, listVirtualSessions } from '../../db/queries/inspections';
import { listResponses } from '../../db/queries/responses';
import { listSites } from '../../db/queries/sites';
import type {
  Evidence,
  Finding,
  InspectionChecklist,
  Observation,
  Site,
  VirtualSession,
} from '../../shared/domain/field-work';
import type { CriterionResponse, Validation } from '../../shared/domain/validation';
import type { ServiceContext } from './service-context';

export type ValidationContent = {
  validation: Validation;
  responses: CriterionResponse[];
  findings: Finding[];
  observations: Observation[];
  sites: Site[];
  evidence: Evidence[];
  checklists: InspectionChecklist[];
  virtualSessions: VirtualSession[];
};

/** Everything the SCSS recorded for one validation, as the worksheet, completeness and fingerprint see it. */
export function loadValidationContent(ctx: ServiceContext, validation: Validation): ValidationContent {
  return {
    validation,
    responses: listResponses(ctx.db, validation.id),
    findings: listFindings(ctx.db, validation.id),
    observations: listObservations(ctx.db, validation.id),
    sites: listSites(ctx.db, validation.id),
    evidence: listEvidence(ctx.db, validation.id),
    checklists: listChecklists(ctx.db, validation.id),
    virtualSessions: listVirtualSessions(ctx.db, validation.id),
  };
}
