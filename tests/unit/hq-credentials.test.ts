import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptPlainCredentials,
  CREDENTIAL_FILES,
  fileCredentialStore,
  type HqCredentials,
  type SecretCodec,
} from '../../electron/services/hq-credentials';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const newDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-credentials-'));
  dirs.push(dir);
  return dir;
};

const DANA: HqCredentials = {
  hqUrl: 'https://hq.example.gov',
  deviceId: 'device-1',
  token: 'secret-token',
  user: { id: '5f0b7c1e-2a8d-4c3e-9b6f-1d2e3f4a5b6c', name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' },
};

/** What safeStorage does with bytes another computer's key encrypted. */
const otherComputersKey: SecretCodec = {
  encode: (text) => Buffer.from(text, 'utf8'),
  decode: () => {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  },
};

describe('HQ credentials kept in a file', () => {
  it('reads back what it saved, and is not unreadable', () => {
    const store = fileCredentialStore(newDir());
    expect(store.load()).toBeNull();
    expect(store.unreadable()).toBe(false);
    store.save(DANA);
    expect(store.load()).toEqual(DANA);
    expect(store.unreadable()).toBe(false);
  });

  it('reads none, without throwing, from a file this computer cannot decrypt, and sets it aside when asked', () => {
    const dir = newDir();
    fileCredentialStore(dir, undefined, 'hq-credentials.enc').save(DANA);
    const elsewhere = fileCredentialStore(dir, otherComputersKey, 'hq-credentials.enc');
    expect(elsewhere.load()).toBeNull();
    expect(elsewhere.unreadable()).toBe(true);

    elsewhere.setAsideUnreadable();
    expect(elsewhere.unreadable()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['hq-credentials.enc.unreadable']);
    // Enrolling again writes a readable file in its place.
    elsewhere.save(DANA);
    expect(fileCredentialStore(dir, undefined, 'hq-credentials.enc').load()).toEqual(DANA);
  });

  it('reads none from a damaged file (cut short, or not credentials) and leaves a readable one where it is', () => {
    const dir = newDir();
    const store = fileCredentialStore(dir);
    for (const damaged of ['{"hqUrl": "https://hq.exa', '{"hqUrl": 7}', '\u0000\u0001binary']) {
      fs.writeFileSync(path.join(dir, 'hq-credentials'), damaged);
      expect(store.load(), damaged).toBeNull();
      expect(store.unreadable(), damaged).toBe(true);
    }
    store.save(DANA);
    store.setAsideUnreadable();
    expect(store.load()).toEqual(DANA);
  });
});

describe('HQ credentials another kind of store kept', () => {
  it('count as unreadable where this store keeps none of its own (an encrypted file where this computer cannot encrypt)', () => {
    const dir = newDir();
    fileCredentialStore(dir, undefined, CREDENTIAL_FILES.encrypted).save(DANA);
    const plainHere = fileCredentialStore(dir, undefined, CREDENTIAL_FILES.plain, [CREDENTIAL_FILES.encrypted]);
    expect(plainHere.load()).toBeNull();
    expect(plainHere.unreadable()).toBe(true);
    plainHere.setAsideUnreadable();
    expect(plainHere.unreadable()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['hq-credentials.enc.unreadable']);

    // Enrolled again here: a leftover of the other kind beside this store's own file is not a problem.
    plainHere.save(DANA);
    fs.writeFileSync(path.join(dir, CREDENTIAL_FILES.encrypted), 'left over');
    expect(plainHere.unreadable()).toBe(false);
    plainHere.setAsideUnreadable();
    expect(plainHere.load()).toEqual(DANA);
  });

  it('in plain text are adopted by the encrypted store once this computer can encrypt, and the plain file goes', () => {
    const dir = newDir();
    const sealed: SecretCodec = {
      encode: (text) => Buffer.from(text, 'utf8').reverse(),
      decode: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
    };
    fileCredentialStore(dir).save(DANA);
    const encrypted = fileCredentialStore(dir, sealed, CREDENTIAL_FILES.encrypted, [CREDENTIAL_FILES.plain]);
    adoptPlainCredentials(dir, encrypted);
    expect(encrypted.load()).toEqual(DANA);
    expect(encrypted.unreadable()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['hq-credentials.enc']);
    expect(fs.readFileSync(path.join(dir, 'hq-credentials.enc'), 'utf8')).not.toContain('secret-token');

    // A damaged plain file is not adopted: the encrypted store counts it as unreadable.
    const other = newDir();
    fs.writeFileSync(path.join(other, CREDENTIAL_FILES.plain), '{"hqUrl": "https://hq.exa');
    const elsewhere = fileCredentialStore(other, sealed, CREDENTIAL_FILES.encrypted, [CREDENTIAL_FILES.plain]);
    adoptPlainCredentials(other, elsewhere);
    expect(elsewhere.load()).toBeNull();
    expect(elsewhere.unreadable()).toBe(true);
  });
});
