// The last dossier answered, kept for the same question asked again while nothing it was
// made from has changed: a dossier opened again at 20,000 documents still read ~650
// highlights files and recomputed ~4,500 sources (~250-350 ms) to give the same answer.
// It is used only while there was no commit, refresh or damage found since
// (CoreContext.changes) and every record file it looked at, and every tagging document's
// highlights file, is still by size and time the one the store vouches for (so a file
// changed behind the workbench's back is read again). A copy is kept and handed out, so no
// caller can change the kept answer.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Dossier } from '../../shared/methods/entities';
import type { CoreContext } from '../context';
import type { RecordStamp } from '../mentions/count-store';
import { highlightsPath } from '../store/layout';

interface Kept {
  id: string;
  changes: number;
  records: ReadonlyMap<string, RecordStamp>;
  tagging: readonly string[];
  dossier: Dossier;
}

const last = new WeakMap<CoreContext, Kept>();

/** Whether each document's highlights file is, by size and time, the one the catalog holds. */
function highlightsVouched(ctx: CoreContext, ids: readonly string[]): boolean {
  for (const id of ids) {
    const stamp = ctx.store.catalog.stampOf(id);
    const file = lstatSync(join(ctx.store.dir, highlightsPath(id)), { throwIfNoEntry: false });
    if (!stamp || !file?.isFile() || file.size !== stamp[2] || file.mtimeMs !== stamp[3])
      return false;
  }
  return true;
}

/** The dossier of entity `id` kept from the last answer, when it still holds. */
export async function keptDossier(ctx: CoreContext, id: string): Promise<Dossier | undefined> {
  const kept = last.get(ctx);
  if (!kept || kept.id !== id) return undefined;
  const now = await ctx.store.vouchedRecords([...kept.records.keys()]);
  // Checked once the files were looked at, so a commit meanwhile counts too.
  if (kept.changes !== ctx.changes) return undefined;
  for (const [docId, stamp] of kept.records) {
    const still = now.get(docId);
    if (!still || still[0] !== stamp[0] || still[1] !== stamp[1]) return undefined;
  }
  return highlightsVouched(ctx, kept.tagging) ? structuredClone(kept.dossier) : undefined;
}

/**
 * Keeps a dossier made from these documents (`looked`: every candidate and tagging
 * document), read while the context was at `changes` and the records had `records`' stamps;
 * only when every one was vouched for and nothing changed meanwhile.
 */
export function keepDossier(
  ctx: CoreContext,
  made: { id: string; changes: number; looked: readonly string[]; tagging: readonly string[] },
  records: ReadonlyMap<string, RecordStamp>,
  dossier: Dossier,
): void {
  const { id, changes, looked, tagging } = made;
  if (
    changes !== ctx.changes ||
    looked.some((d) => !records.has(d)) ||
    !highlightsVouched(ctx, tagging)
  ) {
    last.delete(ctx);
    return;
  }
  last.set(ctx, { id, changes, records, tagging, dossier: structuredClone(dossier) });
}
