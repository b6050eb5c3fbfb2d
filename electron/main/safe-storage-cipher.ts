/**
 * Electron's safeStorage as the StringCipher of the encrypted secrets file (async API; the
 * synchronous one is deprecated).
 */
import { safeStorage } from 'electron';
import type { StringCipher } from '../services/secrets/index';

/** The OS key store behind safeStorage, by the names Electron gives it. */
function backendName(): string {
  if (process.platform === 'darwin') return 'keychain';
  if (process.platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

/** The cipher of the app: safeStorage after the app is ready. */
export function safeStorageCipher(): StringCipher {
  return {
    backend: backendName,
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    decrypt: async (encrypted) => (await safeStorage.decryptStringAsync(encrypted)).result,
  };
}
