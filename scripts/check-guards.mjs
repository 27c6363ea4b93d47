// Removes each security guard in turn and runs the test that pins it: the test must fail
// while the guard is gone, or the guard is not really tested. Every file is restored
// afterwards (also on Ctrl-C). Run by hand (`node scripts/check-guards.mjs [name-filter]`),
// not in CI: it rewrites source files while it runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const GUARDS = 'tests/integration/http-host-guards.test.ts';
const HOST = 'tests/integration/http-host.test.ts';
const HOSTILE = 'tests/integration/hostile-import.test.ts';
const WINDOW = 'tests/unit/electron-window.test.ts';
const MARKDOWN = 'tests/integration/markdown-export.test.ts';
const REFI = 'tests/integration/refi-qda.test.ts';
const CODEBOOK = 'tests/integration/codebook.test.ts';
const BIBLIOGRAPHY = 'tests/integration/bibliography.test.ts';
const BOUNDS = 'tests/integration/annotation-import-bounds.test.ts';
const PLACER = 'tests/integration/annotation-placer.test.ts';
const PARSE = 'tests/integration/hostile-parse.test.ts';
const RELAY = 'tests/core/sync/relay.test.ts';
const TEAM = 'tests/integration/team-sync.test.ts';
const RECORDS = 'tests/core/sync/records.test.ts';
const FOLDER = 'tests/core/workspaces/folder-check.test.ts';
const SWITCHER = 'tests/core/workspaces/switcher.test.ts';
const RECENT = 'tests/core/workspaces/recent-file.test.ts';
const TEAM_UI = 'tests/core/sync/handlers.test.ts';
const CHOOSE = 'tests/core/sync/choose.test.ts';
const TEAM_FOLDER = 'tests/integration/team-folder.test.ts';
const MAIN_UPLOAD = 'tests/unit/electron-restore-upload.test.ts';

/** name, file, the guard's text, what it becomes without the guard, the pinning tests. */
const MUTATIONS = [
  [
    'the preload passes any menu command to the page',
    'src/preload/index.ts',
    '    if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);',
    '    listener(command as MenuCommand);',
    ['tests/unit/electron-preload.test.ts'],
  ],
  [
    'session compared by length only',
    'src/server/sessions.ts',
    'sessions.reduce((found, known) => timingSafeEqual(given, known) || found, false)',
    'sessions.some((known) => known.length === given.length)',
    [GUARDS],
  ],
  ['login code reusable', 'src/server/sessions.ts', '      code = null;\n', '', [HOST]],
  [
    'login code never expires',
    'src/server/sessions.ts',
    'if (!matches || !live()) return null;',
    'if (!matches) return null;',
    [HOST],
  ],
  ['session cookie readable by scripts', 'src/server/security.ts', '; HttpOnly', '', [HOST]],
  [
    'origin port ignored',
    'src/server/security.ts',
    'origin === `http://${host}`',
    "origin.replace(/:\\d+$/, '') === `http://${host.split(':')[0]}`",
    [GUARDS],
  ],
  [
    'host check removed',
    'src/server/http-host.ts',
    "if (!hostAllowed(req, gate)) return send(res, 421, 'Unknown host');",
    '',
    [GUARDS],
  ],
  [
    'event stream open to foreign origins',
    'src/server/http-host.ts',
    'if (!originAllowed(req, gate, false))',
    'if (!originAllowed(req, gate, false) && false)',
    [GUARDS],
  ],
  [
    'content type matched anywhere',
    'src/server/security.ts',
    "const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();\n  return type === 'application/json';",
    "return /application\\/json/.test(req.headers['content-type'] ?? '');",
    [GUARDS],
  ],
  [
    'request target parsed leniently',
    'src/server/http-host.ts',
    'const target = parseTarget(req.url);',
    "const target = parseTarget(new URL(req.url ?? '/', 'http://localhost').pathname);",
    [GUARDS],
  ],
  [
    'internal error text sent to the client',
    'src/server/http-host.ts',
    'return sendEnvelope(res, 500, internalError(envelope.error.message, log));',
    'return sendEnvelope(res, 500, envelope);',
    [GUARDS],
  ],
  [
    'large headers accepted',
    'src/server/http-host.ts',
    'maxHeaderSize: 8 * 1024',
    'maxHeaderSize: 64 * 1024',
    [GUARDS],
  ],
  [
    'slow bodies waited for',
    'src/server/body-deadline.ts',
    '    if (req.complete || res.headersSent) return;\n    expired = true;',
    '    return;',
    [GUARDS],
  ],
  [
    'prototype method names dispatched',
    'src/shared/api.ts',
    'Object.hasOwn(api, name)',
    'name in api',
    [GUARDS],
  ],
  [
    'link regex unanchored',
    'src/shared/text.ts',
    '/^(https?:|mailto:)/i',
    '/(https?:|mailto:)/i',
    [HOSTILE, WINDOW],
  ],
  [
    'imported scripts run',
    'src/core/importers/html.ts',
    "{ url: 'about:blank' }",
    "{ url: 'about:blank', runScripts: 'dangerously' }",
    [HOSTILE],
  ],
  [
    'backup ids may be paths',
    'src/shared/model/primitives.ts',
    '.regex(/^[A-Za-z0-9_-]+$/, \'ids are letters, digits, "_" or "-"\')',
    '',
    [HOSTILE],
  ],
  [
    'IPC from sub-frames',
    'src/main/ipc.ts',
    'frame.parent !== null || ',
    '',
    ['tests/unit/electron-ipc.test.ts'],
  ],
  [
    'IPC from foreign pages',
    'src/main/ipc.ts',
    ' || !isTrustedUrl(frame.url)',
    '',
    ['tests/unit/electron-ipc.test.ts'],
  ],
  [
    'trusted URL ignores the host',
    'src/main/window.ts',
    'actual.host === expected.host &&',
    '',
    [WINDOW, 'tests/unit/electron-ipc.test.ts'],
  ],
  [
    'any dev server address trusted',
    'src/main/window.ts',
    'dev && DEV_SERVER.test(dev)',
    'dev',
    [WINDOW],
  ],
  [
    'navigation allowed',
    'src/main/window.ts',
    "contents.on('will-navigate', (event, url) => {\n    if (!isTrustedUrl(url)) event.preventDefault();",
    "contents.on('will-navigate', (event, url) => {\n    if (!url) event.preventDefault();",
    [WINDOW],
  ],
  [
    'window.open hands any URL to the OS',
    'src/main/window.ts',
    'if (SAFE_HREF.test(url)) void shell.openExternal(url);',
    'void shell.openExternal(url);',
    [WINDOW],
  ],
  ['permissions granted', 'src/main/window.ts', 'callback(false)', 'callback(true)', [WINDOW]],
  ['auxclick enabled', 'src/main/window.ts', "disableBlinkFeatures: 'Auxclick',", '', [WINDOW]],
  [
    'preferences spread from a constant',
    'src/main/window.ts',
    'sandbox: true,',
    '...{ sandbox: true },',
    [WINDOW],
  ],
  [
    'web contents unguarded',
    'src/main/index.ts',
    "app.on('web-contents-created', (_event, contents) => guardWebContents(contents));",
    'void guardWebContents;',
    ['tests/unit/electron-main.test.ts'],
  ],
  [
    'app:// serves backslash paths',
    'src/main/protocol.ts',
    " || decoded.includes('\\\\')",
    '',
    ['tests/unit/electron-protocol.test.ts'],
  ],
  [
    'app:// serves any host',
    'src/main/protocol.ts',
    ' || url.host !== APP_HOST',
    '',
    ['tests/unit/electron-protocol.test.ts'],
  ],
  [
    'payloads not validated',
    'src/core/dispatch.ts',
    'const parsed = api[method].input.safeParse(payload ?? {});',
    'const parsed = { success: true, data: payload ?? {} };',
    ['tests/integration/api-schema-property.test.ts'],
  ],
  [
    'Markdown export leaves third-party text unescaped',
    'src/core/export/markdown-escape.ts',
    '.replace(INLINE, (c) => `\\\\${c}`)',
    '',
    [MARKDOWN],
  ],
  [
    'raw HTML in a note kept by the Markdown export',
    'src/core/export/markdown-escape.ts',
    ".replace(/</g, '&lt;')",
    '',
    [MARKDOWN],
  ],
  [
    'unsafe link in a note kept by the Markdown export',
    'src/core/export/markdown-escape.ts',
    "SAFE_LINK.test(all.slice(at + 2)) ? match : '\\\\]('",
    'match',
    [MARKDOWN],
  ],
  [
    'REFI-QDA XML may declare a DTD',
    'src/core/importers/interchange/read-qde.ts',
    'if (/<!DOCTYPE|<!ENTITY/i.test(xml))',
    'if (false)',
    [REFI],
  ],
  [
    'a kind colour is not checked before it reaches CSS',
    'src/shared/model/codebook.ts',
    ".regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #RRGGBB')",
    '',
    [CODEBOOK],
  ],
  [
    'REFI-QDA archive unpacked past the import cap',
    'src/core/importers/interchange/read-qdpx.ts',
    'if (file.originalSize > MAX_IMPORT_BYTES || total > MAX_IMPORT_BYTES)',
    'if (false)',
    [REFI],
  ],
  [
    'BibTeX export leaves LaTeX specials unescaped',
    'src/core/export/bibliography.ts',
    "if (typeof value === 'string') return latexText(value);",
    '',
    [BIBLIOGRAPHY],
  ],
  [
    'two Host headers answered',
    'src/server/http-host.ts',
    "if (!oneHost(req)) return send(res, 400, 'A request names exactly one Host');",
    '',
    [GUARDS],
  ],
  [
    'a tossed cookie signs the user out',
    'src/server/security.ts',
    'return values.some((value) => gate.sessions.valid(value));',
    'return values.length === 1 && gate.sessions.valid(values[0]!);',
    [GUARDS],
  ],
  [
    'malformed %-escape in a W3C address fails inside',
    'src/core/annotations/interchange/read-w3c.ts',
    '  } catch {\n    return undefined;\n  }',
    '  } catch (error) {\n    throw error;\n  }',
    [GUARDS],
  ],
  [
    'ids may be prototype names',
    'src/shared/model/primitives.ts',
    '.refine((id) => !PROTOTYPE_NAMES.has(id), {',
    '.refine((id) => id !== undefined, {',
    [HOSTILE],
  ],
  [
    'manifest ids may be prototype names',
    'src/shared/model/primitives.ts',
    '  !PROTOTYPE_NAMES.has(value);',
    '  value !== undefined;',
    ['tests/core/store/manifest.test.ts'],
  ],
  [
    'cytoscape keyed by entity id',
    'src/renderer/src/lib/cooccurrence-graph.ts',
    'const named = nodes.map((n, i) => ({ n, id: `n${i}` }));',
    'const named = nodes.map((n) => ({ n, id: n.id }));',
    ['tests/renderer/lib/cooccurrence-graph.test.ts'],
  ],
  [
    'a failing view blanks the window',
    'src/renderer/src/features/shell/ErrorBoundary.tsx',
    'return { error: error instanceof Error ? error : new Error(String(error)) };',
    'return { error: null };',
    ['tests/renderer/app.test.ts'],
  ],
  [
    'direction overrides kept in names',
    'src/shared/bidi.ts',
    "return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '')",
    "return text.replace(CONTROLS, '')",
    ['tests/integration/bidi.test.ts'],
  ],
  [
    'XML-forbidden characters written to the SVG',
    'src/shared/bidi.ts',
    "return text.replace(NOT_XML, '').replace(",
    'return text.replace(',
    ['tests/renderer/lib/cooccurrence-export.test.ts'],
  ],
  [
    'right-to-left names not isolated in exports',
    'src/shared/bidi.ts',
    'return RTL.test(clean) ? `${FSI}${clean}${PDI}` : clean;',
    'return clean;',
    ['tests/integration/bidi.test.ts', 'tests/renderer/lib/cooccurrence-export.test.ts'],
  ],
  [
    'names written into the SVG as markup',
    'src/shared/bidi.ts',
    '.replace(/[<>&"\']/g, (c) => `&#${c.charCodeAt(0)};`);',
    ';',
    ['tests/renderer/lib/cooccurrence-export.test.ts'],
  ],
  [
    'CSV cells starting with - or NUL left live',
    'src/shared/csv.ts',
    'export const FORMULA_START = /^[=+\\-@\\t\\r\\n\\0]/;',
    'export const FORMULA_START = /^[=+@\\t\\r]|^-[\\d(]/;',
    ['tests/unit/csv.test.ts', 'tests/renderer/lib/cooccurrence-export.test.ts'],
  ],
  [
    'repeated annotations anchored again',
    'src/core/annotations/interchange/plan-import.ts',
    '    seen.set(key, a.index);\n',
    '',
    [BOUNDS],
  ],
  [
    'long quotes matched approximately',
    'src/core/annotations/interchange/place.ts',
    'if (length > ANNOTATION_IMPORT_LIMITS.fuzzyQuote) {',
    'if (length > Infinity) {',
    [BOUNDS],
  ],
  [
    'annotations over budget dropped',
    'src/core/annotations/interchange/import-annotations.ts',
    '    if (!task || !p) return item;\n',
    "    if (!task || !p || p.status === 'over-budget') return item;\n",
    [BOUNDS],
  ],
  [
    'import stored against a changed text',
    'src/core/annotations/interchange/import-annotations.ts',
    '    if (document.revision !== revision) throw new StaleDocument(document.title);\n',
    '',
    [BOUNDS],
  ],
  [
    'one annotation may run forever',
    'src/core/annotations/interchange/placer.ts',
    'watchdog = setTimeout(skip, job.budget.perAnnotationMs);',
    'watchdog = undefined;',
    [PLACER],
  ],
  [
    'an import may run forever',
    'src/core/annotations/interchange/placer.ts',
    '      }, job.budget.importMs);',
    '      }, job.budget.importMs * 1000);',
    [PLACER],
  ],
  [
    'approximate matching on the serving thread runs past its budget',
    'src/core/annotations/interchange/placer.ts',
    '        if (now() >= stop) break;\n',
    '',
    [PLACER],
  ],
  [
    'the serving thread held through one approximate match',
    'src/core/annotations/interchange/placer.ts',
    '        if (now() >= stop) break;\n        await turn();\n',
    '        if (now() >= stop) break;\n',
    [PLACER],
  ],
  [
    'approximate matching in one piece',
    'src/shared/anchoring/fuzzy-match.ts',
    '    yield;\n    for (const m of searchWindow(f.text, ctx.quote, at - margin, at + len + margin, maxErrors)) {\n      yield;\n',
    '    for (const m of searchWindow(f.text, ctx.quote, at - margin, at + len + margin, maxErrors)) {\n',
    [PLACER],
  ],
  [
    'cancel ignored',
    'src/core/annotations/interchange/placer.ts',
    "      job.signal.addEventListener('abort', onAbort);\n",
    '',
    [PLACER],
  ],
  [
    'command line parses on its own thread',
    'src/cli/run.ts',
    '    ...(options.importWorker ? { importWorker: options.importWorker } : {}),\n',
    '',
    [PARSE],
  ],
  [
    'PDF streams not measured',
    'src/core/importers/pdf.ts',
    '  checkPdf(bytes, fileName);\n',
    '',
    [PARSE],
  ],
  [
    'PDF pages unlimited',
    'src/core/importers/pdf.ts',
    'if (pdf.numPages > MAX_PDF_PAGES)',
    'if (pdf.numPages > Infinity)',
    [PARSE],
  ],
  [
    'graphics states nested without limit',
    'src/core/importers/pdf-check.ts',
    'if (depth > MAX_NESTING)',
    'if (depth > Infinity)',
    [PARSE],
  ],
  [
    'running heads count as text',
    'src/core/importers/pdf.ts',
    'if (!kept.some((p) => p.lines.length))',
    'if (!pages.some((p) => p.lines.length))',
    [PARSE],
  ],
  [
    'Word parts not measured',
    'src/core/importers/docx.ts',
    '  checkDocx(bytes, fileName);\n',
    '',
    [PARSE],
  ],
  [
    'documents of any length',
    'src/core/importers/index.ts',
    'if (content.text.length > MAX_DOCUMENT_CHARS)',
    'if (content.text.length > Infinity)',
    [PARSE],
  ],
  [
    'import worker heap unlimited',
    'src/core/importers/limited-worker.ts',
    'resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, stackSizeMb: 8 },',
    'resourceLimits: { stackSizeMb: 8 },',
    [PARSE],
  ],
  [
    'host memory not watched',
    'src/core/importers/limited-worker.ts',
    'if (process.memoryUsage.rss() - start <= limits.growthMb * MB) return;',
    'return;',
    [PARSE],
  ],
  [
    'five minutes for any file',
    'src/core/importers/limits.ts',
    'return Math.min(5 * 60_000, 8_000 + ',
    'return 5 * 60_000 || (8_000 + ',
    [PARSE],
  ],
  [
    'backup restored unchecked',
    'src/core/documents/import-files.ts',
    '  if (problems.length)\n',
    '  if (problems.length && false)\n',
    ['tests/integration/restore-checks.test.ts'],
  ],
  [
    'kept original served without its hash check',
    'src/core/originals/kept-files.ts',
    'if (actual !== sha256)\n',
    'if (false)\n',
    ['tests/integration/evidence-originals.test.ts'],
  ],
  [
    'backup restores a carried original without checking its hash',
    'src/core/export/backup-originals.ts',
    'if (sha256Hex(bytes) !== copy.sha256)\n',
    'if (false)\n',
    ['tests/integration/backup-originals.test.ts'],
  ],
  [
    'backup archive keeps an original without checking its hash',
    'src/core/documents/restore-archive.ts',
    'if (!problem && actual !== sha256)\n',
    'if (false)\n',
    ['tests/integration/backup-archive.test.ts'],
  ],
  [
    'custody line hashed in slices skips a character',
    'src/core/store/custody-entry.ts',
    '    at = end;\n',
    '    at = end + 1;\n',
    ['tests/core/store/custody-entry.test.ts'],
  ],
  [
    'original web page keeps tags off the allow-list',
    'src/core/originals/web-page.ts',
    'if (!isPageTag(tag)) return children;',
    '',
    ['tests/integration/original-page.test.ts'],
  ],
  [
    'original page tree rendered without its tag check',
    'src/renderer/src/lib/page-elements.ts',
    'if (!isPageTag(node.tag)) return null;',
    '',
    ['tests/renderer/page-elements.test.ts'],
  ],
  [
    'original page links any address',
    'src/renderer/src/lib/page-elements.ts',
    'node.href && SAFE_HREF.test(node.href)',
    'node.href',
    ['tests/renderer/page-elements.test.ts'],
  ],
  [
    'original page loads any image',
    'src/renderer/src/lib/page-elements.ts',
    'node.src && SAFE_IMAGE_SRC.test(node.src)',
    'node.src',
    ['tests/renderer/page-elements.test.ts'],
  ],
  [
    'bundle file hashes not compared',
    'src/core/evidence/verify-bundle.ts',
    'if (actual === expected) continue;',
    'continue;',
    ['tests/integration/evidence-bundle.test.ts'],
  ],
  [
    'bundle original not checked against its import',
    'src/core/evidence/verify-bundle.ts',
    'if (actual !== doc.contentHash)',
    'if (false)',
    ['tests/integration/evidence-bundle.test.ts'],
  ],
  [
    'RunAsNode fuse left on',
    'electron-builder.json',
    '"runAsNode": false',
    '"runAsNode": true',
    ['tests/unit/packaging-config.test.ts'],
  ],
  [
    'relay key check removed',
    'src/core/sync/relay.ts',
    'if (!keyMatches(bearerKey(req.headers.authorization), options.key)) {',
    'if (false) {',
    [RELAY],
  ],
  [
    'relay key compared by prefix',
    'src/core/sync/team-key.ts',
    'return presented !== undefined && ok;',
    'return presented !== undefined && expected.startsWith(presented);',
    [RELAY],
  ],
  [
    'remote records not checked against the schema',
    'src/core/sync/remote-records.ts',
    'const parsed = SYNCED_SCHEMAS[kind].safeParse(remote);',
    'const parsed = { success: true as const, data: remote, error: undefined as never };',
    [TEAM, RECORDS],
  ],
  [
    'a chosen conflict value written though it breaks the record’s rules',
    'src/core/sync/choose-value.ts',
    '    if (refused)\n',
    '    if (refused && false)\n',
    [CHOOSE],
  ],
  [
    'remote links not checked',
    'src/core/sync/remote-records.ts',
    '  checkRules(tx, plan, doc, ctx);\n',
    '',
    [TEAM],
  ],
  [
    'remote record filed under another id',
    'src/core/sync/remote-records.ts',
    '} else if ((value as { id: string }).id !== id) {',
    '} else if (false) {',
    [TEAM],
  ],
  [
    'remote highlight not checked against its text',
    'src/core/sync/remote-rules.ts',
    '    if (findings.length)\n      return (\n        refuse(',
    '    if (findings.length && false)\n      return (\n        refuse(',
    [RECORDS],
  ],
  [
    'remote highlight on no document here',
    'src/core/sync/remote-rules.ts',
    'if (!hasDocument(h.documentId)) {',
    'if (false) {',
    [RECORDS],
  ],
  [
    'remote document not checked by the integrity rules',
    'src/core/sync/remote-rules.ts',
    "return findings.length ? refuse('documents', d.id, findings[0]!.reason) : true;",
    'return true;',
    [RECORDS],
  ],
  [
    'blob read back without checking its name',
    'src/core/sync/blob-store.ts',
    '      return checked(sha256, new Uint8Array(await readFile(join(this.dir, named(sha256)))));',
    '      return new Uint8Array(await readFile(join(this.dir, named(sha256))));',
    [RECORDS],
  ],
  [
    'relay blob taken under a name its bytes do not hash to',
    'src/core/sync/relay-blobs.ts',
    "if (hash.digest('hex') !== sha256) {",
    "if (hash.digest('hex') === 'x') {",
    [RELAY],
  ],
  [
    'relay blob key check removed',
    'src/core/sync/relay-blobs.ts',
    'if (!keyMatches(bearerKey(req.headers.authorization), key)) {',
    'if (false) {',
    [RELAY],
  ],
  [
    'relay blob check takes any number of names',
    'src/core/sync/relay-blobs.ts',
    '  if (blobs.length > MAX_MISSING_QUERY)',
    '  if (false)',
    [RELAY],
  ],
  [
    'relay blob check takes a name that is not a SHA-256',
    'src/core/sync/relay-blobs.ts',
    '  if (bad >= 0) return',
    '  if (false) return',
    [RELAY],
  ],
  [
    'relay blob check reads a body of any size',
    'src/core/sync/relay-blobs.ts',
    '    if (size > MAX_MISSING_BODY) {',
    '    if (false) {',
    [RELAY],
  ],
  [
    'typed workspace path not required to be absolute',
    'src/core/workspaces/folder-check.ts',
    'if (!isAbsolute(typed)) {',
    'if (false) {',
    [FOLDER, 'tests/integration/http-host-workspaces.test.ts'],
  ],
  [
    'a file opened as a workspace folder',
    'src/core/workspaces/folder-check.ts',
    'if (!(await stat(real)).isDirectory()) {',
    'if (false) {',
    [FOLDER],
  ],
  [
    'a workspace created over a folder that holds other things',
    'src/core/workspaces/folder-check.ts',
    "if (mode === 'create' && names.length > 0) {",
    'if (false) {',
    [FOLDER],
  ],
  [
    'desktop window names an unlisted folder',
    'src/core/workspaces/switcher.ts',
    "} else if (choose !== 'path' && !(await this.isListed(dir))) {",
    '} else if (false) {',
    [SWITCHER],
  ],
  [
    'recent list read loosely',
    'src/core/workspaces/recent-file.ts',
    'const RecentFile = z.strictObject({',
    'const RecentFile = z.object({',
    [RECENT],
  ],
  [
    'team relay address not checked',
    'src/shared/methods/sync.ts',
    "if (url.protocol !== 'ws:' && url.protocol !== 'wss:')",
    'if (false)',
    [TEAM_UI],
  ],
  [
    'team relay address may hold credentials',
    'src/shared/methods/sync.ts',
    'if (url.username || url.password)',
    'if (false)',
    [TEAM_UI],
  ],
  [
    'short team key accepted from the window',
    'src/shared/methods/sync.ts',
    '.min(TEAM_KEY_MIN, ',
    '.min(1, ',
    [TEAM_UI],
  ],
  [
    'team key file readable by others',
    'src/core/sync/live-sync.ts',
    '  await writeFile(file, `${key}\\n`, { mode: 0o600 });\n  await chmod(file, 0o600); // an older file keeps its mode on overwrite\n',
    '  await writeFile(file, `${key}\\n`);\n',
    [TEAM_UI],
  ],
  [
    'team join gives away records of its own',
    'src/core/sync/team-sharing.ts',
    'if (ws.entities.length || ws.notes.length)',
    'if (false)',
    [TEAM_UI],
  ],
  [
    'team conflict choice written when stale',
    'src/core/sync/live-sync.ts',
    'if (!chosen || valueText(chosen.value) !== input.expected)',
    'if (!chosen)',
    [TEAM_UI],
  ],
  [
    'folder: a file not grown from the genesis merged',
    'src/core/sync/genesis-check.ts',
    '  if (!A.hasHeads(doc, GENESIS_HEADS))\n',
    '  if (false)\n',
    [TEAM_FOLDER],
  ],
  [
    "folder: a member's file replacing a map merged",
    'src/core/sync/genesis-check.ts',
    'if (A.getConflicts(doc, key) || A.getObjectId(doc[key]) !== ROOT_IDS.get(key))',
    'if (false)',
    [TEAM_FOLDER, 'tests/core/sync/damaged-doc.test.ts'],
  ],
  [
    'a replaced map applied as every record removed',
    'src/core/sync/replicator.ts',
    '    if (damaged)\n      throw',
    '    if (false)\n      throw',
    ['tests/core/sync/damaged-doc.test.ts'],
  ],
  [
    'folder: links followed',
    'src/core/sync/folder-link.ts',
    'if (!info?.isFile()) continue;',
    'if (!info) continue;',
    [TEAM_FOLDER],
  ],
  [
    'folder: no size limit',
    'src/core/sync/folder-link.ts',
    'if (info.size > MAX_REPLICA_BYTES) {',
    'if (false) {',
    [TEAM_FOLDER],
  ],
  [
    'folder blobs: links followed',
    'src/core/sync/blob-store.ts',
    'if (!info.isFile()) throw',
    'if (false) throw',
    ['tests/core/sync/folder-blobs.test.ts'],
  ],
  [
    'folder blobs: no size limit',
    'src/core/sync/blob-store.ts',
    'if (info.size > MAX_BLOB_BYTES) throw',
    'if (false) throw',
    ['tests/core/sync/folder-blobs.test.ts'],
  ],
  [
    'folder: a missing folder taken as empty',
    'src/cli/sync-commands.ts',
    'if (!info?.isDirectory())',
    'if (false)',
    [TEAM_FOLDER],
  ],
  [
    'an entity delete rewrites a highlights file changed since the store checked it',
    'src/core/store/highlights-only.ts',
    '  if (!stamp || onDisk.some((v, i) => v !== stamp[i])) return undefined;',
    '  if (!stamp) return undefined;',
    ['tests/core/store/highlights-only.test.ts', 'tests/unit/highlights-only.test.ts'],
  ],
  [
    'backup archive: main takes a path from the page (save and restore share the check)',
    'src/main/backup-archive.ts',
    '      if (!BackupArchiveInput.safeParse(payload).success) return refusedInput(refusal);',
    '      if (!BackupArchiveInput.safeParse(undefined).success) return refusedInput(refusal);',
    ['tests/unit/electron-backup-archive.test.ts'],
  ],
  [
    'backup archive: main answers any frame (save and restore share the check)',
    'src/main/backup-archive.ts',
    '      if (foreign) return foreign;\n',
    '',
    ['tests/unit/electron-backup-archive.test.ts'],
  ],
  [
    'backup archive: the browser host takes input',
    'src/server/http-host.ts',
    '      if (!BackupArchiveInput.safeParse(payload).success)',
    '      if (!BackupArchiveInput.safeParse({}).success)',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'backup archive: downloaded from another origin',
    'src/server/http-host.ts',
    "      if (!originAllowed(req, gate, false))\n        return refuse(res, 403, 'Cross-origin request refused.');\n      if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');\n      const ticket",
    "      if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');\n      const ticket",
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'backup archive: downloaded without a session',
    'src/server/http-host.ts',
    "      if (!sessionValid(req, gate)) return refuse(res, 401, 'Not signed in.');\n      const ticket",
    '      const ticket',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'backup archive: downloaded twice',
    'src/server/backup-download.ts',
    '      pending = null;\n      clearTimeout(p.timer);',
    '      clearTimeout(p.timer);',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'restore archive: the browser host takes a form-sendable type',
    'src/server/restore-upload.ts',
    '  if (!isZip(req))\n    return refuse(',
    '  if (false)\n    return refuse(',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'restore archive: the uploaded name may hold a folder',
    'src/shared/backup-archive.ts',
    "    .regex(/^[^/\\\\\\p{Cc}]+\\.zip$/iu, 'must be a file name ending in .zip, with no folder'),\n",
    '',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'restore archive: a stalled upload keeps its socket and temp file',
    'src/server/restore-upload.ts',
    '        refuse(req, res, 408, stalledMessage(query.data.fileName, size, idleMs));\n',
    '',
    ['tests/integration/http-restore-idle.test.ts'],
  ],
  [
    'restore archive: a slow upload is cut by the 30 s deadline of other requests',
    'src/server/http-host.ts',
    '      deadline.cancel();\n',
    '',
    ['tests/integration/http-restore-idle.test.ts'],
  ],
  [
    'restore upload (desktop): main answers any frame',
    'src/main/restore-upload.ts',
    '      if (foreign) return foreign;\n',
    '',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): parts taken out of order or twice at once',
    'src/main/restore-upload.ts',
    'if (which.busy || offset !== which.received)',
    'if (false)',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): more bytes than declared',
    'src/main/restore-upload.ts',
    '    if (offset + data.byteLength > which.size) {',
    '    if (false) {',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): a cut-short file restored',
    'src/main/restore-upload.ts',
    '    if (which.busy || which.received !== which.size) {',
    '    if (false) {',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): a silent upload kept',
    'src/main/restore-upload.ts',
    'setTimeout(() => void drop(which), idleMs)',
    'setTimeout(() => undefined, idleMs)',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): a new upload keeps the last one on disk',
    'src/main/restore-upload.ts',
    '    await drop(upload);\n    const folder',
    '    const folder',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): a stale id takes the upload under way',
    'src/main/restore-upload.ts',
    'const which = upload?.id === s.id ? upload : null;',
    'const which = upload;',
    [MAIN_UPLOAD],
  ],
  [
    'restore upload (desktop): the preload copies any part to main',
    'src/preload/index.ts',
    '    data !== undefined &&',
    '    false &&',
    ['tests/unit/electron-preload.test.ts'],
  ],
  [
    'restore archive: no size limit on the upload',
    'src/server/restore-upload.ts',
    '): Promise<Envelope<RestoredArchive> | null> {\n',
    '): Promise<Envelope<RestoredArchive> | null> {\n  limit = Infinity;\n',
    ['tests/integration/http-upload.test.ts'],
  ],
  [
    'record screen trusts a file changed since it was vouched for',
    'src/core/store/record-screen.ts',
    ' || stats.size !== stamp[0] || stats.mtimeMs !== stamp[1]',
    '',
    ['tests/core/store/record-screen.test.ts'],
  ],
  [
    'record screen follows a symbolic link',
    'src/core/store/record-screen.ts',
    ' | (constants.O_NOFOLLOW ?? 0)',
    '',
    ['tests/core/store/record-screen.test.ts'],
  ],
  [
    'record file test blind to bytes past ASCII',
    'src/core/mentions/raw-filter.ts',
    '    !isAscii(bytes) ||\n',
    '',
    ['tests/unit/raw-filter.test.ts'],
  ],
  [
    'record file test blind to \\u escapes',
    'src/core/mentions/raw-filter.ts',
    "    bytes.includes('\\\\u') ||\n",
    '',
    ['tests/unit/raw-filter.test.ts'],
  ],
  [
    'record file test blind to escaped white space',
    'src/core/mentions/raw-filter.ts',
    '|\\\\\\\\[nrtbf])+',
    ')+',
    ['tests/unit/raw-filter.test.ts'],
  ],
  [
    'record file test of a name JSON may escape',
    'src/core/mentions/raw-filter.ts',
    ' || matcher.literals.some((l) => /["\\\\/]/.test(l))',
    '',
    ['tests/unit/raw-filter.test.ts'],
  ],
];

const filter = process.argv[2];
const originals = new Map();
const restore = () => {
  for (const [file, text] of originals) writeFileSync(file, text);
  originals.clear();
};
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

let failures = 0;
for (const [name, file, guard, without, tests] of MUTATIONS) {
  if (filter && !name.includes(filter)) continue;
  const path = `${root}${file}`;
  const text = readFileSync(path, 'utf8');
  if (text.split(guard).length !== 2) {
    console.log(`?  ${name}: the guard text is not in ${file} exactly once`);
    failures++;
    continue;
  }
  originals.set(path, text);
  writeFileSync(path, text.replace(guard, without));
  try {
    const run = spawnSync('npx', ['vitest', 'run', '--no-color', ...tests], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // A failing assertion, not a build error, is what shows the guard is tested.
    const output = run.stdout + run.stderr;
    const caught = run.status !== 0 && /Tests\s+\d+ failed/.test(output);
    if (!caught) failures++;
    console.log(`${caught ? 'ok' : 'MISSED'} ${name} (${tests.join(', ')})`);
  } finally {
    restore();
  }
}
process.exit(failures ? 1 : 0);
