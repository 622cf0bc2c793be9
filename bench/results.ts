/** The shape of `bench/results.json`: everything one run measured, section by section. */
import type { ConfirmResult } from './browser/confirm.js';
import type { FirstRowsResult } from './browser/first-rows.js';
import type { MemoryResult } from './browser/memory.js';
import type { RerenderResult } from './browser/rerender.js';
import type { ScaleResult } from './browser/scale.js';
import type { Machine } from './lib/machine.js';
import type { PeerResult } from './peers.js';
import type { SdkResult } from './sdk.js';
import type { WeightResult } from './weight.js';

/** A section's result, or why it could not be measured (the rest of the run goes on). */
export type Section<T> = T | { error: string };

export function isFailed<T>(section: Section<T> | undefined): section is { error: string } | undefined {
  return section === undefined || (typeof section === 'object' && section !== null && 'error' in section);
}

/** How many repetitions each measurement got. */
export interface Plan {
  firstRowsPages: number;
  warmTablesPerPage: number;
  confirmReps: number;
  rerenderReps: number;
  memoryCycles: number;
  sdkReps: number;
}

export interface BenchResults {
  date: string;
  durationSeconds: number;
  machine: Machine;
  versions: Record<string, string>;
  plan: Plan;
  weight: Section<WeightResult[]>;
  peers: Section<PeerResult[]>;
  sdk: Section<SdkResult>;
  firstRows: Section<FirstRowsResult[]>;
  confirm: Section<ConfirmResult[]>;
  rerender: Section<RerenderResult>;
  scale: Section<ScaleResult>;
  memory: Section<MemoryResult[]>;
}
