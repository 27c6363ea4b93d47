// Optional CPU profiles of a benchmark's phases: with RW_BENCH_PROFILE=DIR set, each phase
// wrapped in `profiled` writes DIR/<name>.cpuprofile (open it in Chrome's DevTools), so a
// slow figure can be traced to its cause without profiling the whole run.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env.RW_BENCH_PROFILE;

export async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
