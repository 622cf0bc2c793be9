/**
 * What `npm publish` would upload, checked as a consumer would meet it: the packed file list,
 * publint's rules for package.json, "Are the types wrong?" for every entry, every import of the
 * built files resolving inside the tarball or to a declared dependency, and the Node entries and
 * the CLI running from the built JavaScript. Needs `npm run build` first (`npm test` runs it).
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import {
  binOf,
  importSpecifiers,
  isNodeBuiltin,
  pack,
  packageNameOf,
  promisedFiles,
  repoRoot,
  type PackedPackage,
} from './packing.js';

const run = promisify(execFile);

interface PackageCase {
  dir: string;
  /** Entries meant for plain Node, each with one export it must have. (The elements need a DOM.) */
  nodeEntries: Record<string, string>;
}

const packages: PackageCase[] = [
  {
    dir: 'sdk',
    nodeEntries: {
      '@jt-users/sdk': 'createUsersClient',
      '@jt-users/sdk/check': 'checkUser',
      '@jt-users/sdk/schemas': 'UserSchema',
    },
  },
  {
    dir: 'reference-api',
    nodeEntries: {
      '@jt-users/reference-api': 'createReferenceApi',
      '@jt-users/reference-api/node': 'startReferenceServer',
    },
  },
  { dir: 'elements', nodeEntries: {} },
];

/**
 * The packages are ESM only. attw's `esm-only` profile already ignores how CommonJS `require`
 * and the pre-exports `node10` resolution see them; these are the same two modes, used to filter
 * the JSON report the CLI prints.
 */
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

interface AttwReport {
  analysis: {
    entrypoints: Record<
      string,
      {
        resolutions: Record<
          string,
          { resolution?: { fileName: string; isTypeScript: boolean; isJson: boolean } }
        >;
      }
    >;
  };
  problems: Record<string, Array<{ kind: string; entrypoint?: string; resolutionKind?: string }>>;
}

async function areTheTypesWrong(tarball: string): Promise<AttwReport> {
  const attw = binOf('@arethetypeswrong/cli', 'attw');
  // attw exits with 1 when it finds problems; the JSON on stdout says which, so read it either way.
  const output = await run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? '',
  }));
  try {
    return JSON.parse(output.stdout) as AttwReport;
  } catch {
    throw new Error(`attw printed no report for ${tarball}:\n${output.stderr}`);
  }
}

let destination: string;
const packed = new Map<string, Promise<PackedPackage>>();

before(async () => {
  destination = await mkdtemp(join(tmpdir(), 'jt-users-pack-'));
  for (const { dir } of packages) packed.set(dir, pack(join(repoRoot, 'packages', dir), destination));
  await Promise.all(packed.values());
});

after(async () => {
  await rm(destination, { recursive: true, force: true });
});

const packedOf = (dir: string): Promise<PackedPackage> => packed.get(dir)!;

for (const { dir, nodeEntries } of packages) {
  describe(`packages/${dir}`, () => {
    test('packs its README, LICENSE and every file its package.json points at', async () => {
      const { files, pkg } = await packedOf(dir);
      for (const file of ['package.json', 'README.md', 'LICENSE', ...promisedFiles(pkg)]) {
        assert.ok(files.includes(file), `${pkg.name}: ${file} is not in the tarball`);
      }
    });

    test('packs no tests, build caches or stray folders', async () => {
      const { files, pkg } = await packedOf(dir);
      const unexpected = files.filter(
        (file) =>
          /(^|\/)(test|tests|__tests__)\//.test(file) ||
          /\.(test|spec)\.[cm]?[jt]s$/.test(file) ||
          file.endsWith('.tsbuildinfo') ||
          !/^(dist\/|src\/|package\.json$|README\.md$|LICENSE$|custom-elements\.json$)/.test(file),
      );
      assert.deepEqual(unexpected, [], `${pkg.name} would publish files it should not`);
    });

    test("ships the repository's licence", async () => {
      const [own, root] = await Promise.all([
        readFile(join(repoRoot, 'packages', dir, 'LICENSE'), 'utf8'),
        readFile(join(repoRoot, 'LICENSE'), 'utf8'),
      ]);
      assert.equal(own, root, `packages/${dir}/LICENSE differs from the root LICENSE`);
    });

    test('every import of its built files resolves inside the tarball or to a dependency', async () => {
      const { files, pkg, dir: packageDir } = await packedOf(dir);
      const declared = new Set([
        pkg.name,
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
      ]);
      const problems: string[] = [];
      const built = files.filter((file) => file.startsWith('dist/') && /\.(d\.ts|js)$/.test(file));
      for (const file of built) {
        const code = await readFile(join(packageDir, file), 'utf8');
        for (const specifier of importSpecifiers(code)) {
          if (specifier.startsWith('.')) {
            if (!specifier.endsWith('.js')) {
              problems.push(`${file}: "${specifier}" has no .js extension (Node's ESM loader needs it)`);
              continue;
            }
            const target = join(file, '..', specifier);
            const candidates = file.endsWith('.d.ts') ? [target.replace(/\.js$/, '.d.ts'), target] : [target];
            if (!candidates.some((candidate) => files.includes(candidate))) {
              problems.push(`${file}: "${specifier}" is not in the tarball`);
            }
          } else if (!isNodeBuiltin(specifier) && !declared.has(packageNameOf(specifier))) {
            problems.push(`${file}: "${specifier}" is not a dependency of ${pkg.name}`);
          }
        }
      }
      assert.ok(built.length > 0, `${pkg.name} packs no built files`);
      assert.deepEqual(problems, []);
    });

    test('publint finds no errors or warnings', async () => {
      const { tarball } = await packedOf(dir);
      const data = await readFile(tarball);
      // Linting the tarball itself: the files checked are exactly the files published.
      const { messages, pkg } = await publint({
        pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
        level: 'warning',
      });
      assert.deepEqual(
        messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`),
        [],
      );
    });

    test('every entry has types and JavaScript for ESM consumers (attw)', async () => {
      const { tarball, pkg } = await packedOf(dir);
      const report = await areTheTypesWrong(tarball);
      const problems = Object.values(report.problems)
        .flat()
        .filter((problem) => !problem.resolutionKind || !IGNORED_RESOLUTIONS.has(problem.resolutionKind));
      assert.deepEqual(problems, []);

      const codeEntries = Object.keys(pkg.exports).filter((entry) => !/\.json$/.test(entry));
      assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), Object.keys(pkg.exports).sort());
      for (const entry of codeEntries) {
        for (const mode of ['node16-esm', 'bundler']) {
          const resolution = report.analysis.entrypoints[entry]?.resolutions[mode]?.resolution;
          assert.ok(resolution?.isTypeScript, `${pkg.name} ${entry} has no types under ${mode} resolution`);
          assert.match(resolution.fileName, /\.d\.ts$/);
        }
      }
    });

    for (const [specifier, exportName] of Object.entries(nodeEntries)) {
      test(`${specifier} loads in plain Node from the built JavaScript`, async () => {
        // No `source` condition and no TypeScript loader: exactly what a consumer's Node does.
        const script = `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).join(' '));`;
        const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
          cwd: repoRoot,
          env: { ...process.env, NODE_OPTIONS: '' },
        });
        assert.ok(
          stdout.trim().split(' ').includes(exportName),
          `${specifier} does not export ${exportName}`,
        );
      });
    }
  });
}

// The timeout only turns a server that never starts into a failure instead of a hang.
test('the jt-users-api command serves the API from the built JavaScript', { timeout: 30_000 }, async () => {
  const { pkg, dir } = await packedOf('reference-api');
  const bin = pkg.bin?.['jt-users-api'];
  assert.ok(bin, 'package.json has no jt-users-api bin');
  const script = await readFile(join(dir, bin), 'utf8');
  assert.ok(script.startsWith('#!/usr/bin/env node\n'), `${bin} does not start with a node shebang`);

  const child = spawn(process.execPath, [join(dir, bin), '--port', '0'], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /https?:\/\/[\w.:[\]-]+/.exec(output);
        if (match) resolve(match[0]);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
    });
    const response = await fetch(`${url}/v1/me`, { headers: { Authorization: 'Bearer demo-admin' } });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { role: string }).role, 'admin');
  } finally {
    child.kill('SIGTERM');
  }
});
