// Injected into the page before the app by the browser bench (browser.bench.ts): timings taken in
// the page's own clock, from the input event to the frame painted after the screen changed.
(() => {
  let lastInput = 0;
  const remember = (event) => {
    lastInput = event.timeStamp;
  };
  addEventListener('keydown', remember, true);
  addEventListener('mousedown', remember, true);

  /** Resolves with the time just after the next frame is painted (a task queued from its rAF). */
  const painted = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  const table = () => document.querySelector('table[aria-label$=" stock"]');
  const rowOf = (name) =>
    [...(table()?.querySelectorAll('tbody tr') ?? [])].find((row) =>
      row.querySelector(`button[aria-label="Adjust stock of ${CSS.escape(name)}"]`),
    );

  /** What the bench watches change, read from the page as a person would see it. */
  const readers = {
    firstRow: () => (table()?.querySelector('tbody tr[aria-rowindex]') ? 'shown' : ''),
    rowCount: () => table()?.getAttribute('aria-rowcount') ?? '',
    onHand: (name) => rowOf(name)?.cells[3]?.textContent ?? '',
    /** The count sheet: line `n` (0-based) has the cursor and the line before it says saved. */
    countLine: (n) => {
      const focused = document.activeElement?.getAttribute('data-line') === n;
      const before = document.querySelector(`input[data-line="${Number(n) - 1}"]`)?.closest('tr');
      return focused && before?.getAttribute('data-status') === 'saved' ? 'done' : '';
    },
  };

  let pending = null;
  let frames = null;

  window.kgBench = {
    /** Starts watching: `settled()` then resolves with input → painted change, in ms. */
    arm(reader, argument) {
      const read = () => readers[reader](argument);
      const before = read();
      pending = new Promise((done) => {
        const check = () => {
          const now = read();
          if (now === before || now === '') return;
          observer.disconnect();
          removeEventListener('focusin', check, true);
          painted().then((at) => done(at - lastInput));
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        // A move of the focus alone changes no element.
        addEventListener('focusin', check, true);
      });
    },
    settled: () => pending,
    /** Records the time of every frame until `framesStop()`, which returns the gaps between them. */
    framesStart() {
      const times = [];
      frames = { times, running: true };
      const tick = (at) => {
        times.push(at);
        if (frames?.times === times && frames.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    framesStop() {
      const { times } = frames;
      frames = null;
      return times.slice(1).map((at, i) => at - times[i]);
    },
  };
})();
