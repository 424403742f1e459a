import canonicalize from 'canonicalize';
import { parseCatalogEdition } from '../shared/catalog/load';
import type { HqDb } from './db/types';
import { sha256Hex } from './identity';

export type PublishOutcome = { id: string; title: string; outcome: 'published' | 'already-published' };

/**
 * Publishes an MSC catalog edition to every desktop's next pull. The edition is checked with the
 * catalog's own schema first (a CatalogFormatError names each bad entry); editions are immutable, so the
 * same id with other content is refused and the same content again changes nothing.
 */
export async function publishCatalogEdition(db: HqDb, input: unknown): Promise<PublishOutcome> {
  const edition = parseCatalogEdition(input);
  const content = canonicalize(edition) ?? '';
  const contentSha256 = sha256Hex(content);
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO catalog_editions (id, edition, content_sha256) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [edition.id, content, contentSha256],
    );
    if (inserted.length === 1) return { id: edition.id, title: edition.title, outcome: 'published' };
    const [held] = await tx.query<{ content_sha256: string }>(
      'SELECT content_sha256 FROM catalog_editions WHERE id = $1',
      [edition.id],
    );
    if (held?.content_sha256 !== contentSha256) {
      throw new Error(
        `Catalog edition ${edition.id} is already published with different content, and published editions never change. Publish the corrected edition under a new id (e.g. MSC-YYYY-MM of this month).`,
      );
    }
    return { id: edition.id, title: edition.title, outcome: 'already-published' };
  });
}
