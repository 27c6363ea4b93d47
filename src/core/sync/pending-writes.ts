// Local commits whose records are not in the team document yet, in commit order. A remote
// apply must not read the store over them: their records would then be written after the
// remote change instead of concurrent with it. It used to give way until their writes,
// queued behind it, had run; but with edits made back to back one was always still to be
// written when its command ran, and a teammate's change waited for the last of them (84 s
// for 100 edits in `npm run bench:sync`, every local write meanwhile made at the old
// agreement, 0.6 s each at 20,000 highlights). No commit can be made inside the apply's
// command, so there those with no blob to put first (a wait on the network) are written at
// once, in order, and their queued writes find nothing left to send.
import type { Op } from '../store/tx';
import { fromOps, type Outgoing } from './local-records';

export interface PendingWrite {
  readonly ops: readonly Op[];
  written: boolean;
}

export class PendingWrites {
  /** In commit order (a Set iterates in insertion order). */
  private readonly pending = new Set<PendingWrite>();

  add(ops: readonly Op[]): PendingWrite {
    const write = { ops, written: false };
    this.pending.add(write);
    return write;
  }

  /** What the commit's queued write sends: nothing once `flush` has written it. */
  take(write: PendingWrite): Outgoing {
    return fromOps(write.written ? [] : write.ops);
  }

  /** The commit's queued write has run. */
  done(write: PendingWrite): void {
    this.pending.delete(write);
  }

  /**
   * Writes every pending commit now, in order, through `push`, unless one has blobs to put
   * first; true when none is left pending.
   */
  flush(push: (out: Outgoing) => void): boolean {
    const outs = [...this.pending].map((write) => ({ write, out: fromOps(write.ops) }));
    if (outs.some(({ out }) => out.blobs.length)) return false;
    for (const { write, out } of outs) {
      push(out);
      write.written = true;
      this.pending.delete(write);
    }
    return true;
  }
}
