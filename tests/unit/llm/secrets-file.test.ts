import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedFileSecretStore,
  type StringCipher,
} from '../../../electron/services/secrets/encrypted-file-store';
import { KeytarSecretStore } from '../../../electron/services/secrets/keytar-store';
import { appErrorOf } from '../../fixtures/app-error';

const hasPrivateKeyring = process.env.CV_TAILOR_KEYRING === 'private';
const SECRET = `sk-file-${Math.random().toString(36).slice(2)}-0123456789abcdef`;

/**
 * An AES-256-GCM cipher with a key held in memory: Electron's safeStorage cannot run outside
 * Electron, so this stands in for the OS key with the same contract.
 */
function aesCipher(backend = 'gnome_libsecret', available = true): StringCipher {
  const key = randomBytes(32);
  return {
    backend: () => backend,
    isAvailable: async () => available,
    encrypt: async (plainText) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: async (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cv-tailor-secrets-'));
  file = path.join(dir, 'secrets.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('API keys in a file encrypted by the OS key store', () => {
  it('stores, reads and deletes a key, and the file holds only ciphertext', async () => {
    const store = new EncryptedFileSecretStore({ file, cipher: aesCipher() });
    expect(await store.get('openai')).toBeNull();
    await store.set('openai', ` ${SECRET} `);
    expect(await store.get('openai')).toBe(SECRET);
    expect(await store.has('openai')).toBe(true);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(8, 24));
    expect(await store.delete('openai')).toBe(true);
    expect(await store.get('openai')).toBeNull();
    expect(await store.delete('openai')).toBe(false);
    // No temporary files are left behind.
    expect(await readdir(dir)).toEqual(['secrets.json']);
  });

  it('refuses the plain-text fallback and an unavailable store with a message that says what to do', async () => {
    for (const cipher of [aesCipher('basic_text'), aesCipher('gnome_libsecret', false)]) {
      const store = new EncryptedFileSecretStore({ file, cipher });
      const error = await appErrorOf(store.set('openai', SECRET));
      expect(error.code).toBe('keychain');
      expect(error.message).toMatch(/Secret Service keyring|CV_TAILOR_API_KEY/);
      expect((await readdir(dir)).length).toBe(0);
    }
  });

  it('keeps two providers apart and writes one save at a time', async () => {
    const store = new EncryptedFileSecretStore({ file, cipher: aesCipher() });
    await Promise.all([
      store.set('openai', 'key-one-000000000000'),
      store.set('groq', 'key-two-000000000000'),
    ]);
    expect(await store.get('openai')).toBe('key-one-000000000000');
    expect(await store.get('groq')).toBe('key-two-000000000000');
  });

  it('leaves a damaged file as it is and says so', async () => {
    await writeFile(file, '{ not json');
    const store = new EncryptedFileSecretStore({ file, cipher: aesCipher() });
    const error = await appErrorOf(store.set('openai', SECRET));
    expect(error.code).toBe('keychain');
    expect(error.message).toMatch(/damaged/);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });

  it('says a key must be entered again when the OS key changed', async () => {
    await new EncryptedFileSecretStore({ file, cipher: aesCipher() }).set('openai', SECRET);
    const error = await appErrorOf(new EncryptedFileSecretStore({ file, cipher: aesCipher() }).get('openai'));
    expect(error.message).toMatch(/Enter the key again/);
  });

  it.skipIf(!hasPrivateKeyring)('moves a key kept in the keychain by keytar on first read', async () => {
    const keychain = new KeytarSecretStore(`cv-tailor-migrate-${process.pid}`);
    await keychain.set('openai', SECRET);
    const store = new EncryptedFileSecretStore({ file, cipher: aesCipher(), legacy: keychain });
    expect(await store.get('openai')).toBe(SECRET);
    expect(await keychain.get('openai')).toBeNull();
    expect(await readFile(file, 'utf8')).not.toContain(SECRET);
    expect(await store.get('openai')).toBe(SECRET);
  });
});
