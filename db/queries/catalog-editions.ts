import { createHash } from 'node:crypto';
import { parseCatalogEdition } from '../../shared/catalog/load';
import type { CatalogEdition } from '../../shared/catalog/schema';
import type { Db } from '../connection';
import { stmt } from '../statements';

/** Installs an edition once; editions are immutable, so a changed text under the same id is refused. */
export function installCatalogEdition(db: Db, edition: CatalogEdition, installedAt: string): 'installed' | 'present' {
  const content = JSON.stringify(edition);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const existing = stmt(db, 'SELECT content_sha256 FROM catalog_editions WHERE id = ?').get(edition.id) as
    | { content_sha256: string }
    | undefined;
  if (existing) {
    if (existing.content_sha256 !== sha256) {
      throw new Error(
        `Catalog edition ${edition.id} is already installed with different content; editions are immutable`,
      );
    }
    return 'present';
  }
  stmt(
    db,
    'INSERT INTO catalog_editions (id, title, published_on, content_json, content_sha256, installed_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(edition.id, edition.title, edition.publishedOn, content, sha256, installedAt);
  return 'installed';
}

const editionCache = new WeakMap<Db, Map<string, CatalogEdition>>();

/** Editions never change once installed, so a parsed copy is cached per connection. */
export function getCatalogEdition(db: Db, id: string): CatalogEdition | undefined {
  let perDb = editionCache.get(db);
  if (!perDb) {
    perDb = new Map();
    editionCache.set(db, perDb);
  }
  const cached = perDb.get(id);
  if (cached) return cached;
  const row = stmt(db, 'SELECT content_json FROM catalog_editions WHERE id = ?').get(id) as
    | { content_json: string }
    | undefined;
  if (!row) return undefined;
  const edition = parseCatalogEdition(JSON.parse(row.content_json));
  perDb.set(id, edition);
  return edition;
}

export function listCatalogEditionIds(db: Db): string[] {
  return (stmt(db, 'SELECT id FROM catalog_editions ORDER BY published_on DESC').all() as { id: string }[]).map(
    (r) => r.id,
  );
}
