/** The machine and the software versions a run was made with, for the report's header. */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /**
   * The 1-, 5- and 15-minute load averages when the run started: above the number of cores,
   * other work competed for the CPU and the timings are noisier.
   */
  loadAverageAtStart: number[];
}

/** The load averages now, rounded; take them before the run adds its own load. */
export function loadAverages(): number[] {
  return loadavg().map((load) => Math.round(load * 100) / 100);
}

/** Packages whose versions shape the figures: ours, what they bundle, and the tools. */
const VERSIONED_PACKAGES = [
  '@jt-users/sdk',
  '@jt-users/elements',
  '@jt-users/reference-api',
  'lit',
  '@lit/task',
  'ky',
  'zod',
  'vite',
  'puppeteer-core',
] as const;

async function operatingSystem(): Promise<string> {
  try {
    const text = await readFile('/etc/os-release', 'utf8');
    const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1];
    if (name) return `${name} (${type()} ${release()})`;
  } catch {
    // Not Linux: the kernel's name and release say enough.
  }
  return `${type()} ${release()}`;
}

/** The machine, with `chromium` as the browser reported it. */
export async function describeMachine(chromium: string, loadAverageAtStart: number[]): Promise<Machine> {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: await operatingSystem(),
    node: process.version,
    chromium,
    loadAverageAtStart,
  };
}

/** Installed versions of {@link VERSIONED_PACKAGES}, read from `root`'s node_modules. */
export async function packageVersions(root: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const name of VERSIONED_PACKAGES) {
    try {
      const json = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      };
      versions[name] = json.version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
