import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEdition } from '../../../../shared/catalog/schema';
import { catalogTranslation, localizeEdition } from '../../../../shared/catalog/translations';
import type { Worksheet } from '../../../../shared/ipc/contract';

export type LocalizedCatalog = Pick<CatalogEdition, 'title' | 'focusAreas' | 'categories' | 'criteria'> & {
  /** The text shown comes from an overlay not yet checked against CBP's documents in that language. */
  unverified: boolean;
};

/**
 * The worksheet's edition title, focus areas, categories and criteria as the SCSS reads them: in Spanish, the bundled
 * overlay's title, names, summaries, sub-requirement texts and entity guidance (English where it has none); in English, the edition
 * itself. Display only: ids, levels and applicability are the edition's, and nothing stored or synced changes.
 */
export function useLocalizedCatalog(worksheet: Worksheet | null): LocalizedCatalog | null {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const editionHeader = worksheet?.edition;
  const entityType = worksheet?.validation.entityType;
  const focusAreas = worksheet?.focusAreas;
  const categories = worksheet?.categories;
  const criteria = worksheet?.criteria;
  return useMemo(() => {
    if (!editionHeader || !entityType || !focusAreas || !categories || !criteria) return null;
    const translation = catalogTranslation(editionHeader.id, language);
    if (!translation) return { title: editionHeader.title, focusAreas, categories, criteria, unverified: false };
    const edition: CatalogEdition = {
      formatVersion: 1,
      id: editionHeader.id,
      title: editionHeader.title,
      publishedOn: editionHeader.publishedOn,
      entityTypes: [entityType],
      focusAreas,
      categories,
      criteria,
    };
    const localized = localizeEdition(edition, translation);
    return {
      title: localized.title,
      focusAreas: localized.focusAreas,
      categories: localized.categories,
      criteria: localized.criteria,
      unverified: !translation.verified,
    };
  }, [language, editionHeader, entityType, focusAreas, categories, criteria]);
}
