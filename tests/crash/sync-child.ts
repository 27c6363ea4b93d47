// A child process for the sync property test: it opens a replica's workspace, makes one
// note (printing its id once the command is acknowledged), then syncs through the shared
// folder round after round until its parent kills it with SIGKILL at a random moment:
// mid-write of its file in the folder, mid-apply of a remote change, mid-save of `.sync/`.
import { openWorkbench } from '../../src/core/workbench';
import { SyncSession } from '../../src/core/sync/sync-session';

const [dir, folder, shareId, replica, tag] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const ack = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const wb = await openWorkbench(dir, { host: 'test' });
const session = await SyncSession.open(wb.core, dir, { shareId, folder, replica, poll: false });
const made = await wb.call('notes.create', { title: `Made before the kill ${tag}` });
if (made.ok) ack({ created: made.value.id });
for (;;) {
  await session.round();
  ack({ round: true });
}
