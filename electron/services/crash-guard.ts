/**
 * A process-wide guard for errors no caller awaited: pdf.js, reading a damaged file, may reject
 * a promise of its own that nothing handles, which would end the whole process (the command-line
 * tool, the browser host or the app). The guard reports each such error in one line and lets the
 * process go on; the call that read the file still ends with its own typed error.
 */

let installed = false;

/** One line about an error, without its stack. */
function lineOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s+/g, ' ').slice(0, 300);
  return String(error).replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * Installs the guard once per process. `report` receives one line per error (the CLI writes it
 * to stderr, the host and the app to their logs).
 */
export function installCrashGuard(report: (line: string) => void): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    report(`an error inside a file reader was ignored: ${lineOf(reason)}`);
  });
  process.on('uncaughtException', (error) => {
    report(`an unexpected error was caught: ${lineOf(error)}`);
    // Should the work never finish after this, the process ends as an internal error, not as a success.
    process.exitCode = 2;
  });
}
