import type * as en from '../en/fieldwork';
import type { Translation } from '../translation';

export const fieldwork: Translation<typeof en.fieldwork> = {};
