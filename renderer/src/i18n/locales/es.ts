import type { en } from './en';
import { domain } from './es/domain';
import { fieldwork } from './es/fieldwork';
import { memberRecord } from './es/memberRecord';
import { members } from './es/members';
import { messages } from './es/messages';
import { reports } from './es/reports';
import { review } from './es/review';
import { settings } from './es/settings';
import { app, nav, sync } from './es/shell';
import { worksheet } from './es/worksheet';
import { worksheetParts } from './es/worksheetParts';
import type { Translation } from './translation';

/** The interface's Spanish text (Latin American usage, as in CBP's Spanish CTPAT material), one module per screen. */
export const es: Translation<typeof en> = {
  app,
  nav,
  sync,
  domain,
  members,
  memberRecord,
  settings,
  worksheet,
  worksheetParts,
  review,
  reports,
  fieldwork,
  messages,
};
