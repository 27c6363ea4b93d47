// The command line for batch work, on the same core as the app:
//   import FILE... | export --format FORMAT --out FILE | search "query" | repair | verify
// each with --workspace DIR (import and export are in ./transfer.ts). Prints what a person
// can read; the exit code says whether everything succeeded.
import { CITATION_LOCALE_IDS, CITATION_STYLE_IDS } from '../shared/concepts/citation-styles';
import { EXPORT_FORMAT_WORDS } from '../shared/concepts/export-formats';
import { IMPORT_EXTENSIONS_LABEL } from '../shared/concepts/import-formats';
import { SEARCH_KINDS, type SearchKind } from '../shared/methods/search';
import type { Workbench } from '../core/index';
import { verifyBundleCommand } from './bundle';
import { exportFile, importFiles, option, type Io } from './transfer';
import { runSyncCommand, SYNC_COMMANDS, type SyncCommand } from './sync-commands';

export type { Io };

const USAGE = `Usage: npm run cli -- <command> [options] --workspace DIR

Commands:
  import FILE... [--add-sources]        add ${IMPORT_EXTENSIONS_LABEL} files (.json: restore a backup
                                         or read a CSL-JSON bibliography; .bib, .ris: fill in the
                                         details of the documents they match by DOI or address, and
                                         with --add-sources add the others as sources without text;
                                         .qdpx, .qdc: a REFI-QDA project or codebook; .zip: restore
                                         a backup archive with its originals)
  export --format ${EXPORT_FORMAT_WORDS} --out FILE
         [--style ${CITATION_STYLE_IDS.join('|')}]
         [--locale ${CITATION_LOCALE_IDS.join('|')}] [--code CODE] [--with-originals]
                                         write research notes (cited in that style), a spreadsheet, a
                                         backup, W3C annotations, a bibliography (BibTeX, RIS,
                                         CSL-JSON), a REFI-QDA project or codebook; --code keeps only
                                         highlights with that code or one filed under it;
                                         --with-originals writes the backup as a zip archive with
                                         the original files (up to 4 GiB), read a file at a time
  search "QUERY" [--kind entity|highlight|document|block] [--limit N]
                                         find passages, highlights, entities and documents
  repair                                 fix what the workspace reports as damaged, listing each change
  export --format bundle --out FILE.zip [--reference-originals]
                                         write an evidence bundle: originals, texts, highlights,
                                         notes, the custody log and SHA-256s of every file
  verify --bundle FILE.zip               check an evidence bundle offline (no workspace needed);
                                         names every file that does not match (exit 1)
  verify                                 check every quote against its document's text and every
                                         text against its recorded SHA-256 (exit 1 on a mismatch)

Team sync (the key comes from RW_SYNC_TOKEN or --key-file FILE, never the command line):
  sync-server --port N --data DIR [--host H]  run the team's relay (loopback unless --host)
  share --server ws://HOST:PORT          share this workspace; prints its share id last
  join ID --server ws://HOST:PORT        make a new workspace (--workspace NEWDIR) from a share
  sync [--server URL]                    one round with the relay: send, receive, list conflicts
  conflicts                              the open conflicts as of the last sync
  --folder DIR instead of --server URL   share, join and sync through a shared folder (Syncthing,
                                         a network drive, a USB stick): no relay, no key

Without --workspace, the workbench's default workspace is used.`;

/** Positional arguments: everything that is neither an option nor an option's value. */
function positionals(args: string[]): string[] {
  const valued = new Set([
    '--workspace',
    '--format',
    '--out',
    '--kind',
    '--limit',
    '--style',
    '--locale',
    '--code',
    '--bundle',
  ]);
  return args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
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

export interface CliOptions {
  /**
   * The built import worker (out/server/import-worker.js beside the command line's bundle):
   * files are parsed there, with the same time and memory limits as in the app, so a
   * hostile file cannot hold the command line (and the workspace's lock) for minutes.
   */
  importWorker?: string;
}

export async function runCli(argv: string[], io: Io, options: CliOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || argv.includes('--help')) {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if ((SYNC_COMMANDS as readonly string[]).includes(command))
    return runSyncCommand(command as SyncCommand, rest, io);
  if (!['import', 'export', 'search', 'repair', 'verify'].includes(command))
    return fail(io, `Unknown command "${command}".\n\n${USAGE}`);
  // A bundle is checked on its own: no workspace is opened.
  if (command === 'verify' && argv.includes('--bundle'))
    return verifyBundleCommand(option(argv, '--bundle'), io);
  // The core loads only for a command that needs it: `--help` answers at once.
  const { defaultWorkspaceDir, openWorkbench, workspaceArg } = await import('../core/index');
  const wb = await openWorkbench(workspaceArg(argv) ?? defaultWorkspaceDir(), {
    host: 'command line',
    ...(options.importWorker ? { importWorker: options.importWorker } : {}),
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
    if (command === 'import') return await importFiles(wb, positionals(rest), rest, io);
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
