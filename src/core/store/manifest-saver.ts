// When the manifest (manifest.ts) is saved: after an open that had to rebuild it, every
// CHECKPOINT_EVERY changes, after the freshness check or a repair read files again, and at
// close. It is only a cache of the catalog and of where the custody log stands, so a save
// that fails is let go: the next open reads what the log names since the last one, or scans.
import { SCHEMA_VERSION } from '../../shared/model';
import type { Catalog } from './catalog';
import type { CustodyKeeper } from './custody-keeper';
import type { StoreFs } from './durable';
import { writeManifest } from './manifest';

/** After this many changes, the manifest is saved again (it is also saved on close). */
const CHECKPOINT_EVERY = 500;

export class ManifestSaver {
  private changes = 0;

  constructor(
    private readonly fs: StoreFs,
    private readonly dir: string,
    private readonly custody: CustodyKeeper | null,
    private readonly catalog: () => Catalog,
    private readonly readOnly: () => boolean,
  ) {}

  /** Counts one commit; true when the manifest is due to be saved again. */
  counted(): boolean {
    return ++this.changes >= CHECKPOINT_EVERY;
  }

  /** Saves the catalog and where the custody log stands, so the next open need not read. */
  async save(): Promise<void> {
    if (!this.custody || this.readOnly()) return;
    const { position, files } = this.custody.checkpoint();
    const catalog = this.catalog();
    try {
      await writeManifest(this.fs, this.dir, {
        schemaVersion: SCHEMA_VERSION,
        custody: position,
        files,
        documents: [...catalog.values()],
        stamps: catalog.allStamps(),
      });
      this.changes = 0;
    } catch {
      // The next open reads what the log names since the last manifest, or scans.
    }
  }
}
