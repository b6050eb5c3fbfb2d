/**
 * `cv-tailor models list | download`: the recommended models, the local .gguf files found, and
 * downloading a model by URI with progress on stderr.
 */
import path from 'node:path';
import { resolveDataDir } from '../../services/data-dir';
import { modelsDirOf } from '../../services/model-settings';
import { AppError } from '../../../shared/errors';
import { listModels } from '../../services/llm/gguf-info';
import { downloadModel } from '../../services/models/download';
import { loadRecommendedModels } from '../../services/models/recommended';
import { createGuardedFetch } from '../../services/net/guard';
import { isCliOffline } from '../../services/net/cli-offline';
import { parseCommandArgs } from './args';
import type { CliCommand, CliIo } from './types';

const USAGE = [
  'Usage: cv-tailor models list [--dir <folder>] [--json]',
  '       cv-tailor models download <uri> [--dir <folder>] [--sha256 <hex>]',
  '',
  '<uri> is hf:<user>/<repo>/<file>.gguf or an https URL. The models folder defaults to',
  "$CV_TAILOR_MODELS_DIR, else the app's own models folder (models/ in its data folder, so the app",
  'sees what the CLI downloads). Offline mode (CV_TAILOR_OFFLINE=1, or the app\'s setting) refuses downloads.',
].join('\n');

function modelsDir(io: CliIo, dir: string | undefined): string {
  if (dir) return path.resolve(io.cwd, dir);
  return io.env.CV_TAILOR_MODELS_DIR
    ? path.resolve(io.cwd, io.env.CV_TAILOR_MODELS_DIR)
    : modelsDirOf(resolveDataDir({ env: io.env }));
}

function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function parameters(count: number): string {
  return count >= 1e9 ? `${(count / 1e9).toFixed(1)}B` : `${(count / 1e6).toFixed(1)}M`;
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    dir: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new AppError('invalid-input', `unexpected argument "${positionals[0]}"`);
  const dir = modelsDir(io, values.dir);
  const recommended = await loadRecommendedModels();
  const local = await listModels([dir]);
  if (values.json) {
    const localJson = local.map((entry) => ({
      path: entry.path,
      fileName: entry.fileName,
      sizeBytes: entry.sizeBytes,
      error: entry.error,
      // The full chat template is long; say whether there is one.
      info: entry.info
        ? { ...entry.info, chatTemplate: undefined, hasChatTemplate: entry.info.chatTemplate !== null }
        : null,
    }));
    io.stdout(`${JSON.stringify({ dir, recommended, local: localJson }, null, 2)}\n`);
    return 0;
  }
  const lines = ['Recommended models (download with `cv-tailor models download <uri>`):'];
  for (const model of recommended) {
    lines.push(
      `  ${model.name}`,
      `    ${model.uri}`,
      `    ~${gigabytes(model.approxSizeBytes)}, needs ~${model.ramGb} GB RAM, ${model.licence}`,
    );
  }
  lines.push('', `Local models in ${dir}:`);
  if (local.length === 0) lines.push('  (none)');
  for (const entry of local) {
    if (!entry.info) {
      lines.push(`  ${entry.fileName}: ${entry.error}`);
      continue;
    }
    const info = entry.info;
    const details = [
      info.architecture,
      `${parameters(info.parameterCount)} parameters`,
      info.quantization ?? 'unknown type',
      info.contextLength ? `context ${info.contextLength}` : 'context unknown',
      info.chatTemplate ? 'chat template' : 'no chat template',
      gigabytes(info.sizeBytes),
    ];
    lines.push(`  ${info.fileName} (${info.name}): ${details.join(', ')}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

async function downloadCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    dir: { type: 'string' },
    sha256: { type: 'string' },
  });
  const [uri, extra] = positionals;
  if (!uri) throw new AppError('invalid-input', 'missing <uri>: e.g. hf:<user>/<repo>/<file>.gguf');
  if (extra) throw new AppError('invalid-input', `unexpected argument "${extra}"`);
  const recommended = (await loadRecommendedModels()).find((model) => model.uri === uri);
  const dir = modelsDir(io, values.dir);
  const isOffline = () => isCliOffline(io.env);
  let lastLine = 0;
  const result = await downloadModel(uri, {
    dir,
    sha256: values.sha256 ?? recommended?.sha256,
    fetch: createGuardedFetch({ isOffline }),
    onProgress: ({ bytes, total, bytesPerSecond }) => {
      const now = Date.now();
      if (now - lastLine < 1000 && bytes !== total) return;
      lastLine = now;
      const percent = total ? ` (${Math.floor((bytes / total) * 100)}%)` : '';
      io.stderr(
        `downloaded ${(bytes / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}${percent} at ${(bytesPerSecond / 1e6).toFixed(1)} MB/s\n`,
      );
    },
  });
  io.stdout(
    `${result.alreadyPresent ? 'Already present' : 'Saved'}: ${result.path}\nsha256 ${result.sha256}\n`,
  );
  return 0;
}

/** `cv-tailor models`. */
export const modelsCommand: CliCommand = {
  name: 'models',
  summary: 'List recommended and local GGUF models, or download one by URI',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'list') return listCommand(rest, io);
    if (sub === 'download') return downloadCommand(rest, io);
    throw new AppError(
      'invalid-input',
      sub ? `unknown subcommand "${sub}" (list or download)` : 'missing subcommand: list or download',
    );
  },
};
