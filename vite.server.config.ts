import { defineConfig } from 'vite';

// The browser host and the command line run on plain Node: build them as SSR bundles
// that keep node_modules external, next to electron-vite's out/main.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/server',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        index: 'src/server/index.ts',
        cli: 'src/cli/index.ts',
        // The import worker thread, run by the browser host (src/core/importers/worker-parser.ts).
        'import-worker': 'src/core/importers/parse-worker.ts',
        // The search index worker (src/core/index-prepare.ts).
        'search-worker': 'src/core/search/search-worker.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
