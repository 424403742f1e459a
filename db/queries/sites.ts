import type { Site } from '../../shared/domain/field-work';
import type { Db } from '../connection';
import { pluckStmt, stmt } from '../statements';

type SiteRow = {
  id: string;
  validation_id: string;
  name: string;
  address: string;
  site_type: Site['siteType'];
  visit_date: string | null;
  created_at: string;
  updated_at: string;
};

const toSite = (r: SiteRow): Site => ({
  id: r.id,
  validationId: r.validation_id,
  name: r.name,
  address: r.address,
  siteType: r.site_type,
  visitDate: r.visit_date,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listSites(db: Db, validationId: string): Site[] {
  return (
    stmt(db, 'SELECT * FROM sites WHERE validation_id = ? AND deleted_at IS NULL ORDER BY created_at, id').all(
      validationId,
    ) as SiteRow[]
  ).map(toSite);
}

export function getSite(db: Db, id: string): Site | undefined {
  const row = stmt(db, 'SELECT * FROM sites WHERE id = ? AND deleted_at IS NULL').get(id) as SiteRow | undefined;
  return row && toSite(row);
}

export function upsertSite(db: Db, site: Site): void {
  stmt(
    db,
    `INSERT INTO sites (id, validation_id, name, address, site_type, visit_date, created_at, updated_at)
     VALUES (@id, @validationId, @name, @address, @siteType, @visitDate, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, site_type = excluded.site_type,
       visit_date = excluded.visit_date, updated_at = excluded.updated_at`,
  ).run(site);
}

/** Sites are soft-deleted so the audit log and earlier answers keep their history. */
export function softDeleteSite(db: Db, id: string, at: string): void {
  stmt(db, 'UPDATE sites SET deleted_at = ? WHERE id = ?').run(at, id);
}

/** The criteria whose answers name the site as where they were verified. */
export function criteriaVerifiedAtSite(db: Db, siteId: string): string[] {
  return pluckStmt(db, 'SELECT criterion_id FROM criterion_responses WHERE site_id = ?').all(siteId) as string[];
}
