import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { z } from 'zod';
import {
  EvidenceSchema,
  FindingSchema,
  InspectionChecklistSchema,
  ObservationSchema,
  SiteSchema,
  VirtualSessionSchema,
} from '../shared/domain/field-work';
import { type FingerprintInput, fingerprintContent } from '../shared/domain/fingerprint';
import { findingReviewEntityId } from '../shared/domain/review';
import { CriterionResponseSchema, ValidationSchema } from '../shared/domain/validation';
import { checkSyncPayload } from '../shared/sync/payloads';
import type { Change, Receipt } from '../shared/sync/protocol';
import type { Principal } from './identity';
import { findingReviewRefusal } from './review';

/**
 * What HQ decides for each pushed change, with no database: given what the batch read, a refusal or the
 * write the change makes. The writer (push-store.ts) turns the writes into SQL.
 */

export type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;
export type ValidationStatus = 'IN_PROGRESS' | 'SUBMITTED';

/** A validation as the batch sees it: read (and locked) at the start, then as each applied change leaves it. */
export type ValidationState = {
  ownerUserId: string;
  fieldOffice: string;
  status: ValidationStatus;
  contentSha256: string | null;
  version: number;
  payload: Record<string, unknown>;
  /** Created by this batch: inserted rather than updated. */
  isNew: boolean;
};

/** Stands for a stored record's payload, read only when a stale receipt has to carry it. */
export const NOT_LOADED: unique symbol = Symbol('payload not loaded');
export type RecordState = { validationId: string; version: number; payload: unknown };
export type RecordKey = { entity: Change['entity']; entityId: string };
export type Held = { contentSha256: string; receivedAt: string };
/** Every record of a validation with its payload, keyed by recordMapKey: what its fingerprint is computed from. */
export type ValidationContents = Map<string, { entity: Change['entity']; payload: unknown }>;

/** What HQ holds for the changes of one batch, keyed by lower-case ids (PostgreSQL prints UUIDs so). */
export type BatchState = {
  validations: Map<string, ValidationState>;
  records: Map<string, RecordState>;
  /** Record keys HQ held before this batch: the writes update (or delete) these and insert the others. */
  storedRecordKeys: ReadonlySet<string>;
  ledger: Map<string, Held>;
  /** Loaded for the validations a batch submits, and kept current as the batch's changes apply. */
  contents: Map<string, ValidationContents>;
};

/** A change's effect when applied: the new state of one validation, or of one record (null = deleted). */
export type Write =
  | { to: 'validation'; validationId: string; next: ValidationState }
  | { to: 'record'; validationId: string; key: RecordKey; next: RecordState | null };
export type Decision = { refusal: Refusal } | { write: Write };

/** Entities whose edits carry version + baseVersion: a stale edit is refused, never merged. */
const VERSIONED_ENTITIES = new Set<Change['entity']>(['criterion_response', 'finding', 'finding_review']);

/** SHA-256 (hex) of the change's RFC 8785 canonical JSON: equal for a retry, different for a reused id. */
export const changeContentSha256 = (change: Change): string => hash('sha256', canonicalize(change) ?? '');

export const recordKeyOf = (change: Change): RecordKey => ({ entity: change.entity, entityId: change.entityId });
export const recordMapKey = (key: RecordKey): string => `${key.entity}\n${key.entityId}`;

const refuse = (outcome: Refusal['outcome'], reason: string, current?: unknown): Decision => ({
  refusal: current === undefined ? { outcome, reason } : { outcome, reason, current },
});

/** The key a record must travel under, built from its checked payload. */
function expectedEntityId(entity: Change['entity'], payload: Record<string, unknown>): string {
  switch (entity) {
    case 'validation':
      return String(payload.id ?? payload.validationId);
    case 'criterion_response':
      return `${payload.validationId}/${payload.criterionId}`;
    case 'finding_review':
      return findingReviewEntityId(String(payload.validationId), String(payload.findingId));
    default:
      return String(payload.id);
  }
}

/**
 * Checks a change against its entity's schema before anything else: the change keyed as its payload
 * says, or a refusal naming the field.
 */
export function checkChange(change: Change): { change: Change } | { refusal: Refusal } {
  const checked = checkSyncPayload(change.entity, change.operation, change.payload);
  if (!checked.ok) return { refusal: { outcome: 'invalid', reason: checked.reason } };
  const expected = expectedEntityId(change.entity, checked.payload);
  if (change.entityId.toLowerCase() !== expected.toLowerCase()) {
    return { refusal: { outcome: 'invalid', reason: `entityId: must be ${expected} for this ${change.entity}` } };
  }
  // HQ keeps the payload exactly as the laptop sent it (the signed content); only the key is normalised.
  return { change: { ...change, entityId: expected } };
}

/** The validation a checked change belongs to (lower case). */
export function validationIdOf(change: Change): string {
  const raw = change.entity === 'validation' ? change.entityId : change.payload.validationId;
  return String(raw).toLowerCase();
}

/**
 * Decides one checked change against the batch state: a refusal, or the write it makes. Checks role,
 * scope, workflow state and versions in that order.
 */
export function decideChange(state: BatchState, principal: Principal, change: Change): Decision {
  const { user } = principal;
  if (change.entity === 'finding_review') return decideFindingReview(state, principal, change);
  if (user.role !== 'SCSS') {
    return refuse('forbidden', 'Only the SCSS who owns a validation can change its content');
  }
  const validationId = validationIdOf(change);
  const validation = state.validations.get(validationId);

  if (change.entity === 'validation' && change.operation === 'create') {
    if (validation) {
      return validation.ownerUserId === user.id
        ? refuse('conflict', 'This validation already exists at HQ', validation.payload)
        : refuse('forbidden', 'This validation belongs to another SCSS');
    }
    const next: ValidationState = {
      ownerUserId: user.id,
      fieldOffice: user.fieldOffice,
      status: 'IN_PROGRESS',
      contentSha256: null,
      version: 1,
      payload: change.payload,
      isNew: true,
    };
    return { write: { to: 'validation', validationId, next } };
  }

  if (!validation) return refuse('invalid', `HQ holds no validation ${validationId}; push its create change first`);
  if (validation.ownerUserId !== user.id) return refuse('forbidden', 'This validation belongs to another SCSS');

  if (change.entity === 'validation' && change.operation === 'reopen') {
    if (validation.status !== 'SUBMITTED') {
      return refuse('conflict', 'Only a submitted validation can be reopened', validation.payload);
    }
    const next = nextValidation(validation, 'IN_PROGRESS', null, {
      status: 'IN_PROGRESS',
      reopenedAt: change.payload.reopenedAt,
      reopenReason: change.payload.reason,
    });
    return { write: { to: 'validation', validationId, next } };
  }

  if (validation.status === 'SUBMITTED') {
    return refuse('conflict', 'submitted validations are immutable', validation.payload);
  }

  if (change.entity === 'validation') return decideSubmit(state, validationId, validation, change);
  return decideRecordChange(state, change, validationId);
}

/**
 * A submit is taken only when the fingerprint HQ computes from the records it holds is the one the SCSS
 * signed: otherwise HQ would vouch for content it does not have (a change refused and then dropped).
 */
function decideSubmit(state: BatchState, validationId: string, validation: ValidationState, change: Change): Decision {
  const signed = String(change.payload.contentSha256);
  const contents = state.contents.get(validationId);
  if (!contents) throw new Error(`the batch did not load the contents of ${validationId} before its submit`);
  const recomputed = recomputeFingerprint(validation.payload, contents);
  if ('problem' in recomputed) return refuse('invalid', recomputed.problem);
  if (recomputed.sha256 !== signed) {
    return refuse(
      'conflict',
      `HQ holds different content for this validation: its fingerprint of what HQ holds is ${recomputed.sha256.slice(0, 12)}…, ` +
        `the signed one is ${signed.slice(0, 12)}…. Send the changes HQ is missing (or reopen the validation), then submit again`,
    );
  }
  const next = nextValidation(validation, 'SUBMITTED', recomputed.sha256, {
    status: 'SUBMITTED',
    submittedAt: change.payload.submittedAt,
    submittedBy: change.payload.submittedBy ?? null,
    signedByName: change.payload.signedByName,
    contentSha256: recomputed.sha256,
  });
  return { write: { to: 'validation', validationId, next } };
}

const FINGERPRINT_PARTS = {
  criterion_response: { key: 'responses', schema: CriterionResponseSchema },
  site: { key: 'sites', schema: SiteSchema },
  finding: { key: 'findings', schema: FindingSchema },
  observation: { key: 'observations', schema: ObservationSchema },
  evidence: { key: 'evidence', schema: EvidenceSchema },
  inspection_checklist: { key: 'checklists', schema: InspectionChecklistSchema },
  virtual_session: { key: 'virtualSessions', schema: VirtualSessionSchema },
} as const satisfies Partial<Record<Change['entity'], { key: keyof FingerprintInput; schema: z.ZodType }>>;

/** The fingerprint of what HQ holds for a validation, computed exactly as the laptop computes it at submit. */
export function recomputeFingerprint(
  validationPayload: Record<string, unknown>,
  contents: ValidationContents,
): { sha256: string } | { problem: string } {
  const validation = ValidationSchema.pick({
    id: true,
    memberId: true,
    entityType: true,
    mode: true,
    catalogEditionId: true,
    scheduledDate: true,
  }).safeParse(validationPayload);
  if (!validation.success) return { problem: 'HQ cannot read the validation record it holds' };
  const input: Record<string, unknown[]> = {};
  for (const part of Object.values(FINGERPRINT_PARTS)) input[part.key] = [];
  for (const { entity, payload } of contents.values()) {
    const part = (FINGERPRINT_PARTS as Partial<Record<string, { key: string; schema: z.ZodType }>>)[entity];
    if (!part) continue;
    const parsed = part.schema.safeParse(payload);
    if (!parsed.success) return { problem: `HQ cannot read a ${entity} record it holds for this validation` };
    // The stored payload as sent, not the parsed copy: the laptop fingerprints its values untrimmed.
    input[part.key]?.push(payload);
  }
  const text = fingerprintContent({ ...(input as unknown as FingerprintInput), validation: validation.data });
  return { sha256: hash('sha256', text) };
}

/** A reviewer's decision on a finding: the one change a submitted validation takes, versioned like answers. */
function decideFindingReview(state: BatchState, principal: Principal, change: Change): Decision {
  const validationId = validationIdOf(change);
  const findingId = String(change.payload.findingId ?? '');
  const findingHeld = state.records.get(recordMapKey({ entity: 'finding', entityId: findingId }))?.validationId;
  const refusal = findingReviewRefusal(
    principal.user,
    state.validations.get(validationId),
    change,
    findingHeld === validationId,
  );
  return refusal ? { refusal } : decideRecordChange(state, change, validationId);
}

function decideRecordChange(state: BatchState, change: Change, validationId: string): Decision {
  const key = recordKeyOf(change);
  const stored = state.records.get(recordMapKey(key));
  if (stored && stored.validationId !== validationId) {
    return refuse('forbidden', 'This record belongs to another validation');
  }
  if (change.operation === 'delete') return { write: { to: 'record', validationId, key, next: null } };

  const { baseVersion, ...payload } = change.payload;
  let version = (stored?.version ?? 0) + 1;
  if (VERSIONED_ENTITIES.has(change.entity)) {
    const storedVersion = stored?.version ?? 0;
    if (storedVersion !== baseVersion) {
      return refuse(
        'stale',
        `HQ holds version ${storedVersion}; this edit was made on version ${baseVersion}`,
        stored ? { version: stored.version, payload: stored.payload } : null,
      );
    }
    version = Number(payload.version);
  }
  return { write: { to: 'record', validationId, key, next: { validationId, version, payload } } };
}

/** The validation after a submit or reopen: `payload || patch` and one version more, as HQ stores it. */
function nextValidation(
  current: ValidationState,
  status: ValidationStatus,
  contentSha256: string | null,
  patch: Record<string, unknown>,
): ValidationState {
  return { ...current, status, contentSha256, version: current.version + 1, payload: { ...current.payload, ...patch } };
}

/** Applies a decided write to the batch state, so later changes of the batch are decided against it. */
export function applyWrite(state: BatchState, write: Write): void {
  if (write.to === 'validation') {
    state.validations.set(write.validationId, write.next);
    return;
  }
  const id = recordMapKey(write.key);
  if (write.next) state.records.set(id, write.next);
  else state.records.delete(id);
  const contents = state.contents.get(write.validationId);
  if (!contents) return;
  if (write.next) contents.set(id, { entity: write.key.entity, payload: write.next.payload });
  else contents.delete(id);
}

export function heldReceipt(changeId: string, held: Held, contentSha256: string): Receipt {
  return held.contentSha256 === contentSha256
    ? { changeId, outcome: 'duplicate', receivedAt: held.receivedAt }
    : {
        changeId,
        outcome: 'conflict',
        reason: 'This change id was already used for different content',
        receivedAt: held.receivedAt,
      };
}
