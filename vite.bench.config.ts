import { defineConfig } from 'vite';

// Builds the benchmark for plain Node, like the browser host, so it measures the same code.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      // Playwright drives the browser; it is not bundled.
      external: [/^@playwright\//, /^playwright/],
      input: {
        search: 'tests/bench/search-bench.ts',
        scale: 'tests/bench/scale-bench.ts',
        anchoring: 'tests/bench/anchoring-bench.ts',
        entities: 'tests/bench/entities-main.ts',
        reader: 'tests/bench/reader-bench.ts',
        import: 'tests/bench/import-bench.ts',
        sync: 'tests/bench/sync.ts',
        relay: 'tests/bench/relay-process.ts',
        'import-worker': 'src/core/importers/parse-worker.ts',
        'search-worker': 'src/core/search/search-worker.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
