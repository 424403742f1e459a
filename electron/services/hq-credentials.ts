import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  /** The credentials, or null when there are none or when this computer cannot read them (`unreadable`). */
  load(): HqCredentials | null;
  save(credentials: HqCredentials): void;
  /**
   * Whether credentials are kept here that this computer cannot read: encrypted by another computer or OS account
   * (a data folder copied or restored from a backup), or damaged.
   */
  unreadable(): boolean;
  /** Moves unreadable credentials aside (`<file>.unreadable`), so the next start reads none. */
  setAsideUnreadable(): void;
};

/** Encrypts with an OS-backed key (Electron safeStorage) or stores plain text behind 0600 permissions. */
export type SecretCodec = { encode(text: string): Buffer; decode(bytes: Buffer): string };
const plainCodec: SecretCodec = { encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8') };

/** The file each kind of store keeps its credentials in: encrypted by the OS's key, or plain behind 0600. */
export const CREDENTIAL_FILES = { encrypted: 'hq-credentials.enc', plain: 'hq-credentials' } as const;

/**
 * `othersUnreadable` names files another kind of store keeps (the folder came from a computer that encrypts and
 * this one cannot, or the other way round): this store cannot read them, so they count as unreadable credentials.
 */
export function fileCredentialStore(
  dataDir: string,
  codec: SecretCodec = plainCodec,
  fileName: string = CREDENTIAL_FILES.plain,
  othersUnreadable: readonly string[] = [],
): CredentialStore {
  const file = path.join(dataDir, fileName);
  const foreign = () => othersUnreadable.map((name) => path.join(dataDir, name)).filter((other) => existsSync(other));
  // safeStorage throws on bytes another computer's key encrypted; a damaged file fails JSON or the schema.
  const read = (): HqCredentials | null => {
    try {
      const parsed = HqCredentialsSchema.safeParse(JSON.parse(codec.decode(readFileSync(file))));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    load: () => (existsSync(file) ? read() : null),
    // Another kind's file counts only where this store keeps none of its own (beside one, it is a leftover).
    unreadable: () => (existsSync(file) ? read() === null : foreign().length > 0),
    setAsideUnreadable() {
      if (existsSync(file)) {
        if (read() === null) renameSync(file, `${file}.unreadable`);
        return;
      }
      for (const other of foreign()) renameSync(other, `${other}.unreadable`);
    },
    save(credentials) {
      // Written whole then renamed, readable by this user only.
      const temp = `${file}.tmp`;
      writeFileSync(temp, codec.encode(JSON.stringify(credentials)), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}

/**
 * Credentials kept in plain text before this computer could encrypt (an OS keychain set up since, on Linux) move into
 * the encrypted store, so the person stays enrolled. The plain file goes once the encrypted one is written; a damaged
 * one stays, and the encrypted store counts it as unreadable.
 */
export function adoptPlainCredentials(dataDir: string, encrypted: CredentialStore): void {
  const plainFile = path.join(dataDir, CREDENTIAL_FILES.plain);
  if (!existsSync(plainFile) || existsSync(path.join(dataDir, CREDENTIAL_FILES.encrypted))) return;
  const plain = fileCredentialStore(dataDir).load();
  if (!plain) return;
  encrypted.save(plain);
  rmSync(plainFile);
}
