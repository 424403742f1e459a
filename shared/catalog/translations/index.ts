import type { ChecklistKind } from '../../domain/field-work';
import { CHECKLIST_DEFINITIONS, type ChecklistItemDefinition } from '../checklists';
import type { CatalogEdition } from '../schema';
import { type CatalogTranslation, CatalogTranslationSchema } from '../translation-schema';
import { msc201911Spanish } from './msc-2019-11.es';

/** Translation overlays shipped inside the app, one per edition and language. */
export const BUNDLED_TRANSLATION_SOURCES: readonly unknown[] = [msc201911Spanish];

let parsed: Map<string, CatalogTranslation> | undefined;

function bundledTranslations(): Map<string, CatalogTranslation> {
  if (!parsed) {
    parsed = new Map();
    for (const source of BUNDLED_TRANSLATION_SOURCES) {
      const translation = CatalogTranslationSchema.parse(source);
      parsed.set(`${translation.editionId}|${translation.language}`, translation);
    }
  }
  return parsed;
}

/**
 * The overlay for one edition in one language, or null when the app ships none: always for English, the edition's
 * own language, so callers need not test for it.
 */
export function catalogTranslation(editionId: string, language: string): CatalogTranslation | null {
  return bundledTranslations().get(`${editionId}|${language}`) ?? null;
}

/**
 * A copy of the edition with the overlay's title, names, summaries, sub-requirement texts and guidance in place of the
 * English. IDs, levels, applicability, scope, confidence, verified and checklists are untouched; any text the overlay
 * lacks stays English. An overlay for another edition (or none) changes no text. The input is not modified.
 */
export function localizeEdition(edition: CatalogEdition, translation: CatalogTranslation | null): CatalogEdition {
  const copy = structuredClone(edition);
  if (!translation || translation.editionId !== edition.id) return copy;
  copy.title = translation.title;
  for (const focusArea of copy.focusAreas) {
    focusArea.name = translation.focusAreas[focusArea.id] ?? focusArea.name;
  }
  const categoryNames: Partial<Record<string, string>> = translation.categories;
  for (const category of copy.categories) {
    category.name = categoryNames[String(category.number)] ?? category.name;
  }
  for (const criterion of copy.criteria) {
    const text = translation.criteria[criterion.id];
    if (!text) continue;
    criterion.summary = text.summary;
    for (const requirement of criterion.requirements) {
      requirement.text = text.requirements[requirement.key] ?? requirement.text;
    }
    if (criterion.entityGuidance) {
      for (const entity of Object.keys(criterion.entityGuidance) as (keyof typeof criterion.entityGuidance)[]) {
        criterion.entityGuidance[entity] = text.entityGuidance?.[entity] ?? criterion.entityGuidance[entity];
      }
    }
  }
  return copy;
}

/**
 * One checklist's title and items with the overlay's labels and group names; keys, order and refrigeratedOnly are
 * unchanged, and anything the overlay lacks stays English.
 */
export function localizeChecklist(
  kind: ChecklistKind,
  translation: CatalogTranslation | null,
): { title: string; items: ChecklistItemDefinition[] } {
  const definition = CHECKLIST_DEFINITIONS[kind];
  const text = translation?.checklists[kind];
  return {
    title: text?.title ?? definition.title,
    items: definition.items.map((item) => {
      const localized: ChecklistItemDefinition = { ...item, label: text?.items[item.key] ?? item.label };
      if (item.group !== undefined) localized.group = text?.groups?.[item.group] ?? item.group;
      return localized;
    }),
  };
}
