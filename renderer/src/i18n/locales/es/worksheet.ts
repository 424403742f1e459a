import type * as en from '../en/worksheet';
import type { Translation } from '../translation';

export const worksheet: Translation<typeof en.worksheet> = {};
