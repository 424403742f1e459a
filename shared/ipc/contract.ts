import { z } from 'zod';
import { CatalogEditionSchema } from '../catalog/schema';
import { EntityTypeSchema } from '../domain/entity-types';
import {
  CriterionIdSchema,
  CriterionResponseSchema,
  IsoDateSchema,
  MemberSchema,
  NOTES_MAX_LENGTH,
  ResponseResultSchema,
  UuidSchema,
  ValidationModeSchema,
  ValidationSchema,
  ValidationStatusSchema,
  ValidationSummarySchema,
} from '../domain/validation';
import type { Channel, EventName } from './channels';

const Empty = z.strictObject({});

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  actor: z.string(),
  catalogEditionIds: z.array(z.string()),
  transport: z.enum(['electron', 'web-harness']),
});

export const ValidationListFilterSchema = z.strictObject({
  memberId: UuidSchema.optional(),
  status: ValidationStatusSchema.optional(),
  scheduledFrom: IsoDateSchema.optional(),
  scheduledTo: IsoDateSchema.optional(),
});

export const CreateValidationRequestSchema = z.strictObject({
  memberId: UuidSchema,
  entityType: EntityTypeSchema,
  mode: ValidationModeSchema,
  scheduledDate: IsoDateSchema,
});

export const WorksheetSchema = z.object({
  validation: ValidationSchema,
  member: MemberSchema,
  edition: z.object({ id: z.string(), title: z.string(), publishedOn: z.string() }),
  focusAreas: CatalogEditionSchema.shape.focusAreas,
  categories: CatalogEditionSchema.shape.categories,
  criteria: CatalogEditionSchema.shape.criteria,
  responses: z.array(CriterionResponseSchema),
});
export type Worksheet = z.infer<typeof WorksheetSchema>;

export const SaveResponseRequestSchema = z
  .strictObject({
    validationId: UuidSchema,
    criterionId: CriterionIdSchema,
    /** Omitted fields keep their saved value; null clears the result. */
    result: ResponseResultSchema.nullable().optional(),
    notes: z
      .string()
      .max(NOTES_MAX_LENGTH, { error: `Notes are limited to ${NOTES_MAX_LENGTH} characters` })
      .optional(),
  })
  .refine((r) => r.result !== undefined || r.notes !== undefined, {
    error: 'Send a result, notes, or both',
  });

/** The one contract: channel → request and response schemas. */
export const contract = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'catalog:get': { request: z.strictObject({ editionId: z.string() }), response: CatalogEditionSchema },
  'members:list': { request: Empty, response: z.array(MemberSchema) },
  'validations:list': { request: ValidationListFilterSchema, response: z.array(ValidationSummarySchema) },
  'validations:create': { request: CreateValidationRequestSchema, response: ValidationSchema },
  'worksheet:open': { request: z.strictObject({ validationId: UuidSchema }), response: WorksheetSchema },
  'responses:save': { request: SaveResponseRequestSchema, response: CriterionResponseSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const eventContract = {
  'validation:changed': z.object({ validationId: UuidSchema }),
  'sync:progress': z.object({ phase: z.string(), done: z.number(), total: z.number() }),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventContract)[E]>;
