/**
 * The registry of command-line commands, in help order. Each command's module is loaded only
 * when that command runs, so `--help` and light commands start fast and never pay for model
 * or PDF libraries they do not use.
 */
import type { CliCommand } from './types';

/** A command as the registry knows it before loading it. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every command of `cv-tailor`, in the order `--help` lists them. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'parse',
    summary: 'CV file (PDF, DOCX, Markdown, text, JSON Resume) → JSON Resume',
    load: async () => (await import('./parse')).parseCommand,
  },
  {
    name: 'job',
    summary: 'Job posting → title, company, requirements, keywords',
    load: async () => (await import('./job')).jobCommand,
  },
  {
    name: 'match',
    summary: 'CV × job posting → coverage, evidence, missing keywords, score',
    load: async () => (await import('./match')).matchCommand,
  },
  {
    name: 'tailor',
    summary: 'Tailor a CV to a job posting (local or remote model, or --no-ai)',
    load: async () => (await import('./tailor')).tailorCommand,
  },
  {
    name: 'batch',
    summary: 'Tailor a CV to many job postings (and write their letters)',
    load: async () => (await import('./batch')).batchCommand,
  },
  {
    name: 'letter',
    summary: 'Write a cover letter for a CV and a job posting',
    load: async () => (await import('./letter')).letterCommand,
  },
  {
    name: 'verify',
    summary: 'Truth check: facts a tailored CV adds to the original (exit 3 if any)',
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'export',
    summary: 'Export a CV to DOCX, PDF, Markdown, plain text or JSON Resume',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'models',
    summary: 'List recommended and local GGUF models, or download one by URI',
    load: async () => (await import('./models')).modelsCommand,
  },
  {
    name: 'serve',
    summary: 'Serve the app to your browser on 127.0.0.1 (loopback only)',
    load: async () => (await import('./serve')).serveCommand,
  },
];
