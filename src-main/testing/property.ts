/**
 * Property runs whose verdict no clock decides: the property runs a fixed number of times however
 * loaded the machine is. Only the shrinking of a failure is bounded in time, so that the report
 * comes while the test is still running, shrunk as far as it got.
 */
import fc from 'fast-check';

export async function assertProperty<Ts>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  { numRuns, shrinkForMs }: { numRuns: number; shrinkForMs: number },
): Promise<void> {
  const found = await fc.check(property, { numRuns, endOnFailure: true });
  if (!found.failed) return;
  await fc.assert(property, {
    seed: found.seed,
    path: found.counterexamplePath ?? undefined,
    interruptAfterTimeLimit: shrinkForMs,
    markInterruptAsFailure: true,
  });
  // The replay did not fail again (the failure depends on timing): it is a failure all the same.
  throw new Error(fc.defaultReportMessage(found));
}
