/**
 * Secrets: the SecretStore port, its keychain adapter and API-key resolution.
 */
export type { SecretStore } from './secret-store';
export { KeytarSecretStore, KEYCHAIN_SERVICE } from './keytar-store';
export { resolveApiKey, API_KEY_ENV } from './resolve-api-key';
