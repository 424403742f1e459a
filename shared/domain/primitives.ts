import { z } from 'zod';

/** ISO calendar date (YYYY-MM-DD) that is a real day. */
export const IsoDateSchema = z.iso.date({ error: 'Use a date in the form YYYY-MM-DD' });
export const IsoDateTimeSchema = z.iso.datetime();
// Lower-cased on the way in: SQLite compares text case-sensitively, so "ABC…" and "abc…" would be two records.
export const UuidSchema = z.uuid({ error: 'Must be a UUID' }).toLowerCase();
export const CriterionIdSchema = z
  .string()
  .regex(/^(1[0-2]|[1-9])\.[1-9][0-9]?$/, { error: 'Criterion ID looks like 4.17: category 1–12, a dot, a number' });
