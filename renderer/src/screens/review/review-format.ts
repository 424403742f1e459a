import { ENTITY_TYPE_LABELS, type EntityType } from '../../../../shared/domain/entity-types';
import { FINDING_CLASSIFICATION_LABELS, type FindingClassification } from '../../../../shared/domain/field-work';
import { USER_ROLE_LABELS, type UserRole } from '../../../../shared/domain/lifecycle';
import { VALIDATION_MODE_LABELS, type ValidationMode } from '../../../../shared/domain/validation';
import type { ValidationWorkItem } from '../../../../shared/ipc/contract';

/** Labels the review screens share; the contract carries entity type and mode as plain strings. */

export const entityTypeLabel = (value: string): string => ENTITY_TYPE_LABELS[value as EntityType] ?? value;
export const modeLabel = (value: string): string => VALIDATION_MODE_LABELS[value as ValidationMode] ?? value;
export const classificationLabel = (value: string): string =>
  FINDING_CLASSIFICATION_LABELS[value as FindingClassification] ?? value;
export const roleLabel = (role: UserRole | null): string | null => (role ? USER_ROLE_LABELS[role] : null);

export type Queue = ValidationWorkItem['queue'];
export const QUEUE_LABELS: Record<Queue, string> = {
  AWAITING_REVIEW: 'Awaiting review',
  RETURNED: 'Returned for correction',
  RESUBMITTED: 'Resubmitted',
  AWAITING_APPROVAL: 'Awaiting approval',
  AWAITING_REPORT: 'Approved, report not issued',
};

export const LEVEL_LABELS = { MUST: 'Must', SHOULD: 'Should', MIXED: 'Must + Should' } as const;

/** "3f2a9c41…e07b": enough to compare by eye; the full value goes in a title and for screen readers. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const momentFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
/** A moment with its year, e.g. "Mar 2, 2026, 9:05 AM": histories span months. */
export const formatMoment = (isoDateTime: string): string => {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : momentFormat.format(date);
};
