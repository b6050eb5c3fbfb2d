/**
 * What a command of the command-line tool looks like.
 */

/** Streams and environment a command runs with (injectable for tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** One command of `cv-tailor`. */
export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** The usage line(s), shown by `cv-tailor <command> --help`. */
  usage: string;
  /**
   * Runs the command and returns its exit code (0 ok, 1 user error, 3 findings).
   *
   * Throw AppError for user errors: the CLI prints its message on one line and exits 1.
   */
  run(args: string[], io: CliIo): Promise<number>;
}
