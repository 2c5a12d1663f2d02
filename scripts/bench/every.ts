/** Waiting and repeating, for benchmarks that run a while (the chain's computers and its sampling). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs `step` every `everyMs` until the returned stop is awaited. */
export function repeat(step: () => unknown, everyMs: number): () => Promise<void> {
  let going = true;
  const done = (async () => {
    while (going) {
      await step();
      await sleep(everyMs);
    }
  })();
  return async () => {
    going = false;
    await done;
  };
}
