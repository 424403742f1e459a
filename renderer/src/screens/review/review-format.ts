import type { ValidationWorkItem } from '../../../../shared/ipc/contract';

/** What the review screens share beyond their text (which is in the catalogs, review.*). */

export type Queue = ValidationWorkItem['queue'];

/** "3f2a9c41…e07b": enough to compare by eye; the full value goes in a title and for screen readers. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;
