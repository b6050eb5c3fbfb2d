/**
 * `cv-tailor serve`: the app in a browser, on this machine only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { resolveDataDir } from '../../services/data-dir';
import { startBrowserHost } from '../browser-host';
import { parseCommandArgs } from './args';
import type { CliCommand } from './types';

/** The project root, from the sources (electron/host/commands) or from a bundle (out/main). */
const projectRoot = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../..'), path.resolve(here, '../..')];
  return candidates.find((root) => existsSync(path.join(root, 'resources', 'skills'))) ?? candidates[0];
})();

/** The `serve` command. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the app to your browser on 127.0.0.1 (loopback only)',
  usage: [
    'Usage: cv-tailor serve [--port N] [--host 127.0.0.1] [--data-dir DIR]',
    '',
    'Serves the built app (run "npm run build" first, or use "npm run web") and its',
    'services on the loopback interface behind a random token, and prints the URL to open.',
    "The library lives in --data-dir, else $CV_TAILOR_DATA_DIR, else the app's data folder.",
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
      },
      false,
    );
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new AppError('invalid-input', `--port must be a number from 0 to 65535, not "${values.port}"`);
    const dataDir = resolveDataDir({ flag: values['data-dir'], env: io.env });
    const host = await startBrowserHost({
      dataDir,
      staticDir: values['static-dir'] ?? path.join(projectRoot, 'out', 'renderer'),
      host: values.host,
      port,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(`CV Tailor is running at ${host.url}\nLibrary: ${dataDir}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    return 0;
  },
};
