/**
 * The registry of command-line commands: one file per command, listed here in help order.
 */
import type { CliCommand } from './types';
import { serveCommand } from './serve';

/** Every command of `cv-tailor`, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [serveCommand];
