/**
 * Resolves once the browser has painted the next frame: in a task queued from a
 * `requestAnimationFrame` callback, which runs only after that frame's style, layout and paint.
 * A page in the background renders no frames, so a short timer settles it there as well.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      resolve();
    };
    const frame = requestAnimationFrame(() => setTimeout(done));
    const fallback = setTimeout(done, HIDDEN_PAGE_WAIT_MS);
  });
}

/** Longer than any frame of a visible page, short enough not to be noticed in a hidden one. */
const HIDDEN_PAGE_WAIT_MS = 100;
