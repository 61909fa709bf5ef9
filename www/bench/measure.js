// The keystroke measurement of the browser benchmark, shared by our benchmark page (bench.js) and the peer page
// (tests/e2e/peers/rjsf.jsx, which esbuild bundles with it), so that both are timed the same way. No top-level
// await and no `?.` / `??`: it runs in Chromium 78 too.

/**
 * Resolves with `{ keyErr, frame }`, milliseconds from the next keydown in `input` (its `event.timeStamp`) until
 * - keyErr: `present()` equals `wantError` (the cell's error is in, or out of, the DOM), seen by a
 *   MutationObserver on `root`, so before any style, layout or paint;
 * - frame: the frame that shows it has been produced: the first requestAnimationFrame callback after the
 *   change, then a MessageChannel message posted from it, which runs once that frame's style, layout and
 *   paint are done. It includes the wait for the frame's turn (up to one frame interval, 16.7 ms at 60 Hz).
 * Arm first, then press.
 */
export function keystroke(input, root, present, wantError) {
  return new Promise((resolve) => {
    let start = null;
    const obs = new MutationObserver(() => {
      if (start !== null && present() === wantError) {
        obs.disconnect();
        const keyErr = performance.now() - start;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve({ keyErr, frame: performance.now() - start });
          ch.port2.postMessage(null);
        });
      }
    });
    obs.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    input.addEventListener("keydown", (e) => { start = e.timeStamp; }, { once: true, capture: true });
  });
}
