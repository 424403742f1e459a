import { bundledEditions } from '../shared/catalog/index';
import { compareCriterionIds } from '../shared/catalog/load';
import type { ReadinessCriterion } from '../shared/domain/submission-readiness';
import type { Change } from '../shared/sync/protocol';
import type { HqQueryable } from './db/types';

/** A worksheet's criteria in worksheet order, with their ids as a set for the per-record check. */
export type Worksheet = { ids: ReadonlySet<string>; criteria: readonly ReadinessCriterion[] };

/**
 * The worksheets of validations (their catalog edition and entity type), as HQ knows them: the editions shipped
 * with the app and those HQ has published. `null`: HQ holds no such edition; no criteria: the edition has none
 * for that entity type. Either way HQ cannot vouch for anything recorded against it.
 */
export type Worksheets = ReadonlyMap<string, Worksheet | null>;

type CriterionRow = ReadinessCriterion & { appliesTo: readonly string[] };

export const worksheetKey = (editionId: string, entityType: string): string => `${editionId}\n${entityType}`;

/** The edition and entity type a validation payload names (as sent: the schema has checked both are strings). */
export function worksheetKeyOf(payload: Record<string, unknown>): string {
  return worksheetKey(String(payload.catalogEditionId ?? ''), String(payload.entityType ?? ''));
}

function worksheetOf(criteria: readonly CriterionRow[], entityType: string): Worksheet {
  const onIt = criteria
    .filter((c) => c.appliesTo.includes(entityType))
    .sort((a, b) => compareCriterionIds(a.id, b.id))
    .map(({ id, category, level, checklists }) => ({ id, category, level, checklists }));
  return { ids: new Set(onIt.map((c) => c.id)), criteria: onIt };
}

/** Bundled editions are answered from memory; of published ones HQ reads only what the worksheet rules need. */
export async function loadWorksheets(tx: HqQueryable, keys: ReadonlySet<string>): Promise<Worksheets> {
  const wanted = [...keys].map((key) => {
    const [editionId = '', entityType = ''] = key.split('\n');
    return { key, editionId, entityType };
  });
  const criteriaOf = new Map<string, readonly CriterionRow[]>();
  for (const edition of bundledEditions()) criteriaOf.set(edition.id, edition.criteria);
  const unread = [...new Set(wanted.map((w) => w.editionId).filter((id) => !criteriaOf.has(id)))];
  if (unread.length > 0) {
    const rows = await tx.query<{ id: string; criteria: CriterionRow[] }>(
      `SELECT id, (SELECT jsonb_agg(jsonb_build_object('id', c->'id', 'category', c->'category', 'level', c->'level',
                                                   'checklists', COALESCE(c->'checklists', '[]'),
                                                   'appliesTo', c->'appliesTo'))
                     FROM jsonb_array_elements(edition->'criteria') c) AS criteria
         FROM catalog_editions WHERE id = ANY($1::text[])`,
      [unread],
    );
    for (const row of rows) criteriaOf.set(row.id, row.criteria ?? []);
  }
  const worksheets = new Map<string, Worksheet | null>();
  for (const { key, editionId, entityType } of wanted) {
    const criteria = criteriaOf.get(editionId);
    worksheets.set(key, criteria ? worksheetOf(criteria, entityType) : null);
  }
  return worksheets;
}

/** The criterion ids an SCSS's record names (a deletion names none: removing is always allowed). */
export function criteriaNamedBy(change: Change): string[] {
  if (change.operation !== 'upsert') return [];
  const { entity, payload } = change;
  if (entity === 'virtual_session') {
    const segments = Array.isArray(payload.segments) ? (payload.segments as { criterionIds?: unknown }[]) : [];
    return segments.flatMap((s) => (Array.isArray(s.criterionIds) ? s.criterionIds.map(String) : []));
  }
  if (
    entity === 'criterion_response' ||
    entity === 'finding' ||
    entity === 'evidence' ||
    entity === 'inspection_checklist'
  ) {
    return typeof payload.criterionId === 'string' ? [payload.criterionId] : [];
  }
  return [];
}
