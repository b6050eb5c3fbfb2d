#!/usr/bin/env node
// Entry point of the command-line tool: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/host/cli.ts');
process.exitCode = await main(process.argv.slice(2));
