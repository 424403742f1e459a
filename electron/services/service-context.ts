import type { Db } from '../../db/connection';

/** What every service needs: the store, who is acting, and a clock tests can control. */
export type ServiceContext = {
  db: Db;
  actor: string;
  now: () => Date;
};

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
