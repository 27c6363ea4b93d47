// Repair, only when the user asks for it: each damaged file is fixed by the same rules
// that reported it (integrity.ts), written in one atomic commit, and every change is
// listed by file and record. What cannot be fixed (a file that is not JSON, say) is left
// exactly as it is and listed as remaining.
import { join } from 'node:path';
import type { RepairReport } from '../../shared/api';
import {
  DocumentFile,
  DocumentRecordFile,
  HighlightsFile,
  SCHEMA_VERSION,
  type Entity,
  type WorkspaceFile,
} from '../../shared/model';
import { WorkbenchError } from '../../shared/errors';
import { inspectDocument, inspectWorkspace, type Finding } from './integrity';
import type { FileChange } from './journal';
import {
  documentFiles,
  documentIdOf,
  documentPath,
  highlightsPath,
  serialize,
  WORKSPACE_FILE,
} from './layout';
import { newId, scanWorkspace, type Damage } from './load';
import { withoutFields } from './read-file';
import { readRecord } from './record-file';
import { emptyWorkspace, type WorkspaceStore } from './workspace-store';

const describe = (path: string, f: Finding): string =>
  `${path}${f.record ? ` ${f.record}` : ''}: ${f.reason}; ${f.repair}.`;

/** Placeholder entities for the ids that highlights are tagged to, so no tag is lost. */
function placeholders(ids: Iterable<string>, now: string): Entity[] {
  return [...ids].map((id) => ({
    id,
    name: `Recovered entity ${id}`,
    type: 'other',
    aliases: [],
    description: 'Recreated by repair: workspace.json was missing or unreadable. Rename it.',
    createdAt: now,
    updatedAt: now,
  }));
}

const dropped = (path: string, fields: readonly string[]): string =>
  `${path}: dropped the unknown field${fields.length === 1 ? '' : 's'} ${fields.join(', ')}.`;

/** A damaged document made whole again where its parts allow, or undefined. */
async function recoverDocument(
  store: WorkspaceStore,
  damage: Damage,
  id: string,
  lines: string[],
): Promise<DocumentFile | undefined> {
  if (damage.data) return damage.data as DocumentFile;
  const unknown = damage.read?.unknownFields;
  if (damage.path.startsWith('highlights/') && damage.record) {
    if (!damage.read) {
      lines.push(`${damage.path}: started an empty list of highlights (the file was missing).`);
      return { schemaVersion: SCHEMA_VERSION, document: damage.record, annotations: [] };
    }
    const parsed =
      unknown && HighlightsFile.safeParse(withoutFields(unknown.migrated, unknown.paths));
    if (!parsed || !parsed.success) return undefined;
    lines.push(dropped(damage.path, unknown.paths));
    return {
      schemaVersion: SCHEMA_VERSION,
      document: damage.record,
      annotations: parsed.data.annotations,
    };
  }
  if (!damage.path.startsWith('documents/') || !unknown) return undefined;
  const stripped = withoutFields(unknown.migrated, unknown.paths);
  const combined = DocumentFile.safeParse(stripped);
  const record = DocumentRecordFile.safeParse(stripped);
  if (!combined.success && !record.success) return undefined;
  lines.push(dropped(damage.path, unknown.paths));
  if (combined.success) return combined.data;
  const highlights = await readRecord(
    store.fileSystem,
    join(store.dir, highlightsPath(id)),
    HighlightsFile,
  );
  if (!highlights.ok) return undefined;
  return {
    schemaVersion: SCHEMA_VERSION,
    document: record.data!.document,
    annotations: highlights.data.annotations,
  };
}

export async function repairWorkspace(store: WorkspaceStore): Promise<RepairReport> {
  if (store.lockedBy)
    throw new WorkbenchError('READ_ONLY', `Not repaired: ${store.readOnlyReason ?? ''}`);
  return store.exclusive(async () => {
    const fs = store.fileSystem;
    const now = new Date().toISOString();
    const changes: FileChange[] = [];
    const lines: string[] = [];
    const repairedDocs = new Map<string, DocumentFile>();

    // Documents that parsed, or whose only fault is unknown fields or a lost highlights
    // file, can be fixed; each is written back as its two files.
    for (const damage of store.damaged.values()) {
      const id = documentIdOf(damage.path);
      if (!id || repairedDocs.has(id)) continue;
      const recovered = await recoverDocument(store, damage, id, lines);
      if (recovered) repairedDocs.set(id, recovered);
    }

    // workspace.json: fixed, stripped of unknown fields, or rebuilt.
    let workspace: WorkspaceFile = store.workspace;
    const wsDamage = store.damaged.get(WORKSPACE_FILE);
    let wsChanged = false;
    if (wsDamage) {
      wsChanged = true;
      const unknown = wsDamage.read?.unknownFields;
      if (wsDamage.data) workspace = wsDamage.data as WorkspaceFile;
      else if (unknown) {
        workspace = withoutFields(unknown.migrated, unknown.paths) as WorkspaceFile;
        lines.push(dropped(WORKSPACE_FILE, unknown.paths));
      } else {
        if (wsDamage.read) {
          const aside = `workspace.damaged-${now.replace(/[:.]/g, '-')}.json`;
          await fs.rename(join(store.dir, WORKSPACE_FILE), join(store.dir, aside));
          lines.push(`${WORKSPACE_FILE}: set aside as ${aside} (${wsDamage.read.reason}).`);
        }
        const tagged = new Set<string>();
        for (const summary of store.catalog.values())
          for (const id of Object.keys(summary.entities)) tagged.add(id);
        for (const file of repairedDocs.values())
          for (const a of file.annotations) for (const id of a.entityIds) tagged.add(id);
        const recovered = placeholders(tagged, now);
        workspace = { ...emptyWorkspace(), entities: recovered };
        lines.push(
          `${WORKSPACE_FILE}: rebuilt with ${recovered.length} placeholder entit${recovered.length === 1 ? 'y' : 'ies'} for the tags the documents use.`,
        );
      }
    }

    const entityIds = new Set(workspace.entities.map((e) => e.id));
    const seenAnnotationIds = new Set<string>();
    for (const summary of store.catalog.values())
      for (const a of summary.annotationIds) seenAnnotationIds.add(a);
    const documentIds = new Set(store.catalog.ids());
    for (const [id, data] of repairedDocs) {
      const { findings, fixed } = inspectDocument(data, { entityIds, seenAnnotationIds, newId });
      for (const f of findings) {
        const path = f.record?.startsWith('annotations') ? highlightsPath(id) : documentPath(id);
        lines.push(describe(path, f));
      }
      const file: DocumentFile = { ...fixed, schemaVersion: SCHEMA_VERSION };
      documentIds.add(id);
      changes.push(...documentFiles(file));
    }
    const inspected = inspectWorkspace(workspace, {
      documentIds,
      annotationIds: seenAnnotationIds,
      newId,
    });
    for (const f of inspected.findings) lines.push(describe(WORKSPACE_FILE, f));
    if (wsChanged || inspected.findings.length)
      changes.push({
        path: WORKSPACE_FILE,
        content: serialize({ ...inspected.fixed, schemaVersion: SCHEMA_VERSION }),
      });

    if (changes.length) await store.writeLogged('Repair', changes);
    const reloaded = await scanWorkspace(fs, store.dir);
    const stillBroken =
      reloaded.workspaceState === 'damaged' || reloaded.workspaceState === 'missing';
    store.replaceAfterRepair(
      reloaded,
      stillBroken ? 'workspace.json could not be repaired; see the remaining problems' : undefined,
    );
    await store.saveManifest();
    return { changes: lines, remaining: reloaded.problems };
  });
}
