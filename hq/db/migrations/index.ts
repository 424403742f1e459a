import { migration001 } from './001-initial';
import { migration002 } from './002-pull';
import { migration003 } from './003-evidence-lookup';
import { migration004 } from './004-user-ids-enrolment-retry';
import { migration005 } from './005-audit-heads';
import { migration006 } from './006-workflow-state';
import { migration007 } from './007-review-snapshots';
import { migration008 } from './008-analytics-columns';
import { migration009 } from './009-policy';
import { migration010 } from './010-push-read';
import { migration011 } from './011-member-records';
import { migration012 } from './012-assignment-withdrawal';
import { migration013 } from './013-deficient-responses';
import { migration014 } from './014-evidence-file-holders';
import { migration015 } from './015-push-read-criterion';
import { migration016 } from './016-response-due-date';
import { migration017 } from './017-assignment-starts';
import { migration018 } from './018-revoked-by-enrolment';

export type HqMigration = { version: number; name: string; sql: string };

/** Monotonic versions; append only. */
export const HQ_MIGRATIONS: readonly HqMigration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];
