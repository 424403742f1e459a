import { z } from 'zod';
import { EntityTypeSchema } from '../domain/entity-types';
import { ChecklistKindSchema } from '../domain/field-work';
import { CriterionIdSchema } from '../domain/primitives';
import { FocusAreaIdSchema } from './schema';

/**
 * A translation overlay for one catalog edition: the edition's text in another language, keyed by the edition's own
 * IDs (focus area, category number, criterion ID, sub-requirement key, entity code, checklist item key). It carries
 * text only; levels, applicability, scope and everything else structural come from the edition itself, so a
 * validation's fingerprint does not depend on the language it was shown in. Described in shared/catalog/FORMAT.md.
 */

/** Languages an overlay may carry; English is the edition itself. */
export const TranslationLanguageSchema = z.enum(['es']);
export type TranslationLanguage = z.infer<typeof TranslationLanguageSchema>;

const CATEGORY_NUMBERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

const TextSchema = z.string().min(3);

export const CriterionTranslationSchema = z.strictObject({
  /** Same limits as the English summary (CriterionSchema). */
  summary: z.string().min(10).max(240),
  /** Sub-requirement key (a, b, …) → text. */
  requirements: z.record(
    z.string().regex(/^[a-z]$/, { error: 'Sub-requirement keys are single letters a–z' }),
    TextSchema,
  ),
  entityGuidance: z.partialRecord(EntityTypeSchema, TextSchema).optional(),
});
export type CriterionTranslation = z.infer<typeof CriterionTranslationSchema>;

export const ChecklistTranslationSchema = z.strictObject({
  title: z.string().min(1),
  /** Item key (CHECKLIST_DEFINITIONS) → label. */
  items: z.record(z.string().min(1), z.string().min(1)),
  /** English group name (e.g. "Tractor") → translated name. */
  groups: z.record(z.string().min(1), z.string().min(1)).optional(),
});
export type ChecklistTranslation = z.infer<typeof ChecklistTranslationSchema>;

export const CatalogTranslationSchema = z.strictObject({
  formatVersion: z.literal(1),
  editionId: z.string().regex(/^MSC-\d{4}-\d{2}$/, { error: 'Edition ids look like MSC-2019-11' }),
  language: TranslationLanguageSchema,
  /** true only once the text has been checked against CBP's own documents in that language. */
  verified: z.boolean(),
  /** Where the text comes from and how far it can be trusted; shown to whoever reviews it. */
  note: z.string().min(1),
  /** The edition's title in this language, shown wherever the title is (worksheet, reports). */
  title: z.string().min(1),
  focusAreas: z.record(FocusAreaIdSchema, z.string().min(1)),
  categories: z.record(z.enum(CATEGORY_NUMBERS), z.string().min(1)),
  criteria: z.record(CriterionIdSchema, CriterionTranslationSchema),
  checklists: z.record(ChecklistKindSchema, ChecklistTranslationSchema),
});
export type CatalogTranslation = z.infer<typeof CatalogTranslationSchema>;
