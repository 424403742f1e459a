import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ENTITY_TYPES } from '../shared/domain/entity-types';
import { LANGUAGE_CODES } from '../shared/domain/language';
import { IsoDateSchema } from '../shared/domain/primitives';
import { ValidationModeSchema } from '../shared/domain/validation';
import type { UserRole } from '../shared/sync/protocol';
import type { AssignedMember, Assignment } from '../shared/sync/pull-protocol';
import type { HqDb, HqQueryable } from './db/types';
import { ensureMemberForAssignment } from './members';

/** An admin's input was refused; the message names the option and what it needs. */
export class AssignmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentInputError';
  }
}

/** What `npm run hq -- assign` takes, keyed by its option names so an error can name the option. */
const required = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

export const AssignInputSchema = z.strictObject({
  'member-name': required('the Member company’s legal name is required'),
  account: required('the Member’s CTPAT account number is required'),
  'entity-type': z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(', ')}` }),
  mode: z.enum(ValidationModeSchema.options, { error: `must be one of ${ValidationModeSchema.options.join(', ')}` }),
  'target-date': IsoDateSchema,
  scss: z.uuid({ error: 'must be the SCSS’s user id, a UUID listed by: npm run hq -- users' }),
  city: z.string().trim().default(''),
  country: z.string().trim().default(''),
  /** The language CBP writes to the Member in; the Member-facing report uses it. */
  language: z.enum(LANGUAGE_CODES, { error: `must be one of ${LANGUAGE_CODES.join(', ')}` }).default('en'),
});
/** As typed on the command line: any option may be missing or wrong; parseAssignInput says which. */
export type AssignInput = { [K in keyof z.input<typeof AssignInputSchema>]?: string | undefined };

/** Accepts "in person", "virtual", "imp" as typed: case, spaces and dashes do not matter. */
const asCode = (value: unknown) =>
  typeof value === 'string'
    ? value
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
    : value;

function parseAssignInput(input: AssignInput) {
  const parsed = AssignInputSchema.safeParse({
    ...input,
    'entity-type': asCode(input['entity-type']),
    mode: asCode(input.mode),
    language: typeof input.language === 'string' ? input.language.trim().toLowerCase() : input.language,
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const option = issue.path[0];
    const given = typeof option === 'string' ? (input as Record<string, unknown>)[option] : undefined;
    const shown = typeof given === 'string' && given.trim() !== '' ? ` (got "${given}")` : '';
    return option === undefined ? issue.message : `--${String(option)}: ${issue.message}${shown}`;
  });
  throw new AssignmentInputError(`The assignment was not created:\n- ${problems.join('\n- ')}`);
}

/**
 * Assigns a Member validation to an SCSS; their laptop receives it on its next pull. A Member keeps one
 * id per CTPAT account number across assignments, so a laptop finds the same Member again.
 */
export async function createAssignment(db: HqDb, input: AssignInput): Promise<Assignment> {
  const values = parseAssignInput(input);
  return db.transaction(async (tx) => {
    const [scss] = await tx.query<{ id: string; name: string; role: UserRole; field_office: string }>(
      'SELECT id, name, role, field_office FROM users WHERE id = $1',
      [values.scss],
    );
    if (!scss) {
      throw new AssignmentInputError(
        `--scss: HQ has no user ${values.scss}. List the users and their ids with: npm run hq -- users`,
      );
    }
    if (scss.role !== 'SCSS') {
      throw new AssignmentInputError(
        `--scss: ${scss.name} is a ${scss.role}; validations are assigned to an SCSS (see: npm run hq -- users)`,
      );
    }
    const details = {
      legalName: values['member-name'],
      accountNumber: values.account,
      entityType: values['entity-type'],
      city: values.city,
      country: values.country,
      correspondenceLanguage: values.language,
    };
    // HQ's Member row holds the one id per account number; the assignment carries it to the laptop.
    const member = { id: await ensureMemberForAssignment(tx, details, scss.field_office, randomUUID()), ...details };
    return insertAssignment(tx, {
      member,
      mode: values.mode,
      targetDate: values['target-date'],
      scss: { id: scss.id, fieldOffice: scss.field_office },
    });
  });
}

/** Stores one assignment, in the caller's transaction, for the SCSS's laptop to pull. The SCSS is checked already. */
export async function insertAssignment(
  tx: HqQueryable,
  input: {
    member: AssignedMember;
    mode: Assignment['mode'];
    targetDate: string;
    scss: { id: string; fieldOffice: string };
    /** The SCSS_ASSIGNED change it comes from, when a supervisor assigned it on the Member's record. */
    memberRecordEventId?: string;
  },
): Promise<Assignment> {
  const id = randomUUID();
  const [row] = await tx.query<{ created_at: Date }>(
    `INSERT INTO assignments (id, member, entity_type, mode, target_date, assigned_user_id, field_office,
                              member_record_event_id)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8) RETURNING created_at`,
    [
      id,
      JSON.stringify(input.member),
      input.member.entityType,
      input.mode,
      input.targetDate,
      input.scss.id,
      input.scss.fieldOffice,
      input.memberRecordEventId ?? null,
    ],
  );
  return {
    id,
    member: input.member,
    entityType: input.member.entityType,
    mode: input.mode,
    targetDate: input.targetDate,
    assignedUserId: input.scss.id,
    fieldOffice: input.scss.fieldOffice,
    createdAt: new Date(row?.created_at ?? Date.now()).toISOString(),
    withdrawn: null,
    started: null,
  };
}

export type UserListing = { id: string; name: string; role: UserRole; fieldOffice: string };

/** Every user HQ knows, with the id `assign --scss` takes. */
export async function listUsers(db: HqDb): Promise<UserListing[]> {
  const rows = await db.query<{ id: string; name: string; role: UserRole; field_office: string }>(
    'SELECT id, name, role, field_office FROM users ORDER BY field_office, role, name',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, fieldOffice: r.field_office }));
}
