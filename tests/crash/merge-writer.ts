// A child process for the merge crash test: merges one entity into another and undoes it,
// over and over, printing a line per finished step, until its parent kills it with
// SIGKILL. Each merge and each undo rewrites workspace.json and every document file.
import { openWorkbench } from '../../src/core/workbench';

const [dir, targetId, sourceId] = process.argv.slice(2) as [string, string, string];

async function main(): Promise<void> {
  const wb = await openWorkbench(dir, { host: 'merge crash writer' });
  if (wb.readOnly) throw new Error('the merge writer could not take the lock');
  process.stdout.write('ready\n');
  for (;;) {
    const merged = await wb.call('entities.merge', { targetId, sourceIds: [sourceId] });
    if (!merged.ok) throw new Error(merged.error.message);
    process.stdout.write('merged\n');
    const undone = await wb.call('history.undo', {});
    if (!undone.ok) throw new Error(undone.error.message);
    process.stdout.write('undone\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
