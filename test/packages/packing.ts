/**
 * Helpers of the packed-output tests: pack a workspace package the way `npm publish` would,
 * read what its `package.json` promises, and find the module specifiers its files import.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of a package.json these tests read. */
export interface PackageJson {
  name: string;
  bin?: Record<string, string>;
  customElements?: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface PackedPackage {
  dir: string;
  pkg: PackageJson;
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Paths inside the tarball, relative to the package root, without `./`. */
  files: string[];
  /** Compressed size of the tarball in bytes. */
  size: number;
}

export async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm pack` of one package into `destination`: exactly the files `npm publish` would upload. */
export async function pack(dir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [result] = JSON.parse(stdout) as Array<{
    filename: string;
    size: number;
    files: Array<{ path: string }>;
  }>;
  if (!result) throw new Error(`npm pack printed no result for ${dir}`);
  return {
    dir,
    pkg: await readPackageJson(dir),
    tarball: join(destination, result.filename),
    files: result.files.map((file) => file.path),
    size: result.size,
  };
}

/** Every file path the package.json points at: each condition of each export, bins, the manifest. */
export function promisedFiles(pkg: PackageJson): string[] {
  const targets = Object.values(pkg.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  targets.push(...Object.values(pkg.bin ?? {}));
  if (pkg.customElements) targets.push(pkg.customElements);
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))];
}

/**
 * The module specifiers of an ES module or declaration file as `tsc` writes them (and as a
 * minifier does): `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`.
 */
export function importSpecifiers(code: string): string[] {
  const statement =
    /(?:^|[;\s}])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
  const dynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
  return [...code.matchAll(statement), ...code.matchAll(dynamic)].map((match) => match[1]!);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const builtins = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier);
}

/** Path of a dev tool's CLI script, so tests run the installed copy and never download one. */
export function binOf(packageName: string, binName: string): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = require(manifestPath) as { bin: string | Record<string, string> };
  const relative = typeof bin === 'string' ? bin : bin[binName];
  if (!relative) throw new Error(`${packageName} has no bin named ${binName}`);
  return join(dirname(manifestPath), relative);
}
