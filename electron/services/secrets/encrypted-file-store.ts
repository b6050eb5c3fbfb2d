/**
 * SecretStore as one file of secrets encrypted by the operating system's key (Electron's
 * safeStorage in the app: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet
 * on Linux). The file holds only ciphertext; the key never leaves the OS store. Needs no native
 * module of its own, so an install never fails for want of a keychain library.
 *
 * Keys stored earlier in the OS keychain through keytar are moved here on first read.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { SecretStore } from './secret-store';
import { validateAccount } from './keytar-store';

/** Encryption by a key the operating system keeps (Electron's safeStorage behind a port). */
export interface StringCipher {
  /**
   * The OS store behind the key, as Electron names it on Linux ('gnome_libsecret', 'kwallet5',
   * 'basic_text' …), or the platform's own ('keychain', 'dpapi').
   */
  backend(): string;
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

/** Backends whose key is no secret: Electron's fallback to a hard-coded password on Linux. */
const UNSAFE_BACKENDS = new Set(['basic_text']);

const NO_STORE_HELP =
  'No secure key store is available, so the API key cannot be stored safely. On Linux, install ' +
  'and unlock a Secret Service keyring (GNOME Keyring or KWallet) and restart CV Tailor, or set the ' +
  'CV_TAILOR_API_KEY environment variable.';

interface SecretsFile {
  version: 1;
  /** Base64 ciphertext per account. */
  secrets: Record<string, string>;
}

/** Options of `EncryptedFileSecretStore`. */
export interface EncryptedFileStoreOptions {
  /** The file of encrypted secrets (in the data folder). */
  file: string;
  cipher: StringCipher;
  /** Where keys were kept before (the keytar keychain); read once per account, then moved. */
  legacy?: SecretStore;
}

/** SecretStore of OS-encrypted secrets in one file; writes are atomic (temp file, rename). */
export class EncryptedFileSecretStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EncryptedFileStoreOptions) {}

  /** Runs file operations one at a time, so two saves never interleave. */
  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async ensureSafe(): Promise<void> {
    const { cipher } = this.options;
    if (UNSAFE_BACKENDS.has(cipher.backend()) || !(await cipher.isAvailable()))
      throw new AppError('keychain', NO_STORE_HELP);
  }

  private async read(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw new AppError('keychain', 'The file of stored API keys cannot be read.', { cause: error });
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretsFile>;
      if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || parsed.secrets === null)
        throw new Error('unexpected shape');
      return { version: 1, secrets: { ...parsed.secrets } };
    } catch (error) {
      throw new AppError(
        'keychain',
        `The file of stored API keys (${path.basename(this.options.file)}) is damaged; it was left as it is. Enter the key again after moving that file away.`,
        { cause: error instanceof Error ? new Error(error.message) : undefined },
      );
    }
  }

  private async write(contents: SecretsFile): Promise<void> {
    await mkdir(path.dirname(this.options.file), { recursive: true });
    const temporary = `${this.options.file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.options.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new AppError('keychain', 'The API key could not be saved.', { cause: error });
    }
  }

  private async decrypt(encoded: string): Promise<string> {
    try {
      return await this.options.cipher.decrypt(Buffer.from(encoded, 'base64'));
    } catch {
      throw new AppError(
        'keychain',
        'A stored API key cannot be decrypted (the system key store changed). Enter the key again.',
      );
    }
  }

  /** Moves an account's key from the legacy keychain, when it holds one; null otherwise. */
  private async migrate(account: string): Promise<string | null> {
    const legacy = this.options.legacy;
    if (!legacy) return null;
    let secret: string | null;
    try {
      secret = await legacy.get(account);
    } catch {
      return null;
    }
    if (secret === null) return null;
    const contents = await this.read();
    contents.secrets[account] = (await this.options.cipher.encrypt(secret)).toString('base64');
    await this.write(contents);
    await legacy.delete(account).catch(() => false);
    return secret;
  }

  /** @inheritdoc */
  async get(account: string): Promise<string | null> {
    validateAccount(account);
    return this.serial(async () => {
      await this.ensureSafe();
      const stored = (await this.read()).secrets[account];
      if (stored !== undefined) return this.decrypt(stored);
      return this.migrate(account);
    });
  }

  /** @inheritdoc */
  async set(account: string, secret: string): Promise<void> {
    validateAccount(account);
    if (secret.trim() === '') throw new AppError('invalid-input', 'The API key is empty.');
    await this.serial(async () => {
      await this.ensureSafe();
      const contents = await this.read();
      contents.secrets[account] = (await this.options.cipher.encrypt(secret.trim())).toString('base64');
      await this.write(contents);
    });
  }

  /** @inheritdoc */
  async delete(account: string): Promise<boolean> {
    validateAccount(account);
    return this.serial(async () => {
      const contents = await this.read();
      const existed = account in contents.secrets;
      if (existed) {
        delete contents.secrets[account];
        await this.write(contents);
      }
      const legacyHad = await (this.options.legacy?.delete(account) ?? Promise.resolve(false)).catch(
        () => false,
      );
      return existed || legacyHad;
    });
  }

  /** @inheritdoc */
  async has(account: string): Promise<boolean> {
    return (await this.get(account)) !== null;
  }
}
