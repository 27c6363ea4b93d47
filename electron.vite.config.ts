import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { withContentSecurityPolicy } from './src/shared/csp';
import { licencesPlugin } from './scripts/licences.mjs';

// Main bundles for Node; the preload must be one self-contained CommonJS file because a
// sandboxed preload can neither load ES modules nor require packages from node_modules.
export default defineConfig({
  main: {
    // Packages stay in node_modules (jsdom reads its own files at run time).
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Imports are parsed in this worker thread (src/core/importers/worker-parser.ts).
          'import-worker': resolve(__dirname, 'src/core/importers/parse-worker.ts'),
          // The search index is built here when there is no cache (src/core/index-prepare.ts).
          'search-worker': resolve(__dirname, 'src/core/search/search-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [
      react(),
      // The one Content-Security-Policy (src/shared/csp.ts), written into index.html.
      { name: 'content-security-policy', transformIndexHtml: withContentSecurityPolicy },
      // About → Licences: the shipped packages' licences, read when the build is made.
      licencesPlugin(__dirname),
    ],
  },
});
