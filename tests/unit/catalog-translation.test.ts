import { describe, expect, it } from 'vitest';
import { CHECKLIST_DEFINITIONS } from '../../shared/catalog/checklists';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import { parseCatalogEdition } from '../../shared/catalog/load';
import type { CatalogEdition } from '../../shared/catalog/schema';
import { type CatalogTranslation, CatalogTranslationSchema } from '../../shared/catalog/translation-schema';
import { catalogTranslation, localizeChecklist, localizeEdition } from '../../shared/catalog/translations';
import { msc201911Spanish } from '../../shared/catalog/translations/msc-2019-11.es';
import { ChecklistKindSchema } from '../../shared/domain/field-work';

const edition = parseCatalogEdition(msc201911Edition);
const spanish = CatalogTranslationSchema.parse(msc201911Spanish);
const kinds = ChecklistKindSchema.options;

const sorted = (keys: Iterable<string>) => [...keys].sort();

/**
 * Spanish texts allowed to read exactly like their English source: proper names only. Keyed by the path
 * englishAndSpanish() gives the text. Empty today; add an entry only for a name that has no Spanish form.
 */
const SAME_AS_ENGLISH: ReadonlySet<string> = new Set<string>([]);

/** Every text of the edition and checklists next to the overlay's, by a path that names where it is. */
function englishAndSpanish(translation: CatalogTranslation): { path: string; en: string; es: string | undefined }[] {
  const pairs: { path: string; en: string; es: string | undefined }[] = [
    { path: 'title', en: edition.title, es: translation.title },
  ];
  for (const f of edition.focusAreas)
    pairs.push({ path: `focusAreas.${f.id}`, en: f.name, es: translation.focusAreas[f.id] });
  const categories: Partial<Record<string, string>> = translation.categories;
  for (const c of edition.categories) {
    pairs.push({ path: `categories.${c.number}`, en: c.name, es: categories[String(c.number)] });
  }
  for (const c of edition.criteria) {
    const t = translation.criteria[c.id];
    pairs.push({ path: `criteria.${c.id}.summary`, en: c.summary, es: t?.summary });
    for (const r of c.requirements) {
      pairs.push({ path: `criteria.${c.id}.requirements.${r.key}`, en: r.text, es: t?.requirements[r.key] });
    }
    for (const [entity, text] of Object.entries(c.entityGuidance ?? {})) {
      const es = t?.entityGuidance?.[entity as keyof typeof t.entityGuidance];
      pairs.push({ path: `criteria.${c.id}.entityGuidance.${entity}`, en: text, es });
    }
  }
  for (const kind of kinds) {
    const definition = CHECKLIST_DEFINITIONS[kind];
    const t = translation.checklists[kind];
    pairs.push({ path: `checklists.${kind}.title`, en: definition.title, es: t.title });
    for (const item of definition.items) {
      pairs.push({ path: `checklists.${kind}.items.${item.key}`, en: item.label, es: t.items[item.key] });
      if (item.group)
        pairs.push({ path: `checklists.${kind}.groups.${item.group}`, en: item.group, es: t.groups?.[item.group] });
    }
  }
  return pairs;
}

/** The edition with every translatable text blanked, so two editions can be compared on structure alone. */
function structureOf(input: CatalogEdition) {
  return {
    ...input,
    title: '',
    focusAreas: input.focusAreas.map((f) => ({ ...f, name: '' })),
    categories: input.categories.map((c) => ({ ...c, name: '' })),
    criteria: input.criteria.map((c) => ({
      ...c,
      summary: '',
      requirements: c.requirements.map((r) => ({ ...r, text: '' })),
      entityGuidance: c.entityGuidance
        ? Object.fromEntries(Object.keys(c.entityGuidance).map((entity) => [entity, '']))
        : undefined,
    })),
  };
}

describe('Spanish overlay for MSC-2019-11', () => {
  it('parses, is for this edition and is marked unverified with a note saying why', () => {
    expect(spanish.editionId).toBe(edition.id);
    expect(spanish.language).toBe('es');
    expect(spanish.verified).toBe(false);
    expect(spanish.note).toMatch(/unverified/i);
    expect(spanish.note).toMatch(/CBP/);
    expect(catalogTranslation('MSC-2019-11', 'es')).toEqual(spanish);
  });

  it('has exactly the edition’s criterion IDs, none missing and none extra', () => {
    expect(sorted(Object.keys(spanish.criteria))).toEqual(sorted(edition.criteria.map((c) => c.id)));
    expect(Object.keys(spanish.criteria)).toHaveLength(98);
  });

  it('has every sub-requirement key of each criterion and no other', () => {
    for (const c of edition.criteria) {
      expect(sorted(Object.keys(spanish.criteria[c.id]?.requirements ?? {})), c.id).toEqual(
        sorted(c.requirements.map((r) => r.key)),
      );
    }
  });

  it('has guidance for exactly the entity types the English guides', () => {
    for (const c of edition.criteria) {
      expect(sorted(Object.keys(spanish.criteria[c.id]?.entityGuidance ?? {})), c.id).toEqual(
        sorted(Object.keys(c.entityGuidance ?? {})),
      );
    }
  });

  it('names every focus area and category', () => {
    expect(sorted(Object.keys(spanish.focusAreas))).toEqual(sorted(edition.focusAreas.map((f) => f.id)));
    expect(sorted(Object.keys(spanish.categories))).toEqual(sorted(edition.categories.map((c) => String(c.number))));
  });

  it('has every checklist item and group and no other', () => {
    for (const kind of kinds) {
      const definition = CHECKLIST_DEFINITIONS[kind];
      const t = spanish.checklists[kind];
      expect(sorted(Object.keys(t.items)), kind).toEqual(sorted(definition.items.map((i) => i.key)));
      const groups = new Set(definition.items.flatMap((i) => (i.group ? [i.group] : [])));
      expect(sorted(Object.keys(t.groups ?? {})), kind).toEqual(sorted(groups));
    }
  });

  it('translates every text: none is missing or reads exactly like its English source', () => {
    const pairs = englishAndSpanish(spanish);
    expect(pairs.filter((p) => !p.es).map((p) => p.path)).toEqual([]);
    expect(pairs.filter((p) => p.es === p.en && !SAME_AS_ENGLISH.has(p.path)).map((p) => p.path)).toEqual([]);
    // Every allowed exception is still in use, so the list cannot grow stale.
    for (const path of SAME_AS_ENGLISH)
      expect(
        pairs.find((p) => p.path === path && p.es === p.en),
        path,
      ).toBeTruthy();
  });

  it('is written in UTF-8 Spanish with its accents, not in escaped or stripped form', () => {
    const all = englishAndSpanish(spanish).map((p) => p.es ?? '');
    expect(all.join(' ')).toMatch(/[áéíóúñ]/);
    expect(spanish.categories['2']).toBe('Evaluación de Riesgos');
    expect(spanish.categories['12']).toBe('Educación, Capacitación y Concientización');
    for (const text of all) expect(text).not.toMatch(/\\u00|Ã/);
  });

  it('keeps the names CTPAT, MSC and ISO 17712 wherever the English has them', () => {
    for (const { path, en, es } of englishAndSpanish(spanish)) {
      for (const name of ['CTPAT', 'MSC', 'ISO 17712', 'VVTT']) {
        if (en.includes(name)) expect(es, path).toContain(name);
      }
    }
  });
});

describe('catalogTranslation', () => {
  it('returns null for an edition or language without an overlay', () => {
    expect(catalogTranslation('MSC-2019-11', 'fr')).toBeNull();
    expect(catalogTranslation('MSC-2019-11', 'en')).toBeNull();
    expect(catalogTranslation('MSC-2020-03', 'es')).toBeNull();
    expect(catalogTranslation('', '')).toBeNull();
  });
});

describe('localizeEdition', () => {
  it('puts the Spanish text in place and keeps every structural field identical', () => {
    const localized = localizeEdition(edition, spanish);
    expect(structureOf(localized)).toEqual(structureOf(edition));
    expect(edition.title).toBe('CTPAT Minimum Security Criteria — November 2019 final');
    expect(localized.title).toBe('Criterios Mínimos de Seguridad de CTPAT — versión final de noviembre de 2019');
    expect(localized.categories.find((c) => c.number === 10)?.name).toBe('Controles de Acceso Físico');
    expect(localized.focusAreas.find((f) => f.id === 'TRAN')?.name).toBe('Seguridad en el Transporte');
    const c102 = localized.criteria.find((c) => c.id === '10.2');
    expect(c102?.requirements.map((r) => r.text)).toEqual(Object.values(spanish.criteria['10.2']?.requirements ?? {}));
    expect(localized.criteria.find((c) => c.id === '5.3')?.entityGuidance?.HC).toMatch(/^Transportistas de carretera:/);
    for (const c of localized.criteria) expect(c.summary).toBe(spanish.criteria[c.id]?.summary);
  });

  it('gives an edition that still passes the edition checks', () => {
    expect(() => parseCatalogEdition(localizeEdition(edition, spanish))).not.toThrow();
  });

  it('does not change its input', () => {
    const before = structuredClone(edition);
    const localized = localizeEdition(edition, spanish);
    expect(edition).toEqual(before);
    expect(localized).not.toBe(edition);
    expect(localized.criteria[0]).not.toBe(edition.criteria[0]);
  });

  it('falls back to English for a criterion, key or guidance the overlay lacks', () => {
    const partial = structuredClone(spanish);
    delete partial.criteria['1.1'];
    delete partial.criteria['10.2']?.requirements.c;
    delete partial.criteria['5.3']?.entityGuidance?.FM;
    const localized = localizeEdition(edition, partial);
    const english = (id: string) => edition.criteria.find((c) => c.id === id);
    const local = (id: string) => localized.criteria.find((c) => c.id === id);
    expect(local('1.1')).toEqual(english('1.1'));
    expect(local('1.2')?.summary).toBe(spanish.criteria['1.2']?.summary);
    const texts = local('10.2')?.requirements.map((r) => r.text);
    expect(texts?.[2]).toBe(english('10.2')?.requirements[2]?.text);
    expect(texts?.[1]).toBe(spanish.criteria['10.2']?.requirements.b);
    expect(local('5.3')?.entityGuidance?.FM).toBe(english('5.3')?.entityGuidance?.FM);
    expect(local('5.3')?.entityGuidance?.HC).toBe(spanish.criteria['5.3']?.entityGuidance?.HC);
  });

  it('changes no text without an overlay or with an overlay for another edition', () => {
    expect(localizeEdition(edition, null)).toEqual(edition);
    expect(localizeEdition(edition, { ...spanish, editionId: 'MSC-2020-03' })).toEqual(edition);
  });
});

describe('localizeChecklist', () => {
  it('translates title, labels and groups and keeps keys, order and refrigeratedOnly', () => {
    for (const kind of kinds) {
      const definition = CHECKLIST_DEFINITIONS[kind];
      const localized = localizeChecklist(kind, spanish);
      expect(localized.title).toBe(spanish.checklists[kind].title);
      expect(localized.items.map((i) => [i.key, i.refrigeratedOnly, i.group === undefined])).toEqual(
        definition.items.map((i) => [i.key, i.refrigeratedOnly, i.group === undefined]),
      );
      for (const item of localized.items) expect(item.label).toBe(spanish.checklists[kind].items[item.key]);
    }
    const groups = localizeChecklist('TRACTOR_TRAILER_17_POINT', spanish).items.map((i) => i.group);
    expect(new Set(groups)).toEqual(new Set(['Tractocamión', 'Remolque']));
  });

  it('stays English without an overlay or for an item the overlay lacks, and leaves the definitions alone', () => {
    const before = structuredClone(CHECKLIST_DEFINITIONS);
    for (const kind of kinds) expect(localizeChecklist(kind, null)).toEqual(CHECKLIST_DEFINITIONS[kind]);
    const partial = structuredClone(spanish);
    delete partial.checklists.SEAL_VVTT.items.tug;
    const seal = localizeChecklist('SEAL_VVTT', partial);
    expect(seal.items.find((i) => i.key === 'tug')?.label).toBe('Tug the seal to make sure it is affixed');
    expect(seal.items.find((i) => i.key === 'view')?.label).toBe(spanish.checklists.SEAL_VVTT.items.view);
    expect(CHECKLIST_DEFINITIONS).toEqual(before);
  });
});
