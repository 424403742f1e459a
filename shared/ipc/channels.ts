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
  'settings:get',
  'settings:update',
  'sites:save',
  'sites:delete',
  'findings:save',
  'findings:delete',
  'observations:save',
  'observations:delete',
  'evidence:pick',
  'evidence:attach',
  'evidence:update',
  'evidence:delete',
  'checklists:save',
  'checklists:delete',
  'sessions:save',
  'validations:check',
  'validations:submit',
  'validations:reopen',
  'sync:status',
  'sync:enroll',
  'sync:now',
  'sync:validations',
  'sync:refused',
  'sync:sendagain',
  'sync:dontsend',
  'sync:refusedfiles',
  'sync:resendfile',
  'sync:withholdfile',
  'sync:online',
  'reviews:queue',
  'reviews:save',
  'assignments:list',
  'assignments:start',
  'audit:status',
  'audit:verify',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications. */
export const EVENTS = ['validation:changed', 'sync:progress'] as const;
export type EventName = (typeof EVENTS)[number];
