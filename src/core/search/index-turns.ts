// How indexing shares the one thread that also answers every call and applies every
// teammate's change: it works in short turns, and while a command is running it waits
// for it. Each step of a command that waits on the disk or the network (a save has
// several, a teammate's change more) waited behind a whole turn of indexing: after a
// first sync of 2,000 documents, indexing them held a teammate's highlight 4 to over
// 10 s against 0.1 s (`npm run bench:sync`); with turns of 5 ms that give way, 1.5 s
// for the first and about 0.25 s for the rest while the backlog lasts.
import type { WorkspaceStore } from '../store/workspace-store';
import { nextTurn } from '../time-slices';

/** How long one turn may spend indexing before the thread is given back. */
export const FOLLOW_MS = 5;
/** The longest indexing waits for a command, so one that waits for the index cannot stall it. */
const GIVE_WAY_MS = 100;

/** Waits until no command of `store` is running, or GIVE_WAY_MS have passed. */
export async function giveWay(store: Pick<WorkspaceStore, 'busy' | 'settled'>): Promise<void> {
  if (!store.busy) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    store.settled(),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, GIVE_WAY_MS))),
  ]);
  clearTimeout(timer);
}

/**
 * The pause between slices of background index work (taking over the workers' parts,
 * saving the cache): the loop's turn, then a running command's. Taking over a first
 * sync's index and saving it held the thread in slices for about a second, and a
 * teammate's change applied meanwhile waited behind each slice at every step (0.7-1.1 s).
 */
export async function pauseFor(store: Pick<WorkspaceStore, 'busy' | 'settled'>): Promise<void> {
  await nextTurn();
  await giveWay(store);
}
