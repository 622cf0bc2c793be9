/**
 * Clocks for "on screen": the moment the DOM holds something, and the end of the frame that
 * paints it. Runs in the page.
 */

/**
 * Resolves with `performance.now()` as soon as `check()` holds, watching `root` (a shadow root)
 * for DOM changes; mutation records arrive in the same microtask checkpoint as the change, so
 * the time is that of the update, not of a polling interval.
 */
export function whenDom(root: Node, check: () => boolean): Promise<number> {
  if (check()) return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Resolves with the time right after the next frame was rendered: a task queued from a
 * `requestAnimationFrame` callback runs only once that frame's style, layout and paint are done.
 * The task has the highest priority, so work the page queued for after that frame (a table's
 * remaining rows) does not run first and count against the frame.
 */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      void scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
    });
  });
}

/**
 * Counts the frames that begin from now on: the `requestAnimationFrame` callbacks that run before
 * `stop()`. A change made before the next frame's callbacks is in that frame.
 */
export function countFrames(): { stop(): number } {
  let frames = 0;
  let request = requestAnimationFrame(function tick() {
    frames++;
    request = requestAnimationFrame(tick);
  });
  return {
    stop() {
      cancelAnimationFrame(request);
      return frames;
    },
  };
}

/** Records which table rows (`<tr>`) of `root` change, between `start()` and `stop()`. */
export function watchRows(root: ShadowRoot): { stop(): number } {
  const rows = new Set<Element>();
  const collect = (records: MutationRecord[]) => {
    for (const record of records) {
      const node = record.target;
      const element = node instanceof Element ? node : node.parentElement;
      const row = element?.closest('tbody tr');
      if (row) rows.add(row);
    }
  };
  const observer = new MutationObserver(collect);
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    stop() {
      collect(observer.takeRecords());
      observer.disconnect();
      return rows.size;
    },
  };
}
