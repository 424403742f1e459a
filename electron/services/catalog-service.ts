import { getCatalogEdition, installCatalogEdition, listCatalogEditionIds } from '../../db/queries/catalog-editions';
import { bundledEditions } from '../../shared/catalog/index';
import { criteriaForEntity } from '../../shared/catalog/load';
import type { CatalogEdition, Criterion } from '../../shared/catalog/schema';
import type { EntityType } from '../../shared/domain/entity-types';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { isoNow, type ServiceContext } from './service-context';

export function installBundledEditions(ctx: ServiceContext): void {
  ctx.db.transaction(() => {
    for (const edition of bundledEditions()) installCatalogEdition(ctx.db, edition, isoNow(ctx));
  })();
}

export function getEdition(ctx: ServiceContext, editionId: string): CatalogEdition {
  const edition = getCatalogEdition(ctx.db, editionId);
  if (!edition) throw new AppError('NOT_FOUND', message('errors.catalog.notInstalled', { edition: editionId }));
  return edition;
}

/** The newest installed edition that carries criteria for the entity type; pinned at validation creation. */
export function currentEditionFor(ctx: ServiceContext, entityType: EntityType): CatalogEdition {
  for (const id of listCatalogEditionIds(ctx.db)) {
    const edition = getEdition(ctx, id);
    if (edition.entityTypes.includes(entityType)) return edition;
  }
  throw new AppError('BAD_REQUEST', message('errors.catalog.noEdition', { entityType }));
}

const worksheetCriteriaCache = new WeakMap<CatalogEdition, Map<EntityType, Criterion[]>>();

export function worksheetCriteria(edition: CatalogEdition, entityType: EntityType): Criterion[] {
  let perEdition = worksheetCriteriaCache.get(edition);
  if (!perEdition) {
    perEdition = new Map();
    worksheetCriteriaCache.set(edition, perEdition);
  }
  let list = perEdition.get(entityType);
  if (!list) {
    list = criteriaForEntity(edition, entityType);
    perEdition.set(entityType, list);
  }
  return list;
}
