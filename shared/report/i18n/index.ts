import { ENTITY_TYPE_LABELS, type EntityType } from '../../domain/entity-types';
import {
  FINDING_CLASSIFICATION_LABELS,
  type FindingClassification,
  PARTICIPANT_ROLE_LABELS,
  SITE_TYPE_LABELS,
  type SiteType,
  VERIFICATION_METHOD_LABELS,
  type VerificationMethod,
} from '../../domain/field-work';
import { DOMAIN_LABELS_ES, REVIEW_DECISION_LABELS_ES, WORKFLOW_EVENT_LABELS_ES } from '../../domain/labels-es';
import type { LanguageCode } from '../../domain/language';
import {
  type ProposedClassification,
  WORKFLOW_EVENT_LABELS,
  WORKFLOW_STATE_LABELS,
  type WorkflowEventKind,
  type WorkflowState,
} from '../../domain/lifecycle';
import { PROPOSED_CLASSIFICATION_LABELS, REVIEW_DECISION_LABELS, type ReviewDecision } from '../../domain/review';
import {
  RESPONSE_RESULT_LABELS,
  type ResponseResult,
  VALIDATION_MODE_LABELS,
  VALIDATION_STATUS_LABELS,
  type ValidationMode,
  type ValidationStatus,
} from '../../domain/validation';
import { en } from './en';
import { es } from './es';

/**
 * The report's text catalog: fixed text by language (./en.ts, ./es.ts) and the names of domain codes (the shared
 * label maps). Only fixed text is translated; what the SCSS typed is printed as written.
 */

export type ReportLanguage = LanguageCode;

/** A count's forms, chosen by Intl.PluralRules; a language without a form falls back to `other`. */
export type Plural = { one: string; other: string };

/** The English catalog's shape with every text widened to string: a translation must have each key, and no other. */
type CatalogOf<T> = { [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };
export type ReportText = CatalogOf<typeof en>;

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = { en, es };

/** The Intl locale each report language writes dates and counts with. */
export const REPORT_LOCALE: Record<ReportLanguage, string> = { en: 'en-US', es: 'es-MX' };

/** The names of the domain codes a report prints. */
export type ReportDomainLabels = {
  entityType: Record<EntityType, string>;
  mode: Record<ValidationMode, string>;
  status: Record<ValidationStatus, string>;
  siteType: Record<SiteType, string>;
  classification: Record<FindingClassification, string>;
  proposedClassification: Record<ProposedClassification, string>;
  result: Record<ResponseResult, string>;
  workflowState: Record<WorkflowState, string>;
  workflowEvent: Record<WorkflowEventKind, string>;
  method: Record<VerificationMethod, string>;
  participantRole: typeof PARTICIPANT_ROLE_LABELS;
  reviewDecision: Record<ReviewDecision, string>;
};

export const REPORT_DOMAIN_LABELS: Record<ReportLanguage, ReportDomainLabels> = {
  en: {
    entityType: ENTITY_TYPE_LABELS,
    mode: VALIDATION_MODE_LABELS,
    status: VALIDATION_STATUS_LABELS,
    siteType: SITE_TYPE_LABELS,
    classification: FINDING_CLASSIFICATION_LABELS,
    proposedClassification: PROPOSED_CLASSIFICATION_LABELS,
    result: RESPONSE_RESULT_LABELS,
    workflowState: WORKFLOW_STATE_LABELS,
    workflowEvent: WORKFLOW_EVENT_LABELS,
    method: VERIFICATION_METHOD_LABELS,
    participantRole: PARTICIPANT_ROLE_LABELS,
    reviewDecision: REVIEW_DECISION_LABELS,
  },
  es: {
    entityType: DOMAIN_LABELS_ES.entityType,
    mode: DOMAIN_LABELS_ES.mode,
    status: DOMAIN_LABELS_ES.status,
    siteType: DOMAIN_LABELS_ES.siteType,
    classification: DOMAIN_LABELS_ES.classification,
    proposedClassification: DOMAIN_LABELS_ES.classification,
    result: DOMAIN_LABELS_ES.result,
    workflowState: DOMAIN_LABELS_ES.workflowState,
    workflowEvent: WORKFLOW_EVENT_LABELS_ES,
    method: DOMAIN_LABELS_ES.method,
    participantRole: DOMAIN_LABELS_ES.participantRole,
    reviewDecision: REVIEW_DECISION_LABELS_ES,
  },
};

/** A template with its `{name}` placeholders filled; a placeholder without a value is left as it is. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A count in words: "1 recommendation", "2 recomendaciones". */
export function plural(language: ReportLanguage, forms: Plural, count: number): string {
  const form = new Intl.PluralRules(REPORT_LOCALE[language]).select(count);
  return fill(form === 'one' ? forms.one : forms.other, { count });
}
