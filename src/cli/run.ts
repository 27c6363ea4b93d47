// The command line for batch work, on the same core as the app:
//   import FILE... | export --format md|csv|json|w3c --out FILE | search "query" | repair |
//   verify
// each with --workspace DIR. Prints what a person can read; the exit code says whether
// everything succeeded.
import { EXPORT_FORMAT_WORDS, exportFormatNamed } from '../shared/concepts/export-formats';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Envelope } from '../shared/api';
import { IMPORT_EXTENSIONS_LABEL } from '../shared/concepts/import-formats';
import { SEARCH_KINDS, type SearchKind } from '../shared/methods/search';
import type { Workbench } from '../core/index';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: npm run cli -- <command> [options] --workspace DIR

Commands:
  import FILE...                         add ${IMPORT_EXTENSIONS_LABEL} files (.json: restore a backup)
  export --format ${EXPORT_FORMAT_WORDS} --out FILE
                                         write research notes, a spreadsheet, a backup or W3C annotations
  search "QUERY" [--kind entity|highlight|document|block] [--limit N]
                                         find passages, highlights, entities and documents
  repair                                 fix what the workspace reports as damaged, listing each change
  verify                                 check every quote against its document's text and every
                                         text against its recorded SHA-256 (exit 1 on a mismatch)

Without --workspace, the workbench's default workspace is used.`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Positional arguments: everything that is neither an option nor an option's value. */
function positionals(args: string[]): string[] {
  const valued = new Set(['--workspace', '--format', '--out', '--kind', '--limit']);
  return args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
}

async function importFiles(wb: Workbench, files: string[], io: Io): Promise<number> {
  if (files.length === 0) return fail(io, 'import needs at least one file.');
  let failed = 0;
  for (const file of files) {
    let result: Envelope<unknown>;
    try {
      const bytes = await readFile(file);
      result = await wb.call('documents.importBytes', { fileName: basename(file), data: bytes });
    } catch (error) {
      result = {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `${file} could not be read: ${(error as Error).message}`,
        },
      };
    }
    if (result.ok) {
      const value = result.value as {
        kind: string;
        title?: string;
        documents?: number;
        entities?: number;
        highlights?: number;
      };
      const said: Record<string, string> = {
        backup: `✓ ${file}: restored ${value.documents} documents, ${value.entities} entities, ${value.highlights} highlights`,
        duplicate: `= ${file}: already in this workspace as “${value.title}” (identical content); nothing added`,
        match: `? ${file}: looks like a newer version of “${value.title}”; nothing added (open the workbench to update it or add it as a new document)`,
      };
      io.out(said[value.kind] ?? `✓ ${file}: added “${value.title}”`);
    } else {
      failed += 1;
      io.err(`✗ ${result.error.message}`);
    }
  }
  io.out(`${files.length - failed} of ${files.length} files imported.`);
  return failed ? 1 : 0;
}

async function exportFile(wb: Workbench, args: string[], io: Io): Promise<number> {
  const format = exportFormatNamed(option(args, '--format') ?? '');
  const out = option(args, '--out');
  if (!format || !out)
    return fail(io, `export needs --format ${EXPORT_FORMAT_WORDS} and --out FILE.`);
  const result = await wb.call('export.create', { format });
  if (!result.ok) return fail(io, result.error.message);
  const { saveFileDurably } = await import('../core/index');
  await saveFileDurably(resolve(out), result.value.content);
  io.out(`Wrote ${Buffer.byteLength(result.value.content)} bytes of ${format} to ${out}.`);
  return 0;
}

async function search(wb: Workbench, args: string[], io: Io): Promise<number> {
  const query = positionals(args).join(' ');
  const kind = option(args, '--kind');
  if (kind && !SEARCH_KINDS.includes(kind as SearchKind))
    return fail(io, `--kind must be one of ${SEARCH_KINDS.join(', ')}.`);
  const limit = Number(option(args, '--limit') ?? 20);
  const result = await wb.dispatch('search.query', {
    query,
    limit,
    ...(kind ? { kinds: [kind] } : {}),
  });
  if (!result.ok) return fail(io, result.error.message);
  const { hits, total } = result.value as {
    hits: {
      kind: string;
      title: string;
      documentTitle?: string;
      snippet: { text: string; match: boolean }[];
    }[];
    total: number;
  };
  for (const hit of hits) {
    const snippet = hit.snippet.map((p) => (p.match ? `«${p.text}»` : p.text)).join('');
    const where = hit.documentTitle && hit.kind !== 'document' ? ` (${hit.documentTitle})` : '';
    io.out(`[${hit.kind}] ${snippet}${where}`);
  }
  io.out(hits.length ? `${hits.length} of ${total} results.` : `No results for “${query}”.`);
  return 0;
}

function fail(io: Io, message: string): number {
  io.err(message);
  return 1;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || argv.includes('--help')) {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if (!['import', 'export', 'search', 'repair', 'verify'].includes(command))
    return fail(io, `Unknown command "${command}".\n\n${USAGE}`);
  // The core loads only for a command that needs it: `--help` answers at once.
  const { defaultWorkspaceDir, openWorkbench, workspaceArg } = await import('../core/index');
  const wb = await openWorkbench(workspaceArg(argv) ?? defaultWorkspaceDir(), {
    host: 'command line',
  });
  try {
    const info = await wb.call('workspace.info', {});
    if (!info.ok) return fail(io, info.error.message);
    // verify reports damaged files itself, as mismatches.
    if (command !== 'verify')
      for (const p of info.value.problems)
        io.err(
          `! ${p.file}${p.record ? ` ${p.record}` : ''}: ${p.reason} (left untouched; repair: ${p.repair})`,
        );
    const writes = command === 'import' || command === 'repair';
    if (writes && info.value.readOnly)
      return fail(
        io,
        `${info.value.readOnlyReason ?? 'The workspace is read-only.'} Nothing was changed.`,
      );
    if (command === 'import') return await importFiles(wb, positionals(rest), io);
    if (command === 'export') return await exportFile(wb, rest, io);
    if (command === 'repair') return await repair(wb, io);
    if (command === 'verify') return await verify(wb, io);
    return await search(wb, rest, io);
  } finally {
    await wb.close();
  }
}

async function repair(wb: Workbench, io: Io): Promise<number> {
  const result = await wb.call('workspace.repair', {});
  if (!result.ok) return fail(io, result.error.message);
  for (const line of result.value.changes) io.out(`✓ ${line}`);
  for (const p of result.value.remaining) io.err(`✗ ${p.file}: ${p.reason} (not repaired)`);
  io.out(
    result.value.changes.length
      ? `${result.value.changes.length} changes made.`
      : 'Nothing needed repair.',
  );
  return result.value.remaining.length ? 1 : 0;
}

async function verify(wb: Workbench, io: Io): Promise<number> {
  const result = await wb.call('workspace.verify', {});
  if (!result.ok) return fail(io, result.error.message);
  const r = result.value;
  for (const m of r.mismatches) {
    const doc = m.documentTitle
      ? `“${m.documentTitle}” (${m.documentId})`
      : (m.documentId ?? m.file);
    const highlight = m.annotationId ? `, highlight ${m.annotationId}` : '';
    io.err(`✗ ${doc}${highlight} [${m.file}]: ${m.reason}`);
  }
  const unhashed = r.unhashed ? `; ${r.unhashed} without a recorded text hash (not checked)` : '';
  io.out(
    `${r.documents} documents, ${r.highlights} highlights: ${r.confirmed} quotes confirmed, ` +
      `${r.unconfirmed} fuzzy or orphaned (to review)${unhashed}; custody log: ${r.custodyLines} lines; ` +
      `${r.mismatches.length} mismatches.`,
  );
  return r.mismatches.length ? 1 : 0;
}
