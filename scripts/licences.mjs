// The licences screen's data, read from package metadata when the renderer is built: every
// package the app ships (package-lock.json's entries that are not only for development,
// plus Electron, the desktop app's runtime), each with the name, version and licence its
// own package.json gives, and the lock's licence when that file says none. Served to the
// window as the module `virtual:licences` (licencesPlugin), so the list is always the one
// this build was made from, and loaded only when the screen opens.
import { existsSync, readFileSync } from 'node:fs';
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
    seen.set(`${name}@${version}`, { name, version, licence });
  };
  for (const [path, entry] of Object.entries(lock.packages ?? {})) add(path, entry);
  // The desktop app runs on Electron (Chromium and Node), which it ships whole.
  const electron = lock.packages?.['node_modules/electron'];
  if (electron) add('node_modules/electron', electron, true);
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/** The Vite plugin that answers `import('virtual:licences')` with this build's list. */
export function licencesPlugin(root = process.cwd()) {
  return {
    name: 'licences',
    resolveId: (id) => (id === LICENCES_MODULE ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED ? `export default ${JSON.stringify(collectLicences(root))};` : undefined,
  };
}
