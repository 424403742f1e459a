import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { msc201911Edition } from '../../shared/catalog/editions/msc-2019-11';
import { CatalogFormatError, criteriaForEntity, parseCatalogEdition } from '../../shared/catalog/load';
import type { CatalogEditionSchema } from '../../shared/catalog/schema';

type EditionInput = z.input<typeof CatalogEditionSchema>;
type CriterionInput = EditionInput['criteria'][number];

const edition = parseCatalogEdition(msc201911Edition);

function badCopy(): EditionInput {
  return structuredClone(msc201911Edition);
}

/** Index and row of a criterion in an edition copy; fails the test if the ID is missing. */
function criterionIn(input: EditionInput, id: string): [number, CriterionInput] {
  const index = input.criteria.findIndex((c) => c.id === id);
  const criterion = input.criteria[index];
  if (!criterion) throw new Error(`criterion ${id} not in the edition`);
  return [index, criterion];
}

function criterion(id: string) {
  const found = edition.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`criterion ${id} not in the edition`);
  return found;
}

/** The problems parseCatalogEdition reports for a malformed edition (fails the test if it parses). */
function problemsOf(input: unknown): string[] {
  try {
    parseCatalogEdition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogFormatError);
    const formatError = error as CatalogFormatError;
    expect(formatError.code).toBe('CATALOG_INVALID');
    expect(formatError.editionLabel).toBe('MSC-2019-11');
    expect(formatError.message).toContain(formatError.problems[0]);
    return formatError.problems;
  }
  throw new Error('expected the edition to be rejected');
}

const idsFor = (entity: 'IMP' | 'HC' | 'FM') => criteriaForEntity(edition, entity).map((c) => c.id);

describe('bundled edition MSC-2019-11', () => {
  it('is the content HQ publishes, unchanged: published editions never change', () => {
    // A repository-wide word replacement once rewrote 9.5 and 9.6 ("park" → "refuse"); any edit to the text fails here.
    const sha256 = createHash('sha256')
      .update(canonicalize(edition) ?? '')
      .digest('hex');
    expect(sha256).toBe('550a7156dbc7da38df4bc1bdb3e4833f6b2fefc517a7fd089bfdae1f4b0a3fd1');
    expect(edition.criteria.find((c) => c.id === '9.6')?.summary).toContain('parking areas');
  });

  it('parses against the catalog schema', () => {
    expect(edition.id).toBe('MSC-2019-11');
    expect(edition.formatVersion).toBe(1);
    expect(edition.publishedOn).toBe('2019-11-27');
    expect(edition.entityTypes).toEqual(['IMP', 'HC', 'FM']);
  });

  it('has the three focus areas', () => {
    expect(edition.focusAreas.map((f) => f.id)).toEqual(['CORP', 'TRAN', 'PEOP']);
    expect(edition.focusAreas.map((f) => f.name)).toEqual([
      'Corporate Security',
      'Transportation Security',
      'People and Physical Security',
    ]);
  });

  it('has the twelve categories in the official order, four per focus area', () => {
    expect(edition.categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(edition.categories.map((c) => c.name)).toEqual([
      'Security Vision & Responsibility',
      'Risk Assessment',
      'Business Partners',
      'Cybersecurity',
      'Conveyance & Instruments of International Traffic Security',
      'Seal Security',
      'Procedural Security',
      'Agricultural Security',
      'Physical Security',
      'Physical Access Controls',
      'Personnel Security',
      'Education, Training & Awareness',
    ]);
    expect(edition.categories.map((c) => c.focusArea)).toEqual([
      ...Array(4).fill('CORP'),
      ...Array(4).fill('TRAN'),
      ...Array(4).fill('PEOP'),
    ]);
  });

  it('carries the expected number of criteria per entity type', () => {
    expect(edition.criteria).toHaveLength(98);
    expect(idsFor('IMP')).toHaveLength(93);
    expect(idsFor('HC')).toHaveLength(98);
    expect(idsFor('FM')).toHaveLength(97);
  });

  it('matches the reconstructed importer ID counts per category', () => {
    const perCategory = new Map<number, number>();
    for (const c of criteriaForEntity(edition, 'IMP'))
      perCategory.set(c.category, (perCategory.get(c.category) ?? 0) + 1);
    expect(Object.fromEntries(perCategory)).toEqual({
      1: 4,
      2: 4,
      3: 6,
      4: 13,
      5: 10,
      6: 5,
      7: 16,
      8: 1,
      9: 15,
      10: 8,
      11: 3,
      12: 8,
    });
  });

  it('applies the Nov 2019 additions 11.5 and 7.37 to every entity type', () => {
    for (const id of ['11.5', '7.37']) {
      expect(criterion(id).appliesTo).toEqual(['IMP', 'HC', 'FM']);
      expect(criterion(id).scope).toBe('CORE');
    }
  });

  it('keeps 6.3 for highway carriers only', () => {
    expect(criterion('6.3').appliesTo).toEqual(['HC']);
    expect(criterion('6.3').scope).toBe('HC_LH_3PL');
    expect(idsFor('HC')).toContain('6.3');
    expect(idsFor('IMP')).not.toContain('6.3');
    expect(idsFor('FM')).not.toContain('6.3');
  });

  it('keeps the land-border rows 3.8, 5.15, 5.16 and 5.24 for carriers and manufacturers, not importers', () => {
    for (const id of ['3.8', '5.15', '5.16', '5.24']) {
      expect(criterion(id).appliesTo).toEqual(['HC', 'FM']);
      expect(criterion(id).scope).toBe('SPECIFIC');
      expect(idsFor('IMP')).not.toContain(id);
    }
  });

  it('invents no IDs for the unconfirmed carrier ranges and leaves out 8.2 and the air-only 6.4', () => {
    const ids = new Set(edition.criteria.map((c) => c.id));
    const absent = ['6.4', '8.2'];
    for (const n of [9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 22, 23, 25, 26, 27, 28]) absent.push(`5.${n}`);
    for (const id of absent) expect(ids.has(id), id).toBe(false);
  });

  it('marks 3.1 and 10.2 MIXED with both Must and Should sub-requirements', () => {
    for (const id of ['3.1', '10.2']) {
      const c = criterion(id);
      expect(c.level).toBe('MIXED');
      expect(new Set(c.requirements.map((r) => r.level))).toEqual(new Set(['MUST', 'SHOULD']));
    }
  });

  it('gives every criterion a level consistent with its sub-requirements', () => {
    for (const c of edition.criteria) {
      const levels = new Set(c.requirements.map((r) => r.level));
      expect(c.level === 'MIXED' ? levels.size : [...levels], c.id).toEqual(c.level === 'MIXED' ? 2 : [c.level]);
    }
  });

  it('scopes a row CORE exactly when it applies to all three entity types', () => {
    for (const c of edition.criteria) {
      expect(c.scope === 'CORE', c.id).toBe(c.appliesTo.length === 3);
    }
  });

  it('never marks a row verified unless its confidence is H', () => {
    for (const c of edition.criteria) {
      if (c.verified) expect(c.confidence, c.id).toBe('H');
    }
    expect(criterion('7.10').verified).toBe(false);
    expect(criterion('7.10').confidence).toBe('L');
    expect(criterion('9.2').verified).toBe(false);
    expect(criterion('4.1').verified).toBe(true);
  });

  it('gives 5.3 entity-specific inspection guidance and both inspection checklists', () => {
    const c = criterion('5.3');
    expect(c.entityGuidance?.HC).toMatch(/17-point/);
    expect(c.entityGuidance?.IMP).toMatch(/7-point/);
    expect(c.entityGuidance?.FM).toMatch(/7-point/);
    expect(c.checklists).toEqual(['CONTAINER_7_POINT', 'TRACTOR_TRAILER_17_POINT']);
    expect(criterion('6.7').checklists).toEqual(['SEAL_VVTT']);
  });

  it('lists criteria in category then number order', () => {
    const ids = edition.criteria.map((c) => c.id);
    expect(ids).toEqual(idsFor('HC'));
    expect(ids.indexOf('4.10')).toBe(ids.indexOf('4.9') + 1);
  });
});

describe('criteriaForEntity', () => {
  it('sorts IDs by their numeric parts, so 4.10 follows 4.9', () => {
    const shuffled = structuredClone(edition);
    shuffled.criteria.reverse();
    const ids = criteriaForEntity(shuffled, 'IMP').map((c) => c.id);
    expect(ids.slice(ids.indexOf('4.9'), ids.indexOf('4.9') + 5)).toEqual(['4.9', '4.10', '4.11', '4.12', '4.13']);
    expect(ids.at(-1)).toBe('12.10');
    expect(ids.indexOf('12.10')).toBeGreaterThan(ids.indexOf('12.9'));
  });
});

describe('malformed editions are rejected with the bad entry named', () => {
  it('rejects a category that does not match the ID prefix', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '4.3');
    c.category = 5;
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`criteria[${i}]`);
    expect(problems[0]).toContain('(criterion 4.3)');
    expect(problems[0]).toContain('ID 4.3 belongs to category 4, not 5');
  });

  it('rejects a duplicate criterion ID', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '4.4');
    c.id = '4.3';
    const problems = problemsOf(bad);
    expect(problems).toEqual([`criteria[${i}] (criterion 4.3) id: Duplicate criterion ID 4.3`]);
  });

  it('rejects a MIXED criterion whose sub-requirements are all MUST', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '3.1');
    c.requirements = c.requirements.filter((r) => r.level === 'MUST');
    const problems = problemsOf(bad);
    expect(problems).toEqual([
      `criteria[${i}] (criterion 3.1) level: Level MIXED does not match its sub-requirements (MUST)`,
    ]);
  });

  it('rejects a criterion level that disagrees with a single-level criterion', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '1.1');
    c.level = 'MUST';
    expect(problemsOf(bad)).toEqual([
      `criteria[${i}] (criterion 1.1) level: Level MUST does not match its sub-requirements (SHOULD)`,
    ]);
  });

  it('rejects an edition with a category missing', () => {
    const bad = badCopy();
    bad.categories = bad.categories.filter((c) => c.number !== 9);
    const problems = problemsOf(bad);
    expect(problems).toContain('categories: Category 9 is missing');
    expect(problems.every((p) => p.startsWith('categories: '))).toBe(true);
  });

  it('rejects twelve categories when one number is repeated and another is missing', () => {
    const bad = badCopy();
    const nine = bad.categories[8];
    if (!nine) throw new Error('category 9 missing from the bundled edition');
    nine.number = 10;
    expect(problemsOf(bad)).toEqual(['categories: Category 9 is missing']);
  });

  it('rejects an entity type that does not exist', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '1.1');
    (c as { appliesTo: unknown }).appliesTo = ['IMP', 'XYZ'];
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`criteria[${i}] (criterion 1.1) appliesTo`);
  });

  it('rejects an entity type the edition does not carry', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '1.1');
    c.appliesTo = ['IMP', 'AIR'];
    expect(problemsOf(bad)).toEqual([
      `criteria[${i}] (criterion 1.1) appliesTo: Entity AIR is not one of this edition's entity types`,
    ]);
  });

  it('rejects a summary that is too short', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '12.10');
    c.summary = 'Training';
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`criteria[${i}] (criterion 12.10) summary`);
  });

  it('reports every bad entry at once', () => {
    const bad = badCopy();
    const [i, first] = criterionIn(bad, '2.1');
    const [j, second] = criterionIn(bad, '9.4');
    first.category = 3;
    second.requirements = [];
    const problems = problemsOf(bad);
    expect(problems.some((p) => p.startsWith(`criteria[${i}] (criterion 2.1)`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`criteria[${j}] (criterion 9.4) requirements`))).toBe(true);
  });

  it('rejects repeated focus-area ids', () => {
    const bad = badCopy();
    const third = bad.focusAreas[2];
    if (!third) throw new Error('edition has fewer than three focus areas');
    third.id = 'CORP';
    expect(problemsOf(bad)).toContain('focusAreas: Focus area ids repeat');
  });

  it('rejects guidance for an entity type the criterion does not apply to', () => {
    const bad = badCopy();
    const [i, c] = criterionIn(bad, '6.3');
    c.entityGuidance = { IMP: 'Importers would use a padlock here.' };
    expect(problemsOf(bad)).toEqual([
      `criteria[${i}] (criterion 6.3) entityGuidance: Guidance for IMP, but the criterion does not apply to IMP`,
    ]);
  });
});
