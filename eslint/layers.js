// A lint rule that enforces the layer rules of ARCHITECTURE.md by where an import lands,
// not by how it is spelled: a relative import is resolved against the importing file, so
// '../../main/window' and '../window' are judged by the folder they reach.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** How an import of the core's entry module may be written, relative to the root. */
const CORE_ENTRY = new Set(['src/core/index', 'src/core/index.ts', join('src', 'core', 'index')]);
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Which layer (src/<layer>/) a file or resolved import belongs to, if any. */
export function layerOf(absolutePath) {
  const parts = relative(root, absolutePath).split(sep);
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/**
 * What each layer may import. `layers`: the src/ folders it may reach; `node`: Node
 * built-ins; `packages`: bare specifiers refused (a prefix match, so 'react' covers
 * 'react-dom' and 'react/jsx-runtime'); `coreEntry`: the core only through its entry
 * module, src/core/index.ts (the hosts).
 */
export const RULES = {
  shared: {
    layers: ['shared'],
    node: false,
    packages: ['electron', 'react', 'lowdb', 'flexsearch'],
  },
  core: { layers: ['core', 'shared'], node: true, packages: ['electron', 'react'] },
  main: { layers: ['main', 'core', 'shared'], node: true, packages: ['react'], coreEntry: true },
  preload: { layers: ['preload', 'shared'], node: false, packages: ['react'] },
  server: {
    layers: ['server', 'core', 'shared'],
    node: true,
    packages: ['electron', 'react'],
    coreEntry: true,
  },
  cli: {
    layers: ['cli', 'core', 'shared'],
    node: true,
    packages: ['electron', 'react'],
    coreEntry: true,
  },
  renderer: { layers: ['renderer', 'shared'], node: false, packages: ['electron'] },
};

function check(context, node, specifier) {
  if (typeof specifier !== 'string') return;
  const from = layerOf(context.filename);
  const rule = from && RULES[from];
  if (!rule) return;
  const report = (why) =>
    context.report({ node, message: `src/${from} may not import "${specifier}": ${why}` });
  if (specifier.startsWith('.')) {
    const target = layerOf(resolve(dirname(context.filename), specifier));
    const resolved = resolve(dirname(context.filename), specifier);
    if (target && !rule.layers.includes(target))
      report(
        `it reaches src/${target} (allowed: ${rule.layers.map((l) => `src/${l}`).join(', ')}).`,
      );
    else if (target === 'core' && rule.coreEntry && !CORE_ENTRY.has(relative(root, resolved)))
      report('a host reaches the core only through src/core/index.ts.');
    else if (!target) report('it reaches outside src/.');
    return;
  }
  if (specifier === 'electron' && from === 'preload') return;
  if (!rule.node && NODE.has(specifier)) report('Node built-ins are not available in this layer.');
  const bare = specifier.split('/')[0];
  if (rule.packages.some((p) => bare === p || bare.startsWith(`${p}-`)))
    report('this package belongs to another layer.');
}

export default {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const source = (node) => check(context, node, node.source?.value);
        return {
          ImportDeclaration: source,
          ExportNamedDeclaration: source,
          ExportAllDeclaration: source,
          ImportExpression: source,
          CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require')
              check(context, node, node.arguments[0]?.value);
          },
        };
      },
    },
  },
};
