import { z } from 'zod';
import { type EntityType, EntityTypeSchema } from '../domain/entity-types';
import { ChecklistKindSchema } from '../domain/field-work';
import { CriterionIdSchema } from '../domain/validation';

/** Format of one published MSC catalog edition. Documented in shared/catalog/FORMAT.md. */

export const FocusAreaIdSchema = z.enum(['CORP', 'TRAN', 'PEOP']);
export type FocusAreaId = z.infer<typeof FocusAreaIdSchema>;

export const RequirementLevelSchema = z.enum(['MUST', 'SHOULD']);
export type RequirementLevel = z.infer<typeof RequirementLevelSchema>;

/** MIXED: one criterion ID holding both Must and Should sub-requirements (e.g. 3.1, 10.2). */
export const CriterionLevelSchema = z.enum(['MUST', 'SHOULD', 'MIXED']);
export type CriterionLevel = z.infer<typeof CriterionLevelSchema>;

/** How sure we are the row matches CBP's PDF: H two sources/official, M one source, L inference. */
export const ConfidenceSchema = z.enum(['H', 'M', 'L']);

/** CBP training material scopes each ID as core (all entities) or specific to a family of entities. */
export const CriterionScopeSchema = z.enum(['CORE', 'HC_LH_3PL', 'AIR', 'SPECIFIC']);

export const FocusAreaSchema = z.strictObject({
  id: FocusAreaIdSchema,
  name: z.string().min(1),
});

export const CategorySchema = z.strictObject({
  number: z.number().int().min(1).max(12),
  name: z.string().min(1),
  focusArea: FocusAreaIdSchema,
});
export type Category = z.infer<typeof CategorySchema>;

export const RequirementSchema = z.strictObject({
  key: z.string().regex(/^[a-z]$/, { error: 'Sub-requirement keys are single letters a–z' }),
  level: RequirementLevelSchema,
  text: z.string().min(3),
});
export type Requirement = z.infer<typeof RequirementSchema>;

export const CriterionSchema = z.strictObject({
  id: CriterionIdSchema,
  category: z.number().int().min(1).max(12),
  level: CriterionLevelSchema,
  summary: z.string().min(10).max(240),
  requirements: z.array(RequirementSchema).min(1),
  appliesTo: z.array(EntityTypeSchema).min(1),
  scope: CriterionScopeSchema,
  confidence: ConfidenceSchema,
  /** false until someone has checked the row against CBP's PDF for every entity in appliesTo. */
  verified: z.boolean(),
  /** Entity-specific guidance where one ID means different work per entity (5.3 for carriers). */
  entityGuidance: z.partialRecord(EntityTypeSchema, z.string().min(3)).optional(),
  checklists: z.array(ChecklistKindSchema).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CatalogEditionSchema = z
  .strictObject({
    formatVersion: z.literal(1),
    id: z.string().regex(/^MSC-\d{4}-\d{2}$/, { error: 'Edition ids look like MSC-2019-11' }),
    title: z.string().min(1),
    publishedOn: z.iso.date(),
    /** Entity types whose criteria this edition carries; others cannot be validated against it. */
    entityTypes: z.array(EntityTypeSchema).min(1),
    focusAreas: z.array(FocusAreaSchema).length(3),
    categories: z.array(CategorySchema).length(12),
    criteria: z.array(CriterionSchema).min(1),
  })
  .superRefine((edition, ctx) => {
    const categoryNumbers = edition.categories.map((c) => c.number);
    for (let n = 1; n <= 12; n++) {
      if (!categoryNumbers.includes(n)) {
        ctx.addIssue({ code: 'custom', path: ['categories'], message: `Category ${n} is missing` });
      }
    }
    const focusIds = new Set(edition.focusAreas.map((f) => f.id));
    if (focusIds.size !== edition.focusAreas.length) {
      ctx.addIssue({ code: 'custom', path: ['focusAreas'], message: 'Focus area ids repeat' });
    }
    edition.categories.forEach((category, i) => {
      if (!focusIds.has(category.focusArea)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'focusArea'],
          message: `Focus area ${category.focusArea} is not defined`,
        });
      }
    });
    const seen = new Set<string>();
    edition.criteria.forEach((criterion, i) => {
      const at = (field: string) => ['criteria', i, field];
      if (seen.has(criterion.id)) {
        ctx.addIssue({ code: 'custom', path: at('id'), message: `Duplicate criterion ID ${criterion.id}` });
      }
      seen.add(criterion.id);
      const prefix = Number(criterion.id.split('.')[0]);
      if (prefix !== criterion.category) {
        ctx.addIssue({
          code: 'custom',
          path: at('category'),
          message: `ID ${criterion.id} belongs to category ${prefix}, not ${criterion.category}`,
        });
      }
      const levels = new Set(criterion.requirements.map((r) => r.level));
      const expected = levels.size === 2 ? 'MIXED' : [...levels][0];
      if (criterion.level !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: at('level'),
          message: `Level ${criterion.level} does not match its sub-requirements (${expected})`,
        });
      }
      const keys = criterion.requirements.map((r) => r.key);
      if (new Set(keys).size !== keys.length) {
        ctx.addIssue({ code: 'custom', path: at('requirements'), message: 'Sub-requirement keys repeat' });
      }
      for (const entity of Object.keys(criterion.entityGuidance ?? {})) {
        if (!criterion.appliesTo.includes(entity as EntityType)) {
          ctx.addIssue({
            code: 'custom',
            path: at('entityGuidance'),
            message: `Guidance for ${entity}, but the criterion does not apply to ${entity}`,
          });
        }
      }
      for (const entity of criterion.appliesTo) {
        if (!edition.entityTypes.includes(entity)) {
          ctx.addIssue({
            code: 'custom',
            path: at('appliesTo'),
            message: `Entity ${entity} is not one of this edition's entity types`,
          });
        }
      }
    });
  });
export type CatalogEdition = z.infer<typeof CatalogEditionSchema>;
