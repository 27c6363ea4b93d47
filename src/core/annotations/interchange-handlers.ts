// Annotations from other tools: previewed (which documents their addresses match, which
// tags they carry), then imported as one undoable command. An import never holds the
// thread that answers every other call: the file is read, and every annotation placed,
// before the command, in the import worker (or in slices on this thread), against the
// documents as they were when it began; the short command that stores the result checks
// that they still are, and places again if one changed meanwhile. Each annotation and the
// import have a time budget; progress can be asked for and the import cancelled.
import type { WorkbenchHandlers } from '../../shared/api';
import { readOnly, WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import {
  applyImport,
  DEFAULT_BUDGET,
  previewAnnotations,
  reportOf,
  StaleDocument,
} from './interchange/import-annotations';
import { ImportJobs } from './interchange/import-jobs';
import {
  cancelled,
  placeInSlices,
  placeInWorker,
  readHere,
  readInWorker,
  type Budget,
} from './interchange/placer';
import { planImport, quoteKeys } from './interchange/plan-import';

type Handlers = Pick<
  WorkbenchHandlers,
  | 'annotations.importPreview'
  | 'annotations.import'
  | 'annotations.importStatus'
  | 'annotations.importCancel'
>;

export interface InterchangeOptions {
  /** The built import worker (src/core/importers/parse-worker.ts): without it, slices here. */
  worker?: string | URL;
  /** Budgets other than ANNOTATION_IMPORT_LIMITS' (tests, benches). */
  budget?: Partial<Budget>;
  log?: (line: string) => void;
}

/** How often an import places again when a document keeps changing under it. */
const ATTEMPTS = 3;

export function interchangeHandlers(ctx: CoreContext, options: InterchangeOptions = {}): Handlers {
  const budget: Budget = { ...DEFAULT_BUDGET, ...options.budget };
  const log = options.log ?? ((line: string) => console.error(line));
  const read = options.worker ? readInWorker(options.worker, budget.importMs) : readHere;
  const place = options.worker ? placeInWorker(options.worker, log) : placeInSlices;
  const jobs = new ImportJobs();
  return {
    'annotations.importPreview': async ({ json }) => {
      const file = await read(json, new AbortController().signal);
      return ctx.read((tx) => previewAnnotations(tx, file));
    },

    'annotations.import': ({ json, documents, tags, jobId }) =>
      jobs.run(jobId, async (job) => {
        if (ctx.store.readOnlyReason) throw readOnly(ctx.store.readOnlyReason);
        const file = await read(json, job.signal);
        const keys = await quoteKeys(file);
        if (job.signal.aborted) throw cancelled();
        for (let attempt = 1; ; attempt++) {
          const plan = await ctx.read((tx) => planImport(tx, file, documents, keys));
          Object.assign(job.progress, { phase: 'placing', placed: 0, total: plan.tasks.length });
          const placed = await place({
            documents: plan.documents,
            tasks: plan.tasks,
            budget,
            signal: job.signal,
            onPlaced: () => (job.progress.placed += 1),
          });
          if (job.signal.aborted) throw cancelled();
          job.progress.phase = 'saving';
          try {
            const applied = await ctx.command('Import annotations', (tx) =>
              applyImport(ctx, tx, plan, placed, { tags, budget }),
            );
            return reportOf(file, applied);
          } catch (error) {
            if (!(error instanceof StaleDocument)) throw error;
            if (attempt >= ATTEMPTS)
              throw new WorkbenchError(
                'CONFLICT',
                `${error.message}, ${ATTEMPTS} times; nothing was imported. Import the file again when the document is not being edited.`,
              );
          }
        }
      }),

    'annotations.importStatus': ({ jobId }) => Promise.resolve(jobs.status(jobId)),
    'annotations.importCancel': ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
  };
}
