// Running a command's function against the state, with documents read on demand: a `Tx`
// that needs a document not in memory throws `NeedDocuments(ids)`; they are read (checked
// exactly as at open), pinned for this attempt however little memory is left, and the
// function runs again. Commands are pure functions of the state, so running one again is
// safe; one that keeps asking past MAX_ROUNDS is a bug, not a large workspace.
import type { Annotation, DocumentFile, WorkspaceFile } from '../../shared/model';
import type { Catalog } from './catalog';
import { NeedDocuments, Tx, type StoreState } from './tx';

/** A command that keeps asking for more documents is a bug, not a large workspace. */
const MAX_ROUNDS = 1000;

export interface AttemptSource {
  /** The state as it is now (read again each round). */
  current(): { workspace: WorkspaceFile; catalog: Catalog };
  /** A document already in memory. */
  peek(id: string): DocumentFile | undefined;
  /** Why a document must not be written, if it must not. */
  blocked(id: string): string | undefined;
  /** Reads documents (missing or damaged ones are left out). */
  read(ids: readonly string[]): Promise<Map<string, DocumentFile>>;
  /**
   * Reads documents' highlights without their texts where the store can vouch for them,
   * the others whole (see highlights-only.ts). Without it, every read is whole.
   */
  readHighlights?(ids: readonly string[]): Promise<{
    highlights: Map<string, readonly Annotation[]>;
    whole: Map<string, DocumentFile>;
  }>;
}

export async function attempt<R>(
  source: AttemptSource,
  fn: (tx: Tx) => R,
): Promise<{ value: R; tx: Tx }> {
  const pinned = new Map<string, DocumentFile>();
  const alone = new Map<string, readonly Annotation[]>();
  const now = new Date().toISOString();
  for (let round = 0; ; round++) {
    const { workspace, catalog } = source.current();
    const state: StoreState = {
      workspace,
      catalog,
      loaded: (id) => pinned.get(id) ?? source.peek(id),
      highlights: (id) => alone.get(id),
    };
    const tx = new Tx(state, (id) => source.blocked(id), now);
    try {
      return { value: fn(tx), tx };
    } catch (error) {
      if (!(error instanceof NeedDocuments) || round >= MAX_ROUNDS) throw error;
      if (error.highlightsOnly && source.readHighlights) {
        const { highlights, whole } = await source.readHighlights(error.ids);
        for (const [id, list] of highlights) alone.set(id, list);
        for (const [id, file] of whole) pinned.set(id, file);
        continue;
      }
      for (const [id, file] of await source.read(error.ids)) pinned.set(id, file);
      // One that could not be read is damaged (now blocked) or gone (out of the catalog).
    }
  }
}
