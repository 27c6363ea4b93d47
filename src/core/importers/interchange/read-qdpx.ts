// A .qdpx archive opened: project.qde parsed, and each source's text found, whether inline
// or in the archive's sources/ folder (matched by file name, in sources/ or Sources/ as
// tools write either). Entries are looked up by name only, never written to disk, so an
// entry named ../../x reaches nothing. Texts are read as UTF-8 with a leading byte-order mark
// dropped and CR LF made LF; positions are mapped to the text as stored, counting CR LF as
// one character or two, whichever makes the selections' own excerpts (their names) match.
import { strFromU8, unzipSync } from 'fflate';
import { MAX_IMPORT_BYTES } from '../../../shared/concepts/import-formats';
import { ImportError } from '../import-error';
import { readProject, type QdaProject, type QdaSource } from './read-qde';
import { utf16Offset } from '../../export/qdpx/guid';

export interface SourceText {
  text: string;
  /** A REFI-QDA position (code points into the file's text) as an offset into `text`. */
  offset: (position: number) => number;
  /** The file's text in bytes as read, for the content hash. */
  bytes: Uint8Array;
}

export interface OpenedProject {
  project: QdaProject;
  texts: Map<string, SourceText>;
  noteTexts: Map<string, string>;
}

function unzip(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (file.originalSize > MAX_IMPORT_BYTES || total > MAX_IMPORT_BYTES)
          throw new ImportError(fileName, 'it unpacks to more than 200 MB');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      fileName,
      `it is not a readable zip archive (${(error as Error).message})`,
    );
  }
}

const decode = (bytes: Uint8Array): string => strFromU8(bytes).replace(/^\uFEFF/, '');

/** Builds the text and its position map; `names` are the selections' excerpts, to check. */
function sourceText(raw: string, bytes: Uint8Array, source: QdaSource): SourceText {
  if (!raw.includes('\r')) return { text: raw, bytes, offset: (p) => utf16Offset(raw, p) };
  const text = raw.replace(/\r\n?/g, '\n');
  // Position counting CR LF as two code points (the file as it is) or as one (as ATLAS.ti).
  const asFile = (p: number): number => {
    const inRaw = utf16Offset(raw, p);
    return inRaw - (raw.slice(0, inRaw).match(/\r(?=\n)/g)?.length ?? 0);
  };
  const asOne = (p: number): number => utf16Offset(text, p);
  const fits = (map: (p: number) => number): number =>
    source.selections.filter((s) => {
      const excerpt = s.name?.replace(/…$/, '').trim();
      return excerpt && text.slice(map(s.start), map(s.end)).startsWith(excerpt.slice(0, 20));
    }).length;
  return { text, bytes, offset: fits(asOne) > fits(asFile) ? asOne : asFile };
}

export function openQdpx(bytes: Uint8Array, fileName: string): OpenedProject {
  const entries = unzip(bytes, fileName);
  const names = Object.keys(entries);
  const qde =
    names.find((n) => n.toLowerCase() === 'project.qde') ??
    names.find((n) => n.toLowerCase().endsWith('.qde'));
  if (!qde) throw new ImportError(fileName, 'it holds no project.qde');
  const project = readProject(decode(entries[qde]!), fileName);
  const byBase = new Map<string, string>();
  for (const n of names) {
    const m = /^sources\/(.+)$/i.exec(n);
    if (m) byBase.set(m[1]!.toLowerCase(), n);
  }
  const read = (path: string | undefined, what: string): Uint8Array | string => {
    if (!path) return `${what} has no text`;
    const internal = /^internal:\/\/(.+)$/i.exec(path);
    if (!internal) return `${what} keeps its text outside the archive (${path})`;
    const entry = byBase.get(internal[1]!.toLowerCase());
    return entry ? entries[entry]! : `${what} names ${path}, which is not in the archive`;
  };
  const texts = new Map<string, SourceText>();
  for (const source of project.sources) {
    if (source.inline !== undefined) {
      const b = new TextEncoder().encode(source.inline);
      texts.set(source.guid, sourceText(source.inline, b, source));
      continue;
    }
    const found = read(source.path, `the source “${source.name}”`);
    if (typeof found === 'string') project.unmapped.push(found);
    else texts.set(source.guid, sourceText(decode(found), found, source));
  }
  const noteTexts = new Map<string, string>();
  for (const note of project.notes) {
    if (note.inline !== undefined) noteTexts.set(note.guid, note.inline.replace(/\r\n?/g, '\n'));
    else {
      const found = read(note.path, `the note “${note.name}”`);
      if (typeof found === 'string') project.unmapped.push(found);
      else noteTexts.set(note.guid, decode(found).replace(/\r\n?/g, '\n'));
    }
  }
  return { project, texts, noteTexts };
}
