import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HqUserSchema } from '../../shared/sync/protocol';

/**
 * An enrolment HQ made for another person that this laptop must hand back (POST /v1/enroll/undo) but could not
 * reach HQ to: its token and code, kept as secret as the enrolled person's own token, until HQ has answered.
 */
export const HandBackSchema = z.object({ hqUrl: z.string(), token: z.string(), code: z.string(), newName: z.string() });
export type HandBack = z.infer<typeof HandBackSchema>;

export const HqCredentialsSchema = z.object({
  hqUrl: z.string(),
  deviceId: z.string(),
  token: z.string(),
  user: HqUserSchema,
  handBack: HandBackSchema.optional(),
});
export type HqCredentials = z.infer<typeof HqCredentialsSchema>;

/** Where the device token lives: Electron's safeStorage in the app, a 0600 file in the web harness. */
export type CredentialStore = {
  load(): HqCredentials | null;
  save(credentials: HqCredentials): void;
};

/** Encrypts with an OS-backed key (Electron safeStorage) or stores plain text behind 0600 permissions. */
export type SecretCodec = { encode(text: string): Buffer; decode(bytes: Buffer): string };
const plainCodec: SecretCodec = { encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8') };

export function fileCredentialStore(
  dataDir: string,
  codec: SecretCodec = plainCodec,
  fileName = 'hq-credentials',
): CredentialStore {
  const file = path.join(dataDir, fileName);
  return {
    load() {
      if (!existsSync(file)) return null;
      const parsed = HqCredentialsSchema.safeParse(JSON.parse(codec.decode(readFileSync(file))));
      return parsed.success ? parsed.data : null;
    },
    save(credentials) {
      // Written whole then renamed, readable by this user only.
      const temp = `${file}.tmp`;
      writeFileSync(temp, codec.encode(JSON.stringify(credentials)), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
