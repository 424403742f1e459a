import { catalogTranslation } from '../../../../shared/catalog/translations';
import type { ReviewValidationView } from '../../../../shared/ipc/contract';

/**
 * The validation under review with the criterion text as the interface's language writes it: in Spanish, the
 * edition's bundled overlay's summaries and sub-requirements (English where it has none), as on the worksheet.
 * Display only: ids, levels and everything the SCSS typed are as HQ holds them.
 */
export function localizeReviewView(view: ReviewValidationView, language: string): ReviewValidationView {
  const translation = catalogTranslation(view.edition.id, language);
  if (!translation) return view;
  const textOf = (criterionId: string) => translation.criteria[criterionId];
  return {
    ...view,
    criteria: view.criteria.map((criterion) => {
      const text = textOf(criterion.criterionId);
      if (!text) return criterion;
      const requirements = criterion.requirements.map((r) => ({ ...r, text: text.requirements[r.key] ?? r.text }));
      return { ...criterion, summary: text.summary, requirements };
    }),
    findings: view.findings.map((finding) => {
      const text = textOf(finding.criterionId);
      return text ? { ...finding, criterionSummary: text.summary } : finding;
    }),
  };
}

/** Whether the criterion text shown in this language is an overlay not yet checked against CBP's documents. */
export function catalogTextUnverified(editionId: string, language: string): boolean {
  const translation = catalogTranslation(editionId, language);
  return translation !== null && !translation.verified;
}

/** Category names in the interface's language, from the overlay, over the edition's own. */
export function localizeCategoryNames(
  names: ReadonlyMap<number, string>,
  editionId: string | undefined,
  language: string,
): ReadonlyMap<number, string> {
  const translation = editionId ? catalogTranslation(editionId, language) : null;
  if (!translation) return names;
  const translated: Partial<Record<string, string>> = translation.categories;
  return new Map([...names].map(([number, name]) => [number, translated[String(number)] ?? name]));
}
