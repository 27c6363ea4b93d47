// The command line's import and export: files in (documents, backups, bibliographies,
// REFI-QDA projects and codebooks) with a line per outcome, and exports out in any format,
// with the citation style, locale and code filter the research notes take; a binary export
// (a .qdpx zip) arrives as base64 and is written as its bytes.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Envelope, ImportOutcome, ProjectReport, ReferencesReport } from '../shared/api';
import {
  CITATION_LOCALE_IDS,
  CITATION_STYLE_IDS,
  type CitationLocale,
  type CitationStyle,
} from '../shared/concepts/citation-styles';
import { EXPORT_FORMAT_WORDS, exportFormatNamed } from '../shared/concepts/export-formats';
import { importKindOf } from '../shared/concepts/import-formats';
import { describeMissingOriginals, describeReport } from '../shared/import-report';
import { BUNDLE_WORD, exportBundle } from './bundle';
import type { Workbench } from '../core/index';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const fail = (io: Io, message: string): number => {
  io.err(message);
  return 1;
};

function sayReferences(file: string, r: ReferencesReport, io: Io): void {
  const verb = {
    filled: '✓ filled',
    unchanged: '= unchanged',
    added: '+ added',
    unmatched: '? no match',
  };
  for (const item of r.items) {
    const target = item.documentTitle
      ? ` → “${item.documentTitle}” (by ${item.matchedBy ?? 'new'})`
      : '';
    const fields = item.filled.length ? `: ${item.filled.join(', ')}` : '';
    const differs = item.differs.length ? `; kept ours for ${item.differs.join(', ')}` : '';
    io.out(`  ${verb[item.action]} ${item.index}. “${item.title}”${target}${fields}${differs}`);
  }
  const c = r.counts;
  io.out(
    `✓ ${file}: ${r.items.length} references (${r.format}): ${c.filled} filled in, ${c.added} added as sources without text, ${c.unchanged} unchanged, ${c.unmatched} matching no document`,
  );
}

function sayProject(file: string, r: ProjectReport, io: Io): void {
  const from = r.origin ? ` from ${r.origin}` : '';
  io.out(
    r.kind === 'codebook'
      ? `✓ ${file}: codebook${from}: ${r.codes} codes and ${r.kinds} highlight kinds added`
      : `✓ ${file}: project${from}: ${r.documents} documents (${r.alreadyHere} already here), ${r.highlights} highlights, ${r.codes} codes, ${r.kinds} kinds, ${r.entities} entities, ${r.notes} notes, ${r.links} links`,
  );
  for (const line of r.unmapped) io.out(`  not kept: ${line}`);
}

function sayOutcome(file: string, value: ImportOutcome, io: Io): void {
  switch (value.kind) {
    case 'backup': {
      io.out(
        `✓ ${file}: restored ${value.documents} documents, ${value.entities} entities, ${value.highlights} highlights${value.originals === undefined ? '' : `, ${value.originals} original files`}`,
      );
      const missing = describeMissingOriginals(value.missingOriginals);
      return missing ? io.out(`  ! ${missing}.`) : undefined;
    }
    case 'duplicate':
      return io.out(
        `= ${file}: already in this workspace as “${value.title}” (identical content); nothing added`,
      );
    case 'match':
      return io.out(
        `? ${file}: looks like a newer version of “${value.title}”; nothing added (open the workbench to update it or add it as a new document)`,
      );
    case 'project':
      return sayProject(file, value.report, io);
    case 'references':
      return sayReferences(file, value.report, io);
    default: {
      // What the importer kept and left out of the file (tables, figures, comments...).
      const report = describeReport('report' in value ? value.report : undefined);
      return io.out(`✓ ${file}: added “${value.title}”${report ? `; ${report}` : ''}`);
    }
  }
}

async function importOne(
  wb: Workbench,
  file: string,
  addSources: boolean,
): Promise<Envelope<ImportOutcome>> {
  try {
    if (file.toLowerCase().endsWith('.zip')) {
      // A backup archive is read from disk a file at a time, never whole.
      const { restoreBackupArchive } = await import('../core/index');
      return await restoreBackupArchive(wb, file).then(
        (value): Envelope<ImportOutcome> => ({ ok: true, value }),
        (error: Error) => ({
          ok: false,
          error: { code: 'INVALID_INPUT', message: error.message },
        }),
      );
    }
    const bytes = await readFile(file);
    const fileName = basename(file);
    const mode = addSources ? 'add' : 'fill';
    if (importKindOf(fileName) === 'bibliography') {
      const text = new TextDecoder().decode(bytes);
      const r = await wb.call('documents.importReferences', { fileName, text, mode });
      return r.ok ? { ok: true, value: { fileName, kind: 'references', report: r.value } } : r;
    }
    const result = await wb.call('documents.importBytes', { fileName, data: bytes });
    // A .json that is a CSL-JSON bibliography comes back as a preview: import it as asked.
    if (result.ok && result.value.kind === 'references') {
      const text = new TextDecoder().decode(bytes);
      const r = await wb.call('documents.importReferences', { fileName, text, mode });
      return r.ok ? { ok: true, value: { fileName, kind: 'references', report: r.value } } : r;
    }
    return result;
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `${file} could not be read: ${(error as Error).message}`,
      },
    };
  }
}

export async function importFiles(
  wb: Workbench,
  files: string[],
  args: string[],
  io: Io,
): Promise<number> {
  if (files.length === 0) return fail(io, 'import needs at least one file.');
  let failed = 0;
  for (const file of files) {
    const result = await importOne(wb, file, args.includes('--add-sources'));
    if (result.ok) sayOutcome(file, result.value, io);
    else {
      failed += 1;
      io.err(`✗ ${result.error.message}`);
    }
  }
  io.out(`${files.length - failed} of ${files.length} files imported.`);
  return failed ? 1 : 0;
}

/** The backup with originals: a zip written a file at a time, not a JSON held whole. */
async function exportArchive(wb: Workbench, out: string, io: Io): Promise<number> {
  const { writeBackupArchive } = await import('../core/index');
  try {
    const w = await writeBackupArchive(wb, resolve(out));
    io.out(
      `Wrote ${w.bytes} bytes to ${out}: a backup archive of ${w.documents} documents with ${w.originals} originals and ${w.media} images.`,
    );
    return 0;
  } catch (error) {
    return fail(io, (error as Error).message);
  }
}

export async function exportFile(wb: Workbench, args: string[], io: Io): Promise<number> {
  const word = option(args, '--format') ?? '';
  const out = option(args, '--out');
  if (word === BUNDLE_WORD && out) return exportBundle(wb, out, args, io);
  const format = exportFormatNamed(word);
  if (!format || !out)
    return fail(io, `export needs --format ${EXPORT_FORMAT_WORDS}|${BUNDLE_WORD} and --out FILE.`);
  const style = option(args, '--style');
  const locale = option(args, '--locale');
  const code = option(args, '--code');
  if (style && !(CITATION_STYLE_IDS as readonly string[]).includes(style))
    return fail(io, `--style must be one of ${CITATION_STYLE_IDS.join(', ')}.`);
  if (locale && !(CITATION_LOCALE_IDS as readonly string[]).includes(locale))
    return fail(io, `--locale must be one of ${CITATION_LOCALE_IDS.join(', ')}.`);
  if (args.includes('--with-originals') && format === 'json') return exportArchive(wb, out, io);
  const result = await wb.call('export.create', {
    format,
    ...(style ? { style: style as CitationStyle } : {}),
    ...(locale ? { locale: locale as CitationLocale } : {}),
    ...(code ? { code } : {}),
    ...(args.includes('--with-originals') ? { includeOriginals: true } : {}),
  });
  if (!result.ok) return fail(io, result.error.message);
  const { content, encoding } = result.value;
  const body = encoding === 'base64' ? Buffer.from(content, 'base64') : content;
  const { saveFileDurably } = await import('../core/index');
  await saveFileDurably(resolve(out), body);
  io.out(`Wrote ${Buffer.byteLength(body)} bytes of ${format} to ${out}.`);
  return 0;
}
