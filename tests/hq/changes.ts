import { randomUUID } from 'node:crypto';
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
