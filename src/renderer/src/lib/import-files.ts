// Reading files the user chose or dropped and importing each, one outcome per file, so
// one unreadable file never stops the others or hides which one failed.
import type { ImportOutcome, WorkbenchApi } from '../../../shared/api';
import { plural } from './labels';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  message: string;
  documentId?: string;
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function describeOutcome(outcome: ImportOutcome): string {
  return outcome.kind === 'backup'
    ? `restored ${plural(outcome.documents, 'document')}, ${plural(outcome.entities, 'entity')} and ${plural(outcome.highlights, 'highlight')}`
    : `added “${outcome.title}”`;
}

export async function importFiles(
  api: WorkbenchApi,
  files: readonly File[],
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      const outcome = await api['documents.import']({
        fileName: file.name,
        dataBase64: toBase64(await file.arrayBuffer()),
      });
      outcomes.push({
        fileName: file.name,
        ok: true,
        message: describeOutcome(outcome),
        ...(outcome.kind === 'document' ? { documentId: outcome.documentId } : {}),
      });
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
