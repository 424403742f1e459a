import type { Database } from 'better-sqlite3';
import { pluckStmt } from '../../../db/statements';
import { categoryNames } from '../../../shared/analytics/definitions';
import { bundledEditions } from '../../../shared/catalog/index';

/**
 * Category names from the edition filtered on, else the newest installed one, else the bundled one: every
 * edition names the same twelve, so HQ (which picks its own newest) gives the same names.
 */
export function loadCategoryNames(db: Database, edition: string | undefined): ReadonlyMap<number, string> {
  const json = pluckStmt(
    db,
    `SELECT content_json ->> '$.categories' FROM catalog_editions
     ORDER BY (id = ?) DESC, published_on DESC, id DESC LIMIT 1`,
  ).get(edition ?? null) as string | undefined;
  if (json) return categoryNames({ categories: JSON.parse(json) as Array<{ number: number; name: string }> });
  const bundled = bundledEditions()[0];
  return bundled ? categoryNames(bundled) : new Map();
}
