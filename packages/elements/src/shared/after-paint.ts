/**
 * Resolves once the browser has painted the next frame: in a task queued from a
 * `requestAnimationFrame` callback, which runs only after that frame's style, layout and paint.
 * A hidden page paints no frames, so there it resolves at once, and when the page is hidden or
 * shown before that frame.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = (): void => {
      cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    const frame = requestAnimationFrame(() => setTimeout(done));
    document.addEventListener('visibilitychange', done);
  });
}
