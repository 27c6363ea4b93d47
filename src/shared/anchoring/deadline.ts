// When approximate matching must stop. Finding one quote approximately costs a few windows
// of edit distance, but a long near-miss quote (thousands of characters, half of them
// allowed to differ) matches at many places in its windows, each verified by edit
// distance: 40 to 130 ms for one of 1,900 characters in 320 KB of prose here, more in
// repetitive text, and an import may hold thousands. Where the caller has a time budget
// (an annotations import), the matcher asks its deadline between steps and gives up with
// OverBudget, so the caller can report the quote as not placed in time instead of holding
// its thread. The clock is the caller's: tests hand in one that they move themselves.

export interface Deadline {
  /** True once matching must stop. */
  passed(): boolean;
}

/** Thrown by the matcher when its deadline has passed: nothing was decided. */
export class OverBudget extends Error {
  constructor() {
    super('approximate matching ran past its time budget');
    this.name = 'OverBudget';
  }
}

/** Throws OverBudget when the deadline (if any) has passed. */
export function checkDeadline(deadline: Deadline | undefined): void {
  if (deadline?.passed()) throw new OverBudget();
}
