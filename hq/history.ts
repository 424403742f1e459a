import { z } from 'zod';
import { WorkflowEventSchema, WorkflowStateSchema } from '../shared/domain/lifecycle';
import { UuidSchema } from '../shared/domain/primitives';
import type { HqUser } from '../shared/sync/protocol';
import type { HqQueryable } from './db/types';
import { canSeeValidation } from './validation-receipt';

/**
 * GET /v1/validations/:id/history — every step of a validation's life as HQ holds it, oldest first, each naming
 * who took it (name and role) and when. A laptop holds the same events as pulled workflow_event records.
 */
export const ValidationHistorySchema = z.object({
  validationId: UuidSchema,
  workflowState: WorkflowStateSchema,
  events: z.array(WorkflowEventSchema),
});
export type ValidationHistory = z.infer<typeof ValidationHistorySchema>;

export async function getValidationHistory(
  db: HqQueryable,
  user: HqUser,
  validationId: string,
): Promise<ValidationHistory | 'not_found' | 'forbidden'> {
  const [row] = await db.query<{
    owner_user_id: string;
    field_office: string;
    workflow_state: ValidationHistory['workflowState'];
  }>('SELECT owner_user_id, field_office, workflow_state FROM validations WHERE id = $1', [validationId]);
  if (!row) return 'not_found';
  if (!canSeeValidation(user, row)) return 'forbidden';
  const events = await db.query<{ payload: ValidationHistory['events'][number] }>(
    `SELECT payload FROM records WHERE entity = 'workflow_event' AND validation_id = $1
     ORDER BY (payload->>'at')::timestamptz, entity_id`,
    [validationId],
  );
  return { validationId, workflowState: row.workflow_state, events: events.map((e) => e.payload) };
}
