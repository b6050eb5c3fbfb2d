/**
 * Inputs of tailoring from files and options, shared by the command-line commands: the CV and
 * posting files, the model choice, and where the result goes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../../../shared/errors';
import type { Cv } from '../../../shared/model/cv';
import type { ProviderConfig } from '../../../shared/model/provider-config';
import { importCvFile, readDocumentText, readImportFile } from '../import/index';
import { createProvider } from '../llm/index';
import type { LlmProvider } from '../llm/provider';
import { KeytarSecretStore } from '../secrets/index';
import { isCliOffline } from '../net/cli-offline';

/** Reads a CV from any importable file (PDF, DOCX, Markdown, text, JSON Resume). */
export async function readCvFile(file: string): Promise<Cv> {
  return (await importCvFile(file)).cv;
}

/** Reads a job posting's text from a .txt, .md, .html, .pdf or .docx file. */
export async function readJobFile(file: string): Promise<string> {
  const bytes = await readImportFile(file);
  const text = await readDocumentText({ bytes, fileName: path.basename(file) });
  if (!text.trim()) throw new AppError('empty-file', `The posting "${path.basename(file)}" has no text.`);
  return text;
}

/** The model options of the command line. */
export interface ModelOptions {
  /** A .gguf file (local) or, with `provider`, the remote model's name. */
  model?: string;
  /** A remote provider id ('openai', or any OpenAI-compatible server's id). */
  provider?: string;
  baseUrl?: string;
}

const DEFAULT_BASE_URLS: Record<string, string> = { openai: 'https://api.openai.com/v1' };

/** Turns command-line model options into a provider configuration; null when none was given. */
export function providerConfigFromOptions(options: ModelOptions, cwd: string): ProviderConfig | null {
  if (options.provider) {
    const providerId = options.provider.trim();
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(providerId)) {
      throw new AppError(
        'invalid-input',
        `"${options.provider}" is not a provider id: use letters, digits, dot, dash or underscore.`,
      );
    }
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URLS[providerId];
    if (!baseUrl)
      throw new AppError(
        'invalid-input',
        `--provider ${providerId} needs --base-url <url> (the server's address ending in /v1).`,
      );
    if (!/^https?:\/\/\S+$/i.test(baseUrl))
      throw new AppError('invalid-input', `"${baseUrl}" is not an http(s) URL.`);
    if (!options.model)
      throw new AppError(
        'invalid-input',
        `--provider ${providerId} needs --model <name> (the model as the server names it).`,
      );
    return { kind: 'remote', providerId, baseUrl, model: options.model };
  }
  if (options.baseUrl)
    throw new AppError('invalid-input', '--base-url needs --provider (e.g. --provider openai).');
  if (!options.model) return null;
  if (!/\.gguf$/i.test(options.model)) {
    throw new AppError(
      'invalid-input',
      `--model "${options.model}" is not a .gguf file: for a remote model add --provider and --base-url.`,
    );
  }
  return { kind: 'local', modelPath: path.resolve(cwd, options.model) };
}

/**
 * Creates the provider for a configuration. A remote key comes from CV_TAILOR_API_KEY or the
 * keychain; a keychain that cannot be reached means "no key" (local servers need none, and a
 * server that does answers with a clear authentication error).
 */
export async function openProvider(
  config: ProviderConfig,
  env: Record<string, string | undefined>,
): Promise<LlmProvider> {
  if (config.kind === 'local') return createProvider(config, { env });
  const offline = () => isCliOffline(env);
  try {
    return await createProvider(config, { env, secrets: new KeytarSecretStore(), offline });
  } catch (error) {
    if (isAppError(error) && error.code === 'keychain') return createProvider(config, { env, offline });
    throw error;
  }
}


/** Export formats by file extension. */
const FORMATS: Record<string, 'json' | 'docx' | 'pdf' | 'md' | 'txt'> = {
  '.json': 'json',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
};

/** The export format an output file's extension asks for. */
export function formatOfOutput(file: string): 'json' | 'docx' | 'pdf' | 'md' | 'txt' {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format)
    throw new AppError(
      'invalid-input',
      `Cannot write "${path.basename(file)}": use a .json, .docx, .pdf, .md or .txt file.`,
    );
  return format;
}

/** Writes bytes to a file, with a clear message when the folder is missing or not writable. */
export async function writeOutput(file: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await writeFile(file, bytes);
  } catch {
    throw new AppError('storage', `Cannot write "${file}": check that the folder exists and is writable.`);
  }
}
