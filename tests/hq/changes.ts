import { createHash, randomUUID } from 'node:crypto';
import { type FingerprintInput, fingerprintContent } from '../../shared/domain/fingerprint';
import type { Validation } from '../../shared/domain/validation';
import type { Change } from '../../shared/sync/protocol';

/** Validations and changes as a laptop pushes them; free of vitest so the benchmarks can build theirs too. */

export const AT = '2026-11-20T15:00:00.000Z';

export function makeValidation(id = randomUUID(), overrides: Partial<Validation> = {}): Validation {
  return {
    id,
    memberId: randomUUID(),
    entityType: 'IMP',
    mode: 'IN_PERSON',
    catalogEditionId: 'msc-2025-importer',
    status: 'IN_PROGRESS',
    scheduledDate: '2026-11-20',
    createdAt: AT,
    updatedAt: AT,
    submittedAt: null,
    submittedBy: null,
    signedByName: null,
    contentSha256: null,
    reopenedAt: null,
    reopenReason: null,
    ...overrides,
  };
}

export function change(
  entity: Change['entity'],
  entityId: string,
  operation: Change['operation'],
  payload: Record<string, unknown>,
): Change {
  return { changeId: randomUUID(), entity, entityId, operation, payload, createdAt: AT };
}

export function siteChange(validationId: string, siteId: string, operation: 'upsert' | 'delete', name = 'Dock 1') {
  return change(
    'site',
    siteId,
    operation,
    operation === 'upsert'
      ? {
          id: siteId,
          validationId,
          name,
          address: '1 Port Rd, Houston, TX',
          siteType: 'WAREHOUSE',
          visitDate: null,
          createdAt: AT,
          updatedAt: AT,
        }
      : { id: siteId, validationId },
  );
}

export function findingChange(
  validationId: string,
  findingId: string,
  overrides: { criterionId?: string; version?: number; baseVersion?: number; description?: string } = {},
) {
  const version = overrides.version ?? 1;
  return change('finding', findingId, 'upsert', {
    id: findingId,
    validationId,
    criterionId: overrides.criterionId ?? '4.1',
    classification: 'ACTION_REQUIRED',
    reasonCode: 'NOT_IMPLEMENTED',
    description: overrides.description ?? 'Unique logins are not enforced on the warehouse terminals.',
    dueDate: '2026-06-08',
    version,
    createdAt: AT,
    updatedAt: AT,
    baseVersion: overrides.baseVersion ?? version - 1,
  });
}

export function evidenceChange(validationId: string, sha256: string, fileName = 'dock-door.jpg', sizeBytes = 10) {
  const id = randomUUID();
  return change('evidence', id, 'upsert', {
    id,
    validationId,
    criterionId: '9.6',
    findingId: null,
    sha256,
    fileName,
    mediaType: 'image/jpeg',
    sizeBytes,
    caption: '',
    observedRemotely: false,
    hasThumbnail: false,
    createdAt: AT,
  });
}

export const reopenChange = (validationId: string, reopenedAt = '2026-11-21T09:00:00.000Z') =>
  change('validation', validationId, 'reopen', { validationId, reason: 'Member sent new documents', reopenedAt });

const FINGERPRINT_KEYS: Partial<Record<Change['entity'], keyof FingerprintInput>> = {
  criterion_response: 'responses',
  site: 'sites',
  finding: 'findings',
  observation: 'observations',
  evidence: 'evidence',
  inspection_checklist: 'checklists',
  virtual_session: 'virtualSessions',
};

/**
 * The fingerprint a laptop signs for this validation after these content changes (applied in order: an
 * upsert replaces the record, a delete removes it), computed with the laptop's own function.
 */
export function fingerprintOf(validation: Validation, content: readonly Change[] = []): string {
  const held = new Map<string, Change>();
  for (const c of content) {
    const key = `${c.entity}\n${c.entityId}`;
    if (c.operation === 'delete') held.delete(key);
    else held.set(key, c);
  }
  const input: FingerprintInput = {
    validation,
    responses: [],
    findings: [],
    observations: [],
    sites: [],
    evidence: [],
    checklists: [],
    virtualSessions: [],
  };
  for (const c of held.values()) {
    const key = FINGERPRINT_KEYS[c.entity];
    if (key && key !== 'validation') (input[key] as unknown[]).push(c.payload);
  }
  return createHash('sha256').update(fingerprintContent(input), 'utf8').digest('hex');
}

/** The submit a laptop pushes: signed over the content it holds (the fingerprint of `content`). */
export const submitChange = (validation: Validation, content: readonly Change[] = []) =>
  change('validation', validation.id, 'submit', {
    validationId: validation.id,
    contentSha256: fingerprintOf(validation, content),
    signedByName: 'Dana Ruiz',
    submittedAt: AT,
    submittedBy: 'Dana Ruiz',
  });
