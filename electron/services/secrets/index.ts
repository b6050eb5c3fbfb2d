/**
 * Secrets: the SecretStore port, its adapters (OS-encrypted file, keytar keychain) and API-key
 * resolution.
 */
export type { SecretStore } from './secret-store';
export { KeytarSecretStore, KEYCHAIN_SERVICE } from './keytar-store';
export { EncryptedFileSecretStore, type StringCipher } from './encrypted-file-store';
export { resolveApiKey, API_KEY_ENV } from './resolve-api-key';
