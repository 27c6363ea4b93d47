// The licences screen's data, read from package metadata when the renderer is built: every
// package the app ships (package-lock.json's entries that are not only for development,
// plus Electron, the desktop app's runtime), each with the name, version and licence its
// own package.json gives, and the lock's licence when that file says none. Served to the
// window as the module `virtual:licences` (licencesPlugin), so the list is always the one
// this build was made from, and loaded only when the screen opens. A copyleft package also
// carries its own licence file's text (`notice`: its copyright and terms, as it ships
// them), shown on the screen and written into NOTICE by `npm run notice` (writeNotice), so
// neither is ever typed by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LICENCES_MODULE = 'virtual:licences';
const RESOLVED = `\0${LICENCES_MODULE}`;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The licence a package.json states: `license`, or the old `licenses` list. */
function statedLicence(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses))
    return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return undefined;
}

/**
 * Licences whose package's own notice is carried (the same families as the licences
 * screen's COPYLEFT in src/renderer/src/lib/licences.ts, which decides what they ask).
 */
const CARRIES_NOTICE = /\b(A?GPL|LGPL|CPAL|EPL|CDDL|SSPL|OSL|EUPL|CC-BY-SA)/i;
const LICENCE_FILES = ['LICENSE', 'LICENCE', 'LICENSE.md', 'LICENSE.txt', 'COPYING'];

/** The package's own licence file, as it ships it (tabs as spaces, ends trimmed). */
function licenceFile(dir) {
  const file = LICENCE_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) return undefined;
  const lines = readFileSync(file, 'utf8').replace(/\t/g, '    ').split(/\r?\n/);
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The shipped packages under `root`, sorted by name: `{ name, version, licence }`, with
 * `licence` "not stated" where neither the package nor the lock names one.
 */
export function collectLicences(root) {
  const lock = readJson(join(root, 'package-lock.json'));
  const seen = new Map();
  const add = (path, entry, forced = false) => {
    if (!path || (entry.dev && !forced)) return;
    const file = join(root, path, 'package.json');
    const pkg = existsSync(file) ? readJson(file) : {};
    const name = pkg.name ?? entry.name ?? path.split('node_modules/').at(-1);
    const version = pkg.version ?? entry.version ?? '';
    const licence = statedLicence(pkg) ?? entry.license ?? 'not stated';
    const notice = CARRIES_NOTICE.test(licence) ? licenceFile(join(root, path)) : undefined;
    seen.set(`${name}@${version}`, { name, version, licence, ...(notice ? { notice } : {}) });
  };
  for (const [path, entry] of Object.entries(lock.packages ?? {})) add(path, entry);
  // The desktop app runs on Electron (Chromium and Node), which it ships whole.
  const electron = lock.packages?.['node_modules/electron'];
  if (electron) add('node_modules/electron', electron, true);
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/** Where NOTICE's hand-written part ends and the packages' own notices begin. */
export const NOTICE_MARK =
  '--- The licence files of the copyleft packages above, as they ship them (written by npm run notice) ---';

/** NOTICE as it must read: its hand-written part, then each carried package's notice. */
export function noticeText(root) {
  const current = readFileSync(join(root, 'NOTICE'), 'utf8');
  const at = current.indexOf(NOTICE_MARK);
  const head = (at < 0 ? `${current.trimEnd()}\n\n` : current.slice(0, at)) + NOTICE_MARK;
  const carried = collectLicences(root).filter((p) => p.notice);
  const indent = (text) =>
    text
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n');
  return `${head}\n${carried.map((p) => `\n${p.name} ${p.version}:\n${indent(p.notice)}\n`).join('')}`;
}

/** Rewrites NOTICE from the installed packages (`npm run notice`, and before `dist`). */
export function writeNotice(root = process.cwd()) {
  writeFileSync(join(root, 'NOTICE'), noticeText(root));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) writeNotice();

/** The Vite plugin that answers `import('virtual:licences')` with this build's list. */
export function licencesPlugin(root = process.cwd()) {
  return {
    name: 'licences',
    resolveId: (id) => (id === LICENCES_MODULE ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED ? `export default ${JSON.stringify(collectLicences(root))};` : undefined,
  };
}
