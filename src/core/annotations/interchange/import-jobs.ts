// Annotation imports while they run, by the id the window gave each: how far one has come
// (polled for the dialog's progress bar) and a way to cancel it. An import can be
// cancelled until it starts saving; after that it completes, as one undoable step.
import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../../shared/errors';
import type { ImportProgress } from '../../../shared/methods/annotations';

export interface ImportJob {
  signal: AbortSignal;
  progress: ImportProgress;
}

export class ImportJobs {
  private readonly running = new Map<
    string,
    { controller: AbortController; progress: ImportProgress }
  >();

  async run<R>(jobId: string | undefined, work: (job: ImportJob) => Promise<R>): Promise<R> {
    const id = jobId ?? randomUUID();
    if (this.running.has(id))
      throw new WorkbenchError(
        'INVALID_INPUT',
        `An import with the id "${id}" is already running.`,
      );
    const controller = new AbortController();
    const progress: ImportProgress = { phase: 'reading', placed: 0, total: 0 };
    this.running.set(id, { controller, progress });
    try {
      return await work({ signal: controller.signal, progress });
    } finally {
      this.running.delete(id);
    }
  }

  status(id: string): ImportProgress {
    const job = this.running.get(id);
    return job ? { ...job.progress } : { phase: 'none', placed: 0, total: 0 };
  }

  /** True when the import stops, saving nothing; false when none runs or it is saving. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job || job.progress.phase === 'saving') return false;
    job.controller.abort();
    return true;
  }
}
