import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { textProblem } from '../shared/domain/text';
import { MemberRecordMemberSchema } from '../shared/sync/member-record-protocol';
import type { AdminOutput } from './admin-commands';
import { type HqDbEnv, openHqDb } from './db/open';
import { updateMemberDetails } from './members';

/** Each detail the command corrects, by the option that gives it (`--member-name` for legalName). */
const OPTION_OF = { legalName: 'member-name', entityType: 'entity-type', city: 'city', country: 'country' } as const;
type Field = keyof typeof OPTION_OF;

// The same rules a laptop's Member is held to, each field optional; at least one must be given.
const DetailsSchema = MemberRecordMemberSchema.pick({ legalName: true, entityType: true, city: true, country: true })
  .partial()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'give at least one of --member-name, --entity-type, --city, --country',
  });

/** `npm run hq -- member-details`: corrects a Member's name, entity type, city or country at HQ by account number. */
export async function memberDetailsCommand(args: string[], env: HqDbEnv, out: AdminOutput): Promise<number> {
  const option = { type: 'string' } as const;
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { account: option, 'member-name': option, 'entity-type': option, city: option, country: option },
    }));
  } catch (error) {
    out.error(`member-details: ${(error as Error).message}`);
    return 2;
  }
  const account = values.account?.trim();
  if (!account) {
    out.error('member-details needs --account ACCOUNT (the Member’s CTPAT account number)');
    return 2;
  }
  // HQ's routes refuse such text for every request (hq/app.ts); the command does not pass through them.
  for (const name of Object.values(OPTION_OF)) {
    const problem = textProblem(values[name] ?? '');
    if (problem) {
      out.error(`member-details: --${name}: ${problem}`);
      return 2;
    }
  }
  const parsed = DetailsSchema.safeParse({
    legalName: values['member-name'],
    entityType: values['entity-type']?.trim().toUpperCase(),
    city: values.city,
    country: values.country,
  });
  if (!parsed.success) {
    out.error(`member-details: ${describeIssues(parsed.error)}`);
    return 2;
  }
  const { db } = await openHqDb(env);
  try {
    const updated = await updateMemberDetails(db, account, parsed.data);
    if (!updated) {
      out.error(`HQ holds no Member with account ${account}; nothing changed.`);
      return 1;
    }
    out.log(`Updated Member ${account}; laptops of its field office take the new details on their next sync.`);
    return 0;
  } finally {
    await db.close();
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      return field in OPTION_OF ? `--${OPTION_OF[field as Field]}: ${issue.message}` : issue.message;
    })
    .join('; ');
