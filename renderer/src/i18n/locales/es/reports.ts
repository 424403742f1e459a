import type * as en from '../en/reports';
import type { Translation } from '../translation';

export const reports: Translation<typeof en.reports> = {};
