/** The kinds of record a validation holds, as sync and the review name them; each has words in the catalogs. */
export const CONTENT_ENTITIES = [
  'criterion_response',
  'site',
  'finding',
  'observation',
  'evidence',
  'inspection_checklist',
  'virtual_session',
] as const;
export type ContentEntity = (typeof CONTENT_ENTITIES)[number];

export const isContentEntity = (entity: string): entity is ContentEntity =>
  (CONTENT_ENTITIES as readonly string[]).includes(entity);
