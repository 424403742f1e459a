import { msc201911Edition } from './editions/msc-2019-11';
import { parseCatalogEdition } from './load';
import type { CatalogEdition } from './schema';

/** Editions shipped inside the app; HQ may publish newer ones through sync. */
export const BUNDLED_EDITION_SOURCES: readonly unknown[] = [msc201911Edition];

let parsed: CatalogEdition[] | undefined;
export function bundledEditions(): CatalogEdition[] {
  parsed ??= BUNDLED_EDITION_SOURCES.map(parseCatalogEdition);
  return parsed;
}
