// Reading files the user chose or dropped and importing each, one outcome per file, so
// one unreadable file never stops the others or hides which one failed.
import type {
  ImportOutcome,
  MatchReason,
  ReferencesReport,
  WorkbenchApi,
} from '../../../shared/api';
import { isBackupArchive, type RestoredArchive } from '../../../shared/backup-archive';
import { describeMissingOriginals, describeReport } from '../../../shared/import-report';
import { plural } from './labels';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
  documentId?: string;
  /** Set when the file looks like a newer version of a document here: ask what to do. */
  reimport?: Reimport;
  /** Set for a bibliography: previewed, waiting for the user to say what to do with it. */
  references?: { fileName: string; file: Blob; report: ReferencesReport };
}

/** A file that matched a document here, kept (as the file itself) until the user answers. */
export interface Reimport {
  fileName: string;
  file: Blob;
  documentId: string;
  title: string;
  reason: MatchReason;
}

/** A file's bytes, as they travel to the core (no base64: structured clone or raw body). */
export async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function describeOutcome(outcome: ImportOutcome): string {
  const said = sayOutcome(outcome);
  // What the import kept beyond the text, and what it left out: never silently.
  const report =
    outcome.kind === 'document' || outcome.kind === 'updated' ? describeReport(outcome.report) : '';
  return report ? `${said}; ${report}` : said;
}

function sayOutcome(outcome: ImportOutcome): string {
  switch (outcome.kind) {
    case 'backup': {
      const restored = `restored ${plural(outcome.documents, 'document')}, ${plural(outcome.entities, 'entity')} and ${plural(outcome.highlights, 'highlight')}`;
      const missing = describeMissingOriginals(outcome.missingOriginals);
      return missing ? `${restored}; ${missing}` : restored;
    }
    case 'duplicate':
      return `already here as “${outcome.title}” (identical content); opened it instead of adding a copy`;
    case 'match':
      return `looks like a newer version of “${outcome.title}” (same ${outcome.reason})`;
    case 'references':
      return `a bibliography of ${plural(outcome.report.items.length, 'reference')}, ${outcome.report.items.filter((i) => i.documentId).length} matching documents here: choose what to do with it`;
    case 'project': {
      const r = outcome.report;
      const kept = r.unmapped.length ? `; not kept: ${r.unmapped.join('; ')}` : '';
      return r.kind === 'codebook'
        ? `codebook: ${plural(r.codes, 'code')} and ${plural(r.kinds, 'highlight kind')} added${kept}`
        : `project${r.origin ? ` from ${r.origin}` : ''}: ${plural(r.documents, 'document')}, ${plural(r.highlights, 'highlight')}, ${plural(r.codes, 'code')}, ${plural(r.notes, 'note')} and ${plural(r.links, 'link')} added${r.alreadyHere ? ` (${plural(r.alreadyHere, 'source')} already here)` : ''}${kept}`;
    }
    case 'updated':
      return `updated “${outcome.title}” to revision ${outcome.revision}${outcome.review ? `; ${plural(outcome.review, 'highlight')} to review` : '; every highlight found'}`;
    default:
      return `added “${outcome.title}”`;
  }
}

/** The outcome as the banner lists it, keeping what a later answer needs. */
export function toFileOutcome(outcome: ImportOutcome, file: Blob): FileOutcome {
  const base = { fileName: outcome.fileName, ok: true, message: describeOutcome(outcome) };
  if (outcome.kind === 'backup' || outcome.kind === 'project') return base;
  if (outcome.kind === 'references')
    return { ...base, references: { fileName: outcome.fileName, file, report: outcome.report } };
  if (outcome.kind === 'match') {
    const { fileName, documentId, title, reason } = outcome;
    return { ...base, reimport: { fileName, file, documentId, title, reason } };
  }
  return { ...base, documentId: outcome.documentId };
}

export interface ImportProgress {
  /** Called before each file, with how many are done. */
  onFile?: (done: number, file: File) => void;
  /** Stops before the next file; the files already imported stay (each is undoable). */
  signal?: AbortSignal;
  /** Restores a backup with originals (.zip) through the host, as the CLI's `import` does. */
  restoreArchive?: (file: File) => Promise<RestoredArchive>;
}

export async function importFiles(
  api: WorkbenchApi,
  files: readonly File[],
  { onFile, signal, restoreArchive }: ImportProgress = {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [done, file] of files.entries()) {
    if (signal?.aborted) {
      outcomes.push({
        fileName: file.name,
        ok: false,
        message: `${file.name}: not imported (cancelled)`,
      });
      continue;
    }
    onFile?.(done, file);
    try {
      if (restoreArchive && isBackupArchive(file.name)) {
        const restored = await restoreArchive(file);
        outcomes.push(
          restored.restored
            ? toFileOutcome(restored.outcome, file)
            : {
                fileName: file.name,
                ok: false,
                message: `${file.name}: not restored (no archive chosen)`,
              },
        );
        continue;
      }
      const data = await bytesOf(file);
      const outcome = await api['documents.importBytes']({ fileName: file.name, data });
      outcomes.push(toFileOutcome(outcome, file));
    } catch (error) {
      outcomes.push({
        fileName: file.name,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return outcomes;
}

/** Offers text as a file download (a save dialog under Electron). */
export function download(fileName: string, mimeType: string, content: string | Blob): void {
  const url = URL.createObjectURL(
    typeof content === 'string' ? new Blob([content], { type: mimeType }) : content,
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
