// Schema versions of workspace files. A file from an older version is migrated in memory
// on load (and written in the new form on the next change); a file from a newer version
// is refused, so an old app never rewrites data it does not understand.
import { SCHEMA_VERSION } from '../shared/model';

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n file into a version-(n + 1) file. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('it is not a workspace file (expected a JSON object)');
  }
  let data = raw as Record<string, unknown>;
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error('it has no valid schemaVersion');
  }
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `it was written by a newer Research Workbench (schema ${version}; this one reads up to ${SCHEMA_VERSION})`,
    );
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from schema ${v}`);
    data = { ...step(data), schemaVersion: v + 1 };
  }
  return data;
}
