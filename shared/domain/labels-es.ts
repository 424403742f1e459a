import type { z } from 'zod';
import type { CriterionLevel } from '../catalog/schema';
import type { EntityType } from './entity-types';
import type { ParticipantRoleSchema, SiteType, VerificationMethod } from './field-work';
import type { ProposedClassification, ReviewDecision, UserRole, WorkflowEventKind, WorkflowState } from './lifecycle';
import type { ResponseResult, ValidationMode, ValidationStatus } from './validation';

/**
 * The Spanish names of domain codes, in one place for the screens (renderer/src/i18n/locales/es) and the reports
 * (shared/report/i18n): a Member reads the same words in the app's Spanish and in a Spanish report. The English
 * names are the `*_LABELS` maps beside each code.
 */
export const DOMAIN_LABELS_ES: {
  entityType: Record<EntityType, string>;
  mode: Record<ValidationMode, string>;
  status: Record<ValidationStatus, string>;
  workflowState: Record<WorkflowState, string>;
  level: Record<CriterionLevel, string>;
  result: Record<ResponseResult, string>;
  method: Record<VerificationMethod, string>;
  classification: Record<ProposedClassification, string>;
  userRole: Record<UserRole, string>;
  siteType: Record<SiteType, string>;
  participantRole: Record<z.infer<typeof ParticipantRoleSchema>, string>;
} = {
  entityType: {
    IMP: 'Importador de EE. UU.',
    EXP: 'Exportador de EE. UU.',
    FM: 'Fabricante extranjero',
    HC: 'Transportista de carretera de EE. UU.',
    LHC: 'Transportista de carretera mexicano de largo recorrido',
    AIR: 'Transportista aéreo',
    RAIL: 'Transportista ferroviario',
    SEA: 'Transportista marítimo',
    '3PL': 'Proveedor de servicios logísticos (3PL)',
    CONS: 'Consolidador',
    CB: 'Agente aduanal autorizado de EE. UU.',
    MPTO: 'Autoridad portuaria y operador de terminal marítima',
  },
  mode: { IN_PERSON: 'Presencial', VIRTUAL: 'Virtual' },
  status: { DRAFT: 'Sin iniciar', IN_PROGRESS: 'En curso', SUBMITTED: 'Enviada' },
  workflowState: {
    IN_PROGRESS: 'En curso',
    SUBMITTED: 'Enviada',
    IN_REVIEW: 'En revisión',
    RETURNED: 'Devuelta para corrección',
    APPROVED: 'Aprobada',
    AWAITING_RESPONSE: 'Informe emitido, en espera de la respuesta del Socio',
    CLOSED: 'Cerrada',
  },
  level: { MUST: 'Debe', SHOULD: 'Debería', MIXED: 'Debe + Debería' },
  result: {
    COMPLIANT: 'Cumple',
    DEFICIENT: 'Deficiente',
    NOT_APPLICABLE: 'No aplica',
    NOT_VERIFIED: 'No verificado',
  },
  method: {
    OBSERVED_ON_SITE: 'Observado en sitio',
    DOCUMENT_REVIEWED: 'Documento revisado',
    INTERVIEW: 'Entrevista',
    LIVE_VIDEO: 'Video en vivo',
    SCREEN_SHARE: 'Pantalla compartida',
  },
  classification: {
    ACTION_REQUIRED: 'Acción requerida',
    RECOMMENDATION: 'Recomendación',
    NO_FINDING: 'Sin hallazgo',
  },
  userRole: {
    SCSS: 'Especialista en Seguridad de la Cadena de Suministro',
    FIELD_OFFICE_REVIEWER: 'Revisor de la oficina regional',
    SUPERVISOR: 'Supervisor',
    HQ_ANALYST: 'Analista de la sede central',
  },
  siteType: {
    MAIN_OFFICE: 'Oficina principal',
    WAREHOUSE: 'Almacén',
    DISTRIBUTION_CENTER: 'Centro de distribución',
    MANUFACTURING_PLANT: 'Planta de manufactura',
    FOREIGN_SUPPLIER: 'Proveedor o fabricante extranjero',
    CARRIER_YARD: 'Patio o terminal de transportista',
    OTHER: 'Otro',
  },
  participantRole: {
    CBP_SCSS: 'SCSS de CBP',
    CBP_OTHER: 'CBP (otro)',
    COMPANY_POINT_OF_CONTACT: 'Punto de contacto CTPAT de la empresa',
    COMPANY_MANAGEMENT: 'Dirección de la empresa',
    COMPANY_DEPARTMENT_HEAD: 'Jefe de departamento de la empresa',
    BUSINESS_PARTNER: 'Socio comercial',
    OTHER: 'Otro',
  },
};

/** A field office reviewer's decision on a finding. */
export const REVIEW_DECISION_LABELS_ES: Record<ReviewDecision, string> = {
  CONCUR: 'Conforme',
  NON_CONCUR: 'No conforme',
  RETURN_FOR_CORRECTION: 'Devolver para corrección',
};

/** The steps of a validation's history (WORKFLOW_EVENT_LABELS in English). */
export const WORKFLOW_EVENT_LABELS_ES: Record<WorkflowEventKind, string> = {
  SUBMIT: 'Enviada',
  WITHDRAW: 'Retirada por el SCSS',
  START_REVIEW: 'Revisión iniciada',
  RETURN: 'Devuelta para corrección',
  APPROVE: 'Aprobada',
  ISSUE_REPORT: 'Informe emitido',
  CLOSE: 'Cerrada',
};

/**
 * Spanish names of the default deficiency reasons (DEFAULT_SETTINGS). A reason is Settings' text: a report uses
 * these only while its label is still the default English one, and prints a label the office rewrote as written.
 */
export const DEFAULT_DEFICIENCY_REASON_LABELS_ES: Readonly<Record<string, string>> = {
  NO_WRITTEN_PROCEDURE: 'Sin procedimiento por escrito',
  PROCEDURE_INCOMPLETE: 'Procedimiento incompleto',
  NOT_IMPLEMENTED: 'No implementado',
  PARTIALLY_IMPLEMENTED: 'Implementado parcialmente',
  NO_EVIDENCE: 'Sin evidencia de implementación',
  NOT_REVIEWED_OR_UPDATED: 'No revisado ni actualizado',
  BUSINESS_PARTNER_GAP: 'Deficiencia en socios comerciales',
  TRAINING_GAP: 'Deficiencia en capacitación',
  OTHER: 'Otro',
};
