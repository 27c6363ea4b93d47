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
const RELAY = 'tests/core/sync/relay.test.ts';
const TEAM = 'tests/integration/team-sync.test.ts';

/** name, file, the guard's text, what it becomes without the guard, the pinning tests. */
const MUTATIONS = [
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
  ['slow bodies waited for', 'src/server/http-host.ts', '      requestTimeout,\n', '', [GUARDS]],
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
    'src/shared/model.ts',
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
    'const parsed = SCHEMAS[kind].safeParse(remote);',
    'const parsed = { success: true as const, data: remote, error: undefined as never };',
    [TEAM],
  ],
  [
    'remote links not checked',
    'src/core/sync/remote-records.ts',
    '  checkLinks(tx, plan, hasAnnotation);\n',
    '',
    [TEAM],
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
