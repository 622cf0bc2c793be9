/**
 * What the benchmark page (`page/harness.ts`) offers the Node side as `window.jtBench`. Each
 * method does one measured step inside the page, timed with the page's own clock, and returns
 * plain numbers (milliseconds unless the name says otherwise).
 */

/** How the in-page reference API is set up for a scenario. */
export interface SetupOptions {
  /** Users in the organization. */
  seedSize: number;
  /** Delay before every answer. */
  latencyMs?: number;
}

/** Times of one table from its insertion (or from a change) until its rows were on screen. */
export interface RowsTiming {
  /** From the start until the rows were in the DOM. */
  domMs: number;
  /** From the start until the frame showing them was painted. */
  paintMs: number;
  /** From the moment the list answer reached the client until that frame was painted. */
  afterDataMs: number;
  /** Time the in-page reference API spent answering the requests of this step. */
  serverMs: number;
}

/**
 * A table's insertion: besides the whole answer, when its first rows were painted (a table that
 * appears with a long page paints a screenful first and the rest a frame later).
 */
export interface InsertTiming extends RowsTiming {
  /** From the insertion until the frame showing the first rows was painted. */
  firstPaintMs: number;
  /** From the moment the list answer reached the client until that frame was painted. */
  firstAfterDataMs: number;
}

/** One confirmed status change, seen in a table and a profile on the same page. */
export interface ConfirmTiming {
  /** From the click on Confirm until both elements showed the new status in the DOM. */
  domMs: number;
  /** From the click on Confirm until the frame showing it was painted. */
  paintMs: number;
  /** Which frame after the click showed it: 1 when the very next frame did. */
  frame: number;
}

/** One status change re-rendered by a table. */
export interface RerenderTiming {
  /** From the change until the table's update completed (script and DOM work, no paint). */
  totalMs: number;
  /**
   * The store's synchronous part: the optimistic update, telling every element, and handing the
   * request to the SDK (which checks the arguments and builds the request).
   */
  storeMs: number;
  /**
   * What follows in the same burst of script, until the table's `updateComplete`: the table's
   * update, and the SDK preparing the request up to the `fetch` call, in whichever order the
   * microtasks run.
   */
  followUpMs: number;
  /** The table's re-render alone: Lit's update of the element (render and DOM changes). */
  updateMs: number;
  /** Table rows whose DOM changed; 1 means only the changed row re-rendered. */
  rowsTouched: number;
}

/** Counters of the page, read after a forced garbage collection by the Node side. */
export interface CycleResult {
  /** Create/remove cycles done. */
  cycles: number;
  /** Milliseconds per cycle (create, render with data, remove). */
  msPerCycle: number;
}

/** The elements the memory benchmark creates and removes. */
export type ElementKind = 'jt-user-table' | 'jt-user-profile' | 'jt-user-status-toggle' | 'jt-confirm-dialog';

/** `window.jtBench`. */
export interface BenchPage {
  /** Starts a fresh reference API and client (a fresh store); removes every element. */
  setup(options: SetupOptions): { seedMs: number };
  /** Sets the reference API's latency. */
  setLatency(ms: number): void;
  /** Inserts a table with `pageSize` rows and waits for its rows on screen. */
  insertTable(pageSize: number): Promise<InsertTiming>;
  /** Removes the table inserted last; the one before it (if any) becomes the current table. */
  removeTable(): void;
  /** Removes every element from the page. */
  clear(): void;
  /** Puts a profile of the first changeable user of the table beside it; resolves once shown. */
  insertProfile(): Promise<void>;
  /** Activates/deactivates the profile's user through the table's action and confirm dialog. */
  confirmChange(): Promise<ConfirmTiming>;
  /** Waits until no status change is waiting for the server. */
  settle(): Promise<void>;
  /** Changes the status of the table's `index`-th row (demo accounts skipped) through the store, as a confirm does. */
  changeStatus(index: number): Promise<RerenderTiming>;
  /** Types `text` into the table's search field, one input event per character; ms per key. */
  typeSearch(text: string): Promise<number[]>;
  /** Presses Enter in the search field and waits for the matching rows on screen. */
  submitSearch(): Promise<RowsTiming>;
  /** Chooses a status in the table's filter and waits for the matching rows on screen. */
  filterStatus(status: 'all' | 'active' | 'inactive'): Promise<RowsTiming>;
  /** Clears the search field and waits for the unfiltered rows on screen. */
  clearSearch(): Promise<RowsTiming>;
  /** Clicks "Next page" and waits for the next page's rows on screen. */
  nextPage(): Promise<RowsTiming>;
  /** Creates an element, lets it render with its data, removes it; `cycles` times. */
  cycle(kind: ElementKind, cycles: number): Promise<CycleResult>;
}

declare global {
  interface Window {
    jtBench?: BenchPage;
  }
}
