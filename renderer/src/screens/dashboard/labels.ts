import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryNames } from '../../../../shared/analytics/definitions';
import type { CatalogEdition } from '../../../../shared/catalog/schema';
import { catalogTranslation } from '../../../../shared/catalog/translations';
import { reasonLabelIn } from '../../../../shared/domain/reason-label';
import { call } from '../../api';
import { currentLanguage } from '../../i18n';

export type DashboardLabels = {
  /** Category number → name, from the newest catalog edition on this computer, in the interface's language. */
  categories: ReadonlyMap<number, string>;
  /**
   * A category name a view answered with (the catalog's English) in the interface's language: translated when it is
   * the name the newest edition here gives that category, else as answered (an edition this computer lacks).
   */
  categoryName: (category: number, answered: string) => string;
  /** Deficiency reason code → label, from Settings. */
  reasons: ReadonlyMap<string, string>;
  editions: string[];
};

const NONE: DashboardLabels = {
  categories: new Map(),
  categoryName: (_category, answered) => answered,
  reasons: new Map(),
  editions: [],
};

/** The edition's category names in `language`, and a translator for names answered in the edition's English. */
function categoryNamesIn(
  edition: CatalogEdition,
  language: string,
): Pick<DashboardLabels, 'categories' | 'categoryName'> {
  const english = categoryNames(edition);
  const translated: Partial<Record<string, string>> = catalogTranslation(edition.id, language)?.categories ?? {};
  const shown = new Map([...english].map(([number, name]) => [number, translated[String(number)] ?? name]));
  return {
    categories: shown,
    categoryName: (category, answered) =>
      english.get(category) === answered ? (shown.get(category) ?? answered) : answered,
  };
}

/** Names for the numbers and codes the views answer with; figures show with bare numbers until they arrive. */
export function useDashboardLabels(): DashboardLabels {
  const [labels, setLabels] = useState<DashboardLabels>(NONE);
  // Read again when the person changes the language: the names and reason labels are worded in it.
  const { i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is a trigger; currentLanguage() reads it
  useEffect(() => {
    let current = true;
    void (async () => {
      const [info, settings] = await Promise.all([call('app:info', {}), call('settings:get', {})]);
      const newest = [...info.catalogEditionIds].sort().at(-1);
      const edition = newest ? await call('catalog:get', { editionId: newest }) : null;
      if (!current) return;
      setLabels({
        ...(edition ? categoryNamesIn(edition, currentLanguage()) : NONE),
        reasons: new Map(settings.deficiencyReasons.map((r) => [r.code, reasonLabelIn(currentLanguage(), r)])),
        editions: info.catalogEditionIds,
      });
    })().catch(() => undefined); // labels are a nicety: the figures stand without them
    return () => {
      current = false;
    };
  }, [language]);
  return labels;
}
