import { z } from 'zod';
import { EntityTypeSchema } from '../domain/entity-types';
import { WORKFLOW_STATE_LABELS, WorkflowStateSchema } from '../domain/lifecycle';
import { IsoDateSchema } from '../domain/primitives';
import { VALIDATION_STATUS_LABELS } from '../domain/validation';

/**
 * What the findings workbook across validations is asked for, apart from the code that writes it: the IPC
 * contract (and so the renderer) needs these schemas without the spreadsheet libraries.
 */

/** Where a validation stands: HQ's workflow state, or "Not started" for a laptop's draft HQ has never seen. */
export const WorkbookStatusSchema = z.enum(['DRAFT', ...WorkflowStateSchema.options]);
export type WorkbookStatus = z.infer<typeof WorkbookStatusSchema>;
export const WORKBOOK_STATUS_LABELS: Record<WorkbookStatus, string> = {
  DRAFT: VALIDATION_STATUS_LABELS.DRAFT,
  ...WORKFLOW_STATE_LABELS,
};

/** Which validations go in; every filter given must match. Submitted dates are compared as UTC calendar days. */
export const FindingsWorkbookFilterSchema = z.strictObject({
  submittedFrom: IsoDateSchema.optional(),
  submittedTo: IsoDateSchema.optional(),
  fieldOffice: z.string().trim().min(1).max(200).optional(),
  status: WorkbookStatusSchema.optional(),
  entityType: EntityTypeSchema.optional(),
});
export type FindingsWorkbookFilter = z.infer<typeof FindingsWorkbookFilterSchema>;
export type FindingsWorkbookFormat = 'XLSX' | 'CSV';
