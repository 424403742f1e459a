import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { textProblem } from '../shared/domain/text';
import { UserRoleSchema } from '../shared/sync/protocol';
import { createAssignment, listUsers } from './assignments';
import { publishCatalogEdition } from './catalog-editions';
import { type HqDbEnv, openHqDb } from './db/open';
import { createUser, issueEnrolmentCode, listDevices, revokeDevice, UnknownUserError } from './identity';
import { memberDetailsCommand } from './member-details-command';

/** The admin commands of `npm run hq -- <command>` (hq/cli.ts); apart from it so tests run them in-process. */

export type AdminOutput = { log: (text: string) => void; error: (text: string) => void };

export const USAGE = `Usage:
  npm run hq                                    start HQ on $HOST:$PORT (default 127.0.0.1:8787)
  npm run hq -- add-user --name NAME --role ROLE --office OFFICE
                                                create a user and print their id (two users may share a name)
                                                ROLE: SCSS | FIELD_OFFICE_REVIEWER | SUPERVISOR | HQ_ANALYST
  npm run hq -- enroll --user USER_ID           issue a one-time enrolment code for that user (valid 7 days)
  npm run hq -- users                           list users with their ids
  npm run hq -- devices                         list enrolled devices
  npm run hq -- revoke-device DEVICE_ID         revoke a device token at once
  npm run hq -- assign --member-name NAME --account ACCOUNT --entity-type TYPE --mode MODE
                       --target-date YYYY-MM-DD --scss USER_ID [--city CITY] [--country COUNTRY]
                       [--language en|es]       the language CBP writes to the Member in (default en)
                                                assign a Member validation to an SCSS (sent on their next pull)
                                                TYPE: IMP | EXP | FM | HC | LHC | AIR | RAIL | SEA | 3PL | CONS | CB | MPTO
                                                MODE: IN_PERSON | VIRTUAL
  npm run hq -- member-details --account ACCOUNT [--member-name NAME] [--entity-type TYPE] [--city CITY]
                       [--country COUNTRY]      correct a Member's details (laptops take them on their next pull)
  npm run hq -- publish-catalog --file EDITION.json
                                                publish an MSC catalog edition (format: shared/catalog/FORMAT.md)

Database: PostgreSQL at DATABASE_URL when set; otherwise embedded PGlite in HQ_DATA_DIR (default .data/hq).
Evidence files: HQ_EVIDENCE_DIR (default HQ_DATA_DIR/evidence).
With PGlite, stop the server before running an admin command (one process owns the data folder; refused otherwise).`;

/** The longest user name or field office add-user takes. */
const USER_TEXT_MAX = 120;

// Accept the role as people write it too ("field office reviewer", "hq analyst").
const parseRole = (text: string) =>
  UserRoleSchema.safeParse(
    text
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_'),
  );

/** Runs one admin command against the database `env` names; resolves with the process exit code. */
export async function runAdminCommand(argv: string[], env: HqDbEnv, out: AdminOutput = console): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    out.log(USAGE);
    return 0;
  }
  if (command === 'add-user') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, role: { type: 'string' }, office: { type: 'string' } },
    });
    const role = parseRole(values.role ?? '');
    if (!values.name?.trim() || !values.office?.trim() || !role.success) {
      out.error(`add-user needs --name, --office and a --role of ${UserRoleSchema.options.join(', ')}\n\n${USAGE}`);
      return 2;
    }
    // The name signs every record the user makes and heads their screens: held to what a person's name can be.
    for (const [option, text] of [
      ['name', values.name],
      ['office', values.office],
    ] as const) {
      const problem = text.trim().length > USER_TEXT_MAX ? `at most ${USER_TEXT_MAX} characters` : textProblem(text);
      if (problem) {
        out.error(`add-user: --${option}: ${problem}`);
        return 2;
      }
    }
    const { db } = await openHqDb(env);
    try {
      const user = await createUser(db, {
        name: values.name.trim(),
        role: role.data,
        fieldOffice: values.office.trim(),
      });
      out.log(
        `Created user ${user.id} (${user.name}, ${user.role}, ${user.fieldOffice}).\nIssue their enrolment code: npm run hq -- enroll --user ${user.id}`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'enroll') {
    const { values } = parseArgs({
      args: rest,
      options: {
        user: { type: 'string' },
        // The earlier form: refused with directions, since a name no longer says which user is meant.
        name: { type: 'string' },
        role: { type: 'string' },
        office: { type: 'string' },
      },
    });
    if (!values.user?.trim()) {
      out.error(
        `enroll needs --user USER_ID: find it with \`npm run hq -- users\`, or create the user with \`npm run hq -- add-user\`\n\n${USAGE}`,
      );
      return 2;
    }
    const { db } = await openHqDb(env);
    try {
      const issued = await issueEnrolmentCode(db, values.user.trim());
      out.log(
        `Enrolment code for ${issued.user.name} (${issued.user.role}, ${issued.user.fieldOffice}, user ${issued.user.id}): ${issued.code}\nUse it once, before ${issued.expiresAt}.`,
      );
    } catch (error) {
      if (!(error instanceof UnknownUserError)) throw error;
      out.error(error.message);
      return 1;
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'devices') {
    const { db } = await openHqDb(env);
    try {
      const devices = await listDevices(db);
      if (devices.length === 0) out.log('No devices enrolled.');
      for (const d of devices) {
        out.log(
          [
            d.deviceId,
            d.deviceName,
            d.userId,
            d.userName,
            d.role,
            d.fieldOffice,
            d.enrolledAt,
            d.revokedAt ? `revoked ${d.revokedAt}` : 'active',
          ].join('\t'),
        );
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'revoke-device') {
    const deviceId = rest[0];
    if (!deviceId) {
      out.error(`revoke-device needs a device id (see: npm run hq -- devices)\n\n${USAGE}`);
      return 2;
    }
    const { db } = await openHqDb(env);
    try {
      if (!(await revokeDevice(db, deviceId))) {
        out.error(`No active device ${deviceId}.`);
        return 1;
      }
      out.log(`Device ${deviceId} revoked; its next request is refused.`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'users') {
    const { db } = await openHqDb(env);
    try {
      const users = await listUsers(db);
      if (users.length === 0) out.log('No users yet: `add-user` creates them.');
      for (const u of users) out.log([u.id, u.name, u.role, u.fieldOffice].join('\t'));
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'assign') {
    const option = { type: 'string' } as const;
    const { values } = parseArgs({
      args: rest,
      options: {
        'member-name': option,
        account: option,
        'entity-type': option,
        mode: option,
        'target-date': option,
        scss: option,
        city: option,
        country: option,
        language: option,
      },
    });
    const { db } = await openHqDb(env);
    try {
      const a = await createAssignment(db, values);
      out.log(
        `Assigned ${a.member.legalName} (${a.member.accountNumber}, ${a.entityType}, ${a.mode}, ${a.targetDate}) to user ${a.assignedUserId}.\nAssignment ${a.id} reaches their laptop on its next sync.`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'member-details') return memberDetailsCommand(rest, env, out);
  if (command === 'publish-catalog') {
    const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
    if (!values.file) {
      out.error(`publish-catalog needs --file EDITION.json\n\n${USAGE}`);
      return 2;
    }
    let edition: unknown;
    try {
      edition = JSON.parse(readFileSync(values.file, 'utf8'));
    } catch (error) {
      out.error(`Could not read ${values.file} as JSON: ${(error as Error).message}`);
      return 1;
    }
    const { db } = await openHqDb(env);
    try {
      const published = await publishCatalogEdition(db, edition);
      out.log(
        published.outcome === 'published'
          ? `Published ${published.id} (${published.title}); desktops receive it on their next sync.`
          : `${published.id} is already published with this content; nothing changed.`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  out.error(`Unknown command: ${command}\n\n${USAGE}`);
  return 2;
}
