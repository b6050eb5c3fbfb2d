/**
 * SecretStore on the OS keychain through keytar (Secret Service on Linux, Keychain on macOS,
 * Credential Vault on Windows).
 */
import { AppError } from '../../../shared/errors';
import type { SecretStore } from './secret-store';

/** The keychain service name the app stores its secrets under. */
export const KEYCHAIN_SERVICE = 'cv-tailor';

type KeytarModule = typeof import('keytar');

const KEYCHAIN_HELP =
  'The system keychain is not available, so the API key cannot be stored safely. ' +
  'On Linux, install and unlock a Secret Service keyring (for example GNOME Keyring or KWallet), ' +
  'or set the CV_TAILOR_API_KEY environment variable for the command-line tool.';

/** Refuses an account name that is no provider id (the keychain's key for one secret). */
export function validateAccount(account: string): void {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(account)) {
    throw new AppError(
      'invalid-input',
      `"${account.slice(0, 40)}" is not a valid provider id for the keychain.`,
    );
  }
}

/** SecretStore backed by keytar; the keychain is contacted only when a method is called. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<KeytarModule> | undefined;

  /** @param service keychain service name; tests pass their own so the app's entries are never touched. */
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private load(): Promise<KeytarModule> {
    this.keytar ??= import('keytar').then(
      (module) => ('default' in module && module.default ? (module.default as KeytarModule) : module),
      (error: unknown) => {
        this.keytar = undefined;
        throw new AppError('keychain', KEYCHAIN_HELP, { cause: error });
      },
    );
    return this.keytar;
  }

  // Keychain failures carry D-Bus details, never the secret; the cause is kept for debugging only.
  private async call<T>(operation: (keytar: KeytarModule) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    try {
      return await operation(keytar);
    } catch (error) {
      throw new AppError('keychain', KEYCHAIN_HELP, { cause: scrubCause(error) });
    }
  }

  /** @inheritdoc */
  async get(account: string): Promise<string | null> {
    validateAccount(account);
    return this.call((keytar) => keytar.getPassword(this.service, account));
  }

  /** @inheritdoc */
  async set(account: string, secret: string): Promise<void> {
    validateAccount(account);
    if (secret.trim() === '') throw new AppError('invalid-input', 'The API key is empty.');
    await this.call((keytar) => keytar.setPassword(this.service, account, secret.trim()));
  }

  /** @inheritdoc */
  async delete(account: string): Promise<boolean> {
    validateAccount(account);
    return this.call((keytar) => keytar.deletePassword(this.service, account));
  }

  /** @inheritdoc */
  async has(account: string): Promise<boolean> {
    return (await this.get(account)) !== null;
  }
}

function scrubCause(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.split('\n')[0].slice(0, 300));
}
