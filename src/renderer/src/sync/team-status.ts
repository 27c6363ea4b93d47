// Keeps the store's team status and conflicts in step with the core. The status is asked
// for when the window opens and then every few seconds while the workspace is shared
// (whether the relay is reachable changes without any record changing, so no change event
// would say it); the conflicts are asked for again only when the shared document changed.
// Records that other members changed reach the window as ordinary change events.
import type { WorkbenchApi } from '../../../shared/api';
import type { WorkbenchStore } from '../store/index';

/** How often a shared workspace's status is asked for. */
export const TEAM_POLL_MS = 2_000;

export function followTeam(
  api: WorkbenchApi,
  store: WorkbenchStore,
  every: number = TEAM_POLL_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let revision: string | undefined;
  let polling = false;

  async function look(): Promise<void> {
    try {
      const status = await api['sync.status']({});
      if (stopped) return;
      store.dispatch({ type: 'team/status', status });
      if (status.revision !== revision) {
        revision = status.revision;
        const listed = store.getState().team.conflicts.length;
        // Nothing open before or now: nothing to ask for.
        if (status.conflicts > 0 || listed > 0) {
          const conflicts = await api['sync.conflicts']({});
          if (!stopped) store.dispatch({ type: 'team/conflicts', conflicts });
        }
      }
    } catch {
      // The core may be restarting; the next look tries again.
    }
  }

  async function loop(): Promise<void> {
    polling = true;
    await look();
    const status = store.getState().team.status;
    if (stopped || !status || status.state === 'unshared') {
      polling = false;
      return;
    }
    timer = setTimeout(() => void loop(), every);
  }

  // Sharing or joining from this window makes the workspace shared: follow it from then on.
  const unsubscribe = store.subscribe(() => {
    const status = store.getState().team.status;
    if (!polling && !stopped && status && status.state !== 'unshared') void loop();
  });
  void loop();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
