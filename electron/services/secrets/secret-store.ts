/**
 * The port through which services read and write secrets (API keys): one account per provider.
 */

/**
 * Where secrets live: in the app, a file encrypted by the OS key (safeStorage); in the CLI, the
 * browser host and tests, the OS keychain through keytar.
 */
export interface SecretStore {
  /** The stored secret, or null when none is set. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret; true when one existed. */
  delete(account: string): Promise<boolean>;
  has(account: string): Promise<boolean>;
}
