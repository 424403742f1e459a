import type * as en from '../en/worksheetParts';
import type { Translation } from '../translation';

export const worksheetParts: Translation<typeof en.worksheetParts> = {};
