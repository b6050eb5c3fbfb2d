/**
 * Reads what a person needs to know about a .gguf model from its header, without loading it,
 * and finds the models in chosen files and folders.
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GgufFileType, readGgufFileInfo } from 'node-llama-cpp';
import { AppError, isAppError } from '../../../shared/errors';

/** Metadata read from a GGUF header. */
export interface GgufInfo {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** `general.name`, else the file name without extension. */
  name: string;
  /** e.g. 'llama', 'qwen2', 'gemma2'. */
  architecture: string;
  /** Sum of all tensor elements. */
  parameterCount: number;
  /** File type as llama.cpp names it, e.g. 'Q4_K_M', 'F16'; null when the header does not say. */
  quantization: string | null;
  /** The context length the model was trained for; null when the header does not say. */
  contextLength: number | null;
  /** The Jinja chat template, or null when the model carries none. */
  chatTemplate: string | null;
}

/** A model found on disk: its metadata, or why it could not be read. */
export interface LocalModelEntry {
  path: string;
  fileName: string;
  sizeBytes: number;
  info: GgufInfo | null;
  /** A human message when the header could not be read. */
  error: string | null;
}

function fileTypeName(value: unknown, fileTypes: typeof GgufFileType): string | null {
  if (typeof value !== 'number') return null;
  const name: unknown = (fileTypes as unknown as Record<number, string>)[value];
  return typeof name === 'string' ? name.replace(/^(MOSTLY|ALL)_/, '') : null;
}

function positiveNumber(value: unknown): number | null {
  const number = typeof value === 'bigint' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : null;
}

/** How long reading one header may take before the file is declared unreadable. */
const HEADER_TIMEOUT_MS = 15_000;

// node-llama-cpp's reader can spin on garbage lengths, so the fixed-size start is checked first.
async function hasPlausibleHeader(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const header = Buffer.alloc(24);
    const { bytesRead } = await handle.read(header, 0, 24, 0);
    if (bytesRead < 24 || header.toString('ascii', 0, 4) !== 'GGUF') return false;
    const version = header.readUInt32LE(4);
    const tensorCount = header.readBigUInt64LE(8);
    const kvCount = header.readBigUInt64LE(16);
    return version >= 1 && version <= 3 && tensorCount < 10_000_000n && kvCount < 1_000_000n;
  } finally {
    await handle.close();
  }
}

type GgufFileInfo = Awaited<ReturnType<typeof readGgufFileInfo>>;

/** Headers already read, by path, with the size and time of the file they were read from. */
const headers = new Map<string, { sizeBytes: number; modifiedMs: number; info: Promise<GgufFileInfo> }>();
const MAX_HEADERS = 32;

/**
 * A model's parsed header (with tensor info), read once per version of the file: Settings lists
 * the models after every change, and the fit estimate reads the same header.
 */
export async function readHeader(filePath: string): Promise<GgufFileInfo> {
  const stats = await stat(filePath);
  const known = headers.get(filePath);
  if (known && known.sizeBytes === stats.size && known.modifiedMs === stats.mtimeMs) return known.info;
  // Loaded at first use: the engine's package costs start-up time to every command otherwise.
  const { readGgufFileInfo: read } = await import('node-llama-cpp');
  const info = read(filePath, {
    sourceType: 'filesystem',
    readTensorInfo: true,
    logWarnings: false,
    signal: AbortSignal.timeout(HEADER_TIMEOUT_MS),
  });
  headers.delete(filePath);
  if (headers.size >= MAX_HEADERS) headers.delete(headers.keys().next().value as string);
  headers.set(filePath, { sizeBytes: stats.size, modifiedMs: stats.mtimeMs, info });
  info.catch(() => headers.delete(filePath));
  return info;
}

/**
 * Reads a model's metadata from its header.
 *
 * Throws AppError('not-found') for a missing file and 'corrupt-file' for one that is not GGUF.
 */
export async function readGgufInfo(filePath: string): Promise<GgufInfo> {
  let sizeBytes: number;
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) throw new AppError('invalid-input', `${path.basename(filePath)} is not a file.`);
    sizeBytes = stats.size;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('not-found', `The model file ${path.basename(filePath)} was not found.`, {
      cause: error,
    });
  }
  try {
    if (!(await hasPlausibleHeader(filePath))) throw new Error('no GGUF header');
    const info = await readHeader(filePath);
    const general = info.metadata.general;
    let parameterCount = 0;
    for (const tensor of info.fullTensorInfo ?? info.tensorInfo ?? []) {
      parameterCount += tensor.dimensions.reduce<number>((product, dim) => product * Number(dim), 1);
    }
    const template = info.metadata.tokenizer?.chat_template;
    return {
      path: filePath,
      fileName: path.basename(filePath),
      sizeBytes,
      name:
        typeof general?.name === 'string' && general.name.trim()
          ? general.name.trim()
          : path.basename(filePath, '.gguf'),
      architecture: String(general?.architecture ?? 'unknown'),
      parameterCount,
      quantization: fileTypeName(general?.file_type, (await import('node-llama-cpp')).GgufFileType),
      contextLength: positiveNumber(info.architectureMetadata?.context_length),
      chatTemplate: typeof template === 'string' && template !== '' ? template : null,
    };
  } catch (error) {
    throw new AppError('corrupt-file', `${path.basename(filePath)} is not a readable GGUF model file.`, {
      cause: error,
    });
  }
}

const MAX_SCAN_DEPTH = 3;

async function collectGgufFiles(entry: string, depth: number, found: Set<string>): Promise<void> {
  let stats;
  try {
    stats = await stat(entry);
  } catch {
    return;
  }
  if (stats.isFile()) {
    if (entry.toLowerCase().endsWith('.gguf')) found.add(path.resolve(entry));
    return;
  }
  if (!stats.isDirectory() || depth > MAX_SCAN_DEPTH) return;
  let children: string[];
  try {
    children = await readdir(entry);
  } catch {
    return;
  }
  for (const child of children.sort()) {
    if (child.startsWith('.')) continue;
    await collectGgufFiles(path.join(entry, child), depth + 1, found);
  }
}

/**
 * Lists the .gguf models among the given files and folders (folders searched a few levels
 * deep), each with its metadata or a readable error. Paths that do not exist are skipped.
 */
export async function listModels(pathsOrFolders: readonly string[]): Promise<LocalModelEntry[]> {
  const found = new Set<string>();
  for (const entry of pathsOrFolders) await collectGgufFiles(entry, 0, found);
  const entries: LocalModelEntry[] = [];
  for (const filePath of found) {
    try {
      const info = await readGgufInfo(filePath);
      entries.push({ path: filePath, fileName: info.fileName, sizeBytes: info.sizeBytes, info, error: null });
    } catch (error) {
      const sizeBytes = await stat(filePath).then(
        (stats) => stats.size,
        () => 0,
      );
      const message = isAppError(error) ? error.message : 'The file could not be read.';
      entries.push({
        path: filePath,
        fileName: path.basename(filePath),
        sizeBytes,
        info: null,
        error: message,
      });
    }
  }
  return entries;
}
