// Approximate matching as steps, so that a caller with a time budget can give its thread
// back and stop. Finding one quote approximately costs a few windows of edit distance, but
// a long near-miss quote (thousands of characters, half of them allowed to differ) matches
// at many places in its windows, each verified by edit distance: 40 to 130 ms for one of
// 1,900 characters in 320 KB of prose here, more in repetitive text, and an import may
// hold thousands. The matcher yields before each window and each match it verifies; an
// annotations import on the serving thread runs the steps a slice of time at a time and
// stops at its deadline (placer.ts), and everyone else runs them in one go (`runSteps`).

/** Work in steps: each `yield` ends one; the result comes back when it returns. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end in one go. */
export function runSteps<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
