import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserRoleSchema } from '../shared/sync/protocol';
import { buildHqApp } from './app';
import { createAssignment, listUsers } from './assignments';
import { publishCatalogEdition } from './catalog-editions';
import { openHqDb } from './db/open';
import { issueEnrolmentCode, listDevices, revokeDevice } from './identity';

const USAGE = `Usage:
  npm run hq                                    start HQ on 127.0.0.1:$PORT (default 8787)
  npm run hq -- enroll --name NAME --role ROLE --office OFFICE
                                                issue a one-time enrolment code (valid 7 days)
                                                ROLE: SCSS | FIELD_OFFICE_REVIEWER | SUPERVISOR | HQ_ANALYST
  npm run hq -- devices                         list enrolled devices
  npm run hq -- revoke-device DEVICE_ID         revoke a device token at once
  npm run hq -- users                           list users with their ids
  npm run hq -- assign --member-name NAME --account ACCOUNT --entity-type TYPE --mode MODE
                       --target-date YYYY-MM-DD --scss USER_ID [--city CITY] [--country COUNTRY]
                                                assign a Member validation to an SCSS (sent on their next pull)
                                                TYPE: IMP | EXP | FM | HC | LHC | AIR | RAIL | SEA | 3PL | CONS | CB | MPTO
                                                MODE: IN_PERSON | VIRTUAL
  npm run hq -- publish-catalog --file EDITION.json
                                                publish an MSC catalog edition (format: shared/catalog/FORMAT.md)

Database: PostgreSQL at DATABASE_URL when set; otherwise embedded PGlite in HQ_DATA_DIR (default .data/hq).
Evidence files: HQ_EVIDENCE_DIR (default HQ_DATA_DIR/evidence).
With PGlite, stop the server before running an admin command (one process owns the data folder).`;

// Accept the role as typed in the issue too ("field office reviewer", "hq analyst").
const parseRole = (text: string) =>
  UserRoleSchema.safeParse(
    text
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_'),
  );

async function serve(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const { db, where } = await openHqDb(process.env);
  // Evidence files live on disk beside the data folder (with PostgreSQL too): HQ_EVIDENCE_DIR overrides.
  const evidenceDir = path.resolve(
    process.env.HQ_EVIDENCE_DIR ?? path.join(process.env.HQ_DATA_DIR ?? path.join('.data', 'hq'), 'evidence'),
  );
  const app = buildHqApp({ db, logger: true, evidenceDir });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'HQ stopping');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: '127.0.0.1', port });
  app.log.info({ database: where, evidenceDir }, 'HQ ready');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'serve') {
    await serve();
    return -1;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'enroll') {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, role: { type: 'string' }, office: { type: 'string' } },
    });
    const role = parseRole(values.role ?? '');
    if (!values.name?.trim() || !values.office?.trim() || !role.success) {
      console.error(`enroll needs --name, --office and a --role of ${UserRoleSchema.options.join(', ')}\n\n${USAGE}`);
      return 2;
    }
    const { db } = await openHqDb(process.env);
    try {
      const issued = await issueEnrolmentCode(db, {
        name: values.name.trim(),
        role: role.data,
        fieldOffice: values.office.trim(),
      });
      console.log(
        `Enrolment code for ${issued.user.name} (${issued.user.role}, ${issued.user.fieldOffice}): ${issued.code}\nUse it once, before ${issued.expiresAt}.`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'devices') {
    const { db } = await openHqDb(process.env);
    try {
      const devices = await listDevices(db);
      if (devices.length === 0) console.log('No devices enrolled.');
      for (const d of devices) {
        console.log(
          [
            d.deviceId,
            d.deviceName,
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
      console.error(`revoke-device needs a device id (see: npm run hq -- devices)\n\n${USAGE}`);
      return 2;
    }
    const { db } = await openHqDb(process.env);
    try {
      if (!(await revokeDevice(db, deviceId))) {
        console.error(`No active device ${deviceId}.`);
        return 1;
      }
      console.log(`Device ${deviceId} revoked; its next request is refused.`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'users') {
    const { db } = await openHqDb(process.env);
    try {
      const users = await listUsers(db);
      if (users.length === 0) console.log('No users yet: `enroll` creates them.');
      for (const u of users) console.log([u.id, u.name, u.role, u.fieldOffice].join('\t'));
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
      },
    });
    const { db } = await openHqDb(process.env);
    try {
      const a = await createAssignment(db, values);
      console.log(
        `Assigned ${a.member.legalName} (${a.member.accountNumber}, ${a.entityType}, ${a.mode}, ${a.targetDate}) to user ${a.assignedUserId}.\nAssignment ${a.id} reaches their laptop on its next sync.`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'publish-catalog') {
    const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
    if (!values.file) {
      console.error(`publish-catalog needs --file EDITION.json\n\n${USAGE}`);
      return 2;
    }
    let edition: unknown;
    try {
      edition = JSON.parse(readFileSync(values.file, 'utf8'));
    } catch (error) {
      console.error(`Could not read ${values.file} as JSON: ${(error as Error).message}`);
      return 1;
    }
    const { db } = await openHqDb(process.env);
    try {
      const published = await publishCatalogEdition(db, edition);
      console.log(
        published.outcome === 'published'
          ? `Published ${published.id} (${published.title}); desktops receive it on their next sync.`
          : `${published.id} is already published with this content; nothing changed.`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  console.error(`Unknown command: ${command}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
