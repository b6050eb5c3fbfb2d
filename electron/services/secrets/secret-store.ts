/**
 * The port through which services read and write secrets (API keys): one account per provider.
 */

/** Where secrets live; the only adapter in the app is the OS keychain. */
export interface SecretStore {
  /** The stored secret, or null when none is set. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret; true when one existed. */
  delete(account: string): Promise<boolean>;
  has(account: string): Promise<boolean>;
}
