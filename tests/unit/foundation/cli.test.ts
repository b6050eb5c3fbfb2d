import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/host/commands/index';

const root = path.resolve(import.meta.dirname, '../../..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['bin/cv-tailor.js', ...args], { cwd: root, encoding: 'utf8' });
}

describe('command-line tool', () => {
  it('prints help listing its commands and exits 0', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: cv-tailor <command>');
    expect(result.stdout).toContain('serve');
  });

  it('loads every listed command under its own name, with a usage text', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toContain(`cv-tailor ${entry.name}`);
    }
  });

  it('exits 1 with one line on stderr for an unknown command', () => {
    const result = cli('frobnicate');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  it('exits 1 with one line for an unknown option, without a stack trace', () => {
    const result = cli('serve', '--bogus');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to serve on a non-loopback address', () => {
    const result = cli('serve', '--host', '0.0.0.0', '--data-dir', path.join(root, 'out', 'never-created'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('loopback');
  });
});
