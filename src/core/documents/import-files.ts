// Getting material in: importing files and pasted text as documents, and restoring a JSON
// backup. Every import either stores a whole document or nothing, and says which file
// failed and why.
import type { ImportOutcome, ParsedInput, WorkbenchHandlers } from '../../shared/api';
import { importKindOf } from '../../shared/concepts/import-formats';
import { describeIssues } from '../../shared/issues';
import { SCHEMA_VERSION } from '../../shared/model';
import type { CoreContext } from '../context';
import { WorkbenchError } from '../../shared/errors';
import { Backup, BACKUP_VERSION } from '../export/snapshot';
import { countMissingKept, restoreKeptCopies } from '../export/backup-originals';
import { migrate } from '../store/migrations';
import { importPastedText } from '../importers';
import { ImportError } from '../importers/import-error';
import type { ParseFile } from '../importers/worker-protocol';
import type { Tx } from '../store/tx';
import { documentIdOf } from '../store/layout';
import { addDocument, storeNewDocument } from './handlers';
import { restoreProblems } from './restore-check';
import { keepImport } from './keep-original';
import { importContent, patchSource } from './sources';
import { importCodebookFile, importProject } from './import-project';
import { importReferences } from './import-references';
import { isCslJson } from '../importers/interchange/read-bibliography';
import { sha256InChunks } from '../hash';
import { nextTurn } from '../time-slices';

/** A .json file that is a CSL-JSON bibliography rather than a workbench backup. */
function isCslJsonFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!head.startsWith('[')) return false;
  try {
    return isCslJson(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return false;
  }
}

type Handlers = Pick<
  WorkbenchHandlers,
  'documents.import' | 'documents.importBytes' | 'documents.paste' | 'documents.importReferences'
>;
type ImportRequest = Omit<ParsedInput<'documents.importBytes'>, 'data'> & { bytes: Uint8Array };

/** A version-1 backup's documents in today's form (the same migration as the files). */
function upgradeBackup(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1)
    return raw;
  const backup = raw as { documents?: unknown };
  if (!Array.isArray(backup.documents)) return raw;
  const documents = backup.documents.map((d: unknown) => {
    try {
      const { schemaVersion: _v, ...rest } = migrate({
        ...(d as object),
        schemaVersion: 1,
      }) as Record<string, unknown>;
      return rest;
    } catch {
      return d;
    }
  });
  return { ...backup, version: BACKUP_VERSION, documents };
}

/** Documents here whose files could not be read: their ids are taken all the same. */
const damagedIds = (ctx: CoreContext): string[] =>
  [...ctx.store.damaged.keys()].flatMap((path) => documentIdOf(path) ?? []);

/** A backup's records, parsed and checked against the backup schema (old versions upgraded). */
export async function parseBackup(bytes: Uint8Array, fileName: string): Promise<Backup> {
  let raw: unknown;
  try {
    const { decodeText } = await import('../importers/decode');
    raw = JSON.parse(decodeText(bytes, fileName, false));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, 'it is not valid JSON');
  }
  const parsed = Backup.safeParse(upgradeBackup(raw));
  if (!parsed.success) {
    throw new ImportError(
      fileName,
      `it is not a Research Workbench backup (${describeIssues(parsed.error.issues, 1)})`,
    );
  }
  return parsed.data;
}

/**
 * Refuses a backup that would clash with what is here or leave the workspace damaged.
 * Run inside the restoring command; a backup archive runs it first in a read as well,
 * before it writes its originals.
 */
export function checkRestore(ctx: CoreContext, tx: Tx, backup: Backup, fileName: string): void {
  const taken = new Set([
    ...tx.entities.map((e) => e.id),
    ...tx.notes.map((n) => n.id),
    ...tx.documentIds(),
    ...[...tx.summaries()].flatMap((s) => s.annotationIds),
  ]);
  const incoming = [
    ...backup.entities.map((e) => e.id),
    ...backup.notes.map((n) => n.id),
    ...backup.documents.flatMap((d) => [d.document.id, ...d.annotations.map((a) => a.id)]),
  ];
  const clashes = incoming.filter((id) => taken.has(id));
  if (clashes.length && clashes.length === incoming.length)
    throw new ImportError(
      fileName,
      'everything in it is already in this workspace (it was restored before)',
    );
  if (clashes.length)
    throw new ImportError(
      fileName,
      `it holds records already in this workspace (for example "${clashes[0]}")`,
    );
  // Judged as a whole before anything is written: nothing that would be reported as
  // damaged (or make the workspace read-only) at the next start gets in.
  const problems = restoreProblems(tx, backup, damagedIds(ctx));
  if (problems.length)
    throw new ImportError(
      fileName,
      `it would leave the workspace damaged, so nothing was restored: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
}

/** Writes a checked backup's records as one command: every file lands, or none does. */
export async function restoreRecords(
  ctx: CoreContext,
  backup: Backup,
  fileName: string,
  originals?: number,
): Promise<ImportOutcome> {
  // Counted before the command (a file system look, not a record): apart from what was
  // put back, so "restored 3 original files" never hides that 2 others are nowhere.
  const missing = await countMissingKept(
    ctx,
    backup.documents.map((d) => d.document),
  );
  return ctx.commandOverCatalog('Restore backup', (tx) => {
    checkRestore(ctx, tx, backup, fileName);
    for (const d of backup.documents)
      tx.setFile(d.document.id, { schemaVersion: SCHEMA_VERSION, ...d });
    for (const e of backup.entities) tx.setEntity(e.id, e);
    for (const n of backup.notes) tx.setNote(n.id, n);
    return {
      fileName,
      kind: 'backup' as const,
      documents: backup.documents.length,
      entities: backup.entities.length,
      highlights: backup.documents.reduce((n, d) => n + d.annotations.length, 0),
      ...(originals === undefined ? {} : { originals }),
      ...(missing ? { missingOriginals: missing } : {}),
    };
  });
}

/**
 * Restores a JSON backup into this workspace as one command: every file it writes lands,
 * or none does. A backup whose records are all here already was restored before.
 */
export async function restoreBackup(
  ctx: CoreContext,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportOutcome> {
  const backup = await parseBackup(bytes, fileName);
  // The originals it carries are checked, then kept, before any record may name them.
  const originals = await restoreKeptCopies(ctx, backup, fileName);
  return restoreRecords(ctx, backup, fileName, originals);
}

export function importHandlers(ctx: CoreContext, parse: ParseFile): Handlers {
  const importFile = async ({
    bytes,
    fileName,
    onMatch,
    targetId,
  }: ImportRequest): Promise<ImportOutcome> => {
    const kind = importKindOf(fileName);
    if (kind === 'qdpx') return importProject(ctx, bytes, fileName);
    if (kind === 'qdc') return importCodebookFile(ctx, bytes, fileName);
    if (kind === 'bibliography' || (kind === 'backup' && isCslJsonFile(bytes))) {
      // A bibliography is previewed: the user chooses what to do with it (importReferences).
      const { decodeText } = await import('../importers/decode');
      const text = decodeText(bytes, fileName, false);
      const report = await importReferences(ctx, { fileName, text, mode: 'preview' });
      return { fileName, kind: 'references', report };
    }
    if (kind === 'backup') return restoreBackup(ctx, bytes, fileName);
    // The file and its images are on disk before the command that names them commits.
    const content = await keepImport(ctx, bytes, fileName, await parse(bytes, fileName));
    // Hashed here, in slices: inside the command, 20 M characters held every call ~80 ms.
    const textHash = await sha256InChunks(content.text, nextTurn);
    return importContent(ctx, content, fileName, onMatch, targetId, (tx) =>
      storeNewDocument(ctx, tx, content, textHash),
    );
  };
  return {
    'documents.import': ({ dataBase64, ...rest }) =>
      importFile({ ...rest, bytes: Buffer.from(dataBase64, 'base64') }),
    'documents.importBytes': ({ data, ...rest }) => importFile({ ...rest, bytes: data }),

    'documents.importReferences': (input) => importReferences(ctx, input),

    'documents.paste': async ({ title, text, source }) => {
      if (!text.trim()) throw new WorkbenchError('INVALID_INPUT', 'There is no text to add.');
      const pasted = importPastedText(text, title);
      const content = source ? { ...pasted, source: patchSource(pasted.source, source) } : pasted;
      const document = await addDocument(ctx, content);
      return { fileName: '', kind: 'document', documentId: document.id, title: document.title };
    },
  };
}
