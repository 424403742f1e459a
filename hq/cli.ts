import { parseArgs } from 'node:util';
import { UserRoleSchema } from '../shared/sync/protocol';
import { buildHqApp } from './app';
import { openHqDb } from './db/open';
import { issueEnrolmentCode, listDevices, revokeDevice } from './identity';

const USAGE = `Usage:
  npm run hq                                    start HQ on 127.0.0.1:$PORT (default 8787)
  npm run hq -- enroll --name NAME --role ROLE --office OFFICE
                                                issue a one-time enrolment code (valid 7 days)
                                                ROLE: SCSS | FIELD_OFFICE_REVIEWER | SUPERVISOR | HQ_ANALYST
  npm run hq -- devices                         list enrolled devices
  npm run hq -- revoke-device DEVICE_ID         revoke a device token at once

Database: PostgreSQL at DATABASE_URL when set; otherwise embedded PGlite in HQ_DATA_DIR (default .data/hq).
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
  const app = buildHqApp({ db, logger: true });
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
  app.log.info({ database: where }, 'HQ ready');
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
