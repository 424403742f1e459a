import { domain } from './en/domain';
import { fieldwork } from './en/fieldwork';
import { memberRecord } from './en/memberRecord';
import { members } from './en/members';
import { messages } from './en/messages';
import { reports } from './en/reports';
import { review } from './en/review';
import { settings } from './en/settings';
import { app, nav, sync } from './en/shell';
import { worksheet } from './en/worksheet';
import { worksheetParts } from './en/worksheetParts';

/**
 * The interface's English text, one module per screen under en/. Keys are checked at compile time
 * (i18next.d.ts) and against the Spanish catalog and the renderer's source by tests/unit/i18n-catalogs.test.ts.
 * Plurals use i18next's suffixes (_one, _other; Spanish also _many), chosen by Intl.PluralRules.
 */
export const en = {
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
