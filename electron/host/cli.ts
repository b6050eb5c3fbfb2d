/**
 * The `cv-tailor` command-line tool: the same services as the app, without Electron.
 *
 * Exit codes: 0 success, 1 user error (one line on stderr), 2 internal error, 3 findings.
 */
import { isAppError } from '../../shared/errors';
import { installCrashGuard } from '../services/crash-guard';
import { COMMANDS } from './commands/index';
import type { CliIo } from './commands/types';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: cv-tailor <command> [options]',
    '',
    'Tailor a CV to a job posting on your own machine.',
    '',
    'Commands:',
    ...lines,
    '',
    "Run `cv-tailor <command> --help` for a command's options.",
    'Exit codes: 0 success, 1 user error, 2 internal error, 3 truth-check findings (verify).',
    '',
  ].join('\n');
}

/** The process's real streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  // A damaged file must end in a typed error, never in a crash of the whole tool.
  installCrashGuard((line) => io.stderr(`cv-tailor: ${line}\n`));
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('0.1.0\n');
    return 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`cv-tailor: unknown command "${name}". Run "cv-tailor --help" for the list.\n`);
    return 1;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`cv-tailor ${name}: ${error.message.split('\n')[0]}\n`);
      return 1;
    }
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr(`cv-tailor ${name}: internal error: ${detail}\n`);
    if (io.env.CV_TAILOR_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
    return 2;
  }
}
