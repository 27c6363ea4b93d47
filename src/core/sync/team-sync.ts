// Team sync as the hosts see it (through `loadTeamSync()` in src/core/index.ts): the relay,
// the team key, a workspace's sharing configuration and its connection to the relay or to
// a shared folder.
export { startRelay, type Relay, type RelayOptions } from './relay';
export { loadTeamKey } from './team-key';
export { newReplicaId } from './folder-link';
export {
  checkShareId,
  newShareId,
  savedConflicts,
  SyncSession,
  type RoundResult,
} from './sync-session';
export { readSyncConfig, writeSyncConfig, type SyncConfig } from './sync-files';
export type { FieldConflict } from './workspace-doc';
