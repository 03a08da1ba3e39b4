import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const WEB = join(ROOT, 'apps/web');
const BUILT = join(WEB, 'dist/index.html');

/** The newest modification time of the files under `path` (built output and dependencies left out). */
export function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const names = readdirSync(path).filter((name) => name !== 'dist' && name !== 'node_modules');
  return Math.max(0, ...names.map((name) => newestSource(join(path, name))));
}

/**
 * Builds apps/web (npm run web:build) when there is no build or a source is newer than it, so the demo and
 * the browser tests always serve the app as it is in the tree; an up-to-date build costs nothing. Says
 * whether it built.
 */
export function ensureWebAppBuilt(announce?: () => void): boolean {
  const sources = [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'package-lock.json'),
  ];
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...sources.map(newestSource))) return false;
  announce?.();
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(WEB, 'vite.config.ts'),
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return true;
}
