import type { z } from 'zod';
import type { EntityType } from '../domain/entity-types';
import { type CatalogEdition, CatalogEditionSchema, type Criterion } from './schema';

export class CatalogFormatError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(
    readonly editionLabel: string,
    readonly problems: string[],
  ) {
    super(`Catalog edition ${editionLabel} is malformed:\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogFormatError';
  }
}

/** Names the offending entry the way an HQ editor would look for it: "criteria[12] (4.3) summary". */
function describeIssuePath(input: unknown, path: PropertyKey[]): string {
  if (path[0] === 'criteria' && typeof path[1] === 'number') {
    const raw = (input as { criteria?: unknown[] })?.criteria?.[path[1]] as { id?: unknown } | undefined;
    const id = typeof raw?.id === 'string' ? ` (criterion ${raw.id})` : '';
    const rest = path.slice(2).map(String).join('.');
    return `criteria[${path[1]}]${id}${rest ? ` ${rest}` : ''}`;
  }
  return path.length ? path.map(String).join('.') : '(edition)';
}

export function formatCatalogIssues(input: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${describeIssuePath(input, issue.path)}: ${issue.message}`);
}

/** Parses untrusted edition data (bundled or published by HQ); throws CatalogFormatError naming each bad entry. */
export function parseCatalogEdition(input: unknown): CatalogEdition {
  const result = CatalogEditionSchema.safeParse(input);
  if (result.success) return result.data;
  const label = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : '(unnamed)';
  throw new CatalogFormatError(label, formatCatalogIssues(input, result.error));
}

/** Sorts "4.10" after "4.9": IDs compare by their numeric parts. */
export function compareCriterionIds(a: string, b: string): number {
  const [ac, an] = a.split('.').map(Number);
  const [bc, bn] = b.split('.').map(Number);
  return (ac ?? 0) - (bc ?? 0) || (an ?? 0) - (bn ?? 0);
}

export function criteriaForEntity(edition: CatalogEdition, entityType: EntityType): Criterion[] {
  return edition.criteria
    .filter((c) => c.appliesTo.includes(entityType))
    .sort((a, b) => compareCriterionIds(a.id, b.id));
}
