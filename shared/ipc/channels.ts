/**
 * Every request channel, as plain strings. Kept free of zod so the sandboxed preload can
 * import it without bundling the schemas. contract.ts maps each to its schemas; a test keeps them equal.
 */
export const CHANNELS = [
  'app:info',
  'catalog:get',
  'members:list',
  'validations:list',
  'validations:create',
  'worksheet:open',
  'responses:save',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications. */
export const EVENTS = ['validation:changed', 'sync:progress'] as const;
export type EventName = (typeof EVENTS)[number];
