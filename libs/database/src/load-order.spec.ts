import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every lib imports others (repositories the SQL helpers of @app/database, modules their neighbours).
 * Whatever lib a spec, script or app loads first, no Nest module may see another lib half-loaded (an
 * `undefined` in its imports or providers, which a cycle between libs would cause).
 */
const LIBS = readdirSync(join(__dirname, '../..')).filter((lib) =>
  existsSync(join(__dirname, '../..', lib, 'src/index.ts')),
);

function holes(exports: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function') continue;
    for (const key of ['imports', 'providers', 'exports', 'controllers']) {
      const list = Reflect.getMetadata(key, value) as unknown[] | undefined;
      list?.forEach((item, i) => {
        if (item === undefined) found.push(`${name}.${key}[${i}]`);
      });
    }
  }
  return found;
}

describe('any lib can be loaded first', () => {
  it.each(LIBS)('@app/%s', (lib) => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load per lib, on purpose
      const first = require(`@app/${lib}`) as Record<string, unknown>;
      const all = LIBS.map(
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (other) => [other, require(`@app/${other}`) as Record<string, unknown>] as const,
      );
      expect(Object.keys(first).length).toBeGreaterThan(0);
      expect(all.flatMap(([other, exports]) => holes(exports).map((h) => `${other}: ${h}`))).toEqual([]);
    });
  });
});
