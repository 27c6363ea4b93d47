// How a change reaches the disk: its line in the custody log first (write-ahead), then its
// files, all or nothing, through the journal (journal.ts); and, when the files cannot be
// written, a `void` line saying the change did not happen. A change over several files is
// durable once its journal is written; its files are put in place after it is
// acknowledged, before the next command runs (the store's queue waits for `finishing`).
import type { CustodyKeeper } from './custody-keeper';
import type { StoreFs } from './durable';
import { beginCommit, recoverJournal, type FileChange } from './journal';
import type { Op } from './tx';

export class CommitWriter {
  /** The last journalled commit's files being put in place; never rejects. */
  finishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: StoreFs,
    private readonly dir: string,
    readonly custody: CustodyKeeper | null,
    /** What each record file holds, by the custody log, once its change is committed. */
    readonly fileHashes: Map<string, string | null>,
    /** Called when files can no longer be put in place: nothing more may be written. */
    private readonly stopWriting: (reason: string) => void,
  ) {}

  /**
   * Writes files outside a command (creating, migrating, repairing), all or nothing, with
   * their line in the custody log first (`ops` names the records they change, if any).
   */
  async writeLogged(action: string, changes: FileChange[], ops: readonly Op[] = []): Promise<void> {
    const finish = await this.begin(action, changes, ops);
    await finish?.();
  }

  /**
   * Logs a change, then makes it durable (see journal.ts): returns what is left to put its
   * files in place. If the files cannot be written, the log says the change did not happen.
   */
  async begin(
    action: string,
    changes: FileChange[],
    ops: readonly Op[],
  ): Promise<(() => Promise<void>) | null> {
    const before = this.custody?.before(changes);
    const logged = await this.custody?.record(action, changes, ops);
    const seq = logged?.seq;
    try {
      const finish = await beginCommit(this.fs, this.dir, changes);
      for (const change of logged?.changes ?? []) this.fileHashes.set(change.file, change.after);
      return finish;
    } catch (error) {
      if (seq !== undefined)
        await this.custody
          ?.void(
            seq,
            `its files could not be written (${(error as Error).message})`,
            changes,
            before,
          )
          .catch(() => undefined);
      throw error;
    }
  }

  /**
   * Puts a journalled commit's files in place. If that fails part way the journal is
   * applied once more; if that fails too, nothing more is written until the next open
   * finishes it (the change itself is safe in the journal).
   */
  async finishFiles(finish: () => Promise<void>): Promise<void> {
    try {
      await finish();
    } catch (error) {
      try {
        await recoverJournal(this.fs, this.dir);
      } catch {
        this.stopWriting(
          `${(error as Error).message}; it will be finished when the workspace is next opened, and nothing more is saved until then`,
        );
      }
    }
  }
}
