// sync.*: the window's side of team sharing, over the open workspace's TeamSharing
// (team-sharing.ts). The inputs were checked against src/shared/methods/sync.ts before they
// reach here (a ws:// or wss:// address, a key of the right shape, a base58 share id); the
// answers are statuses and conflicts, never the key.
import type { NamespaceHandlers } from '../../shared/api';
import type { TeamSharing } from './team-sharing';

export function syncHandlers(team: TeamSharing): NamespaceHandlers<'sync'> {
  return {
    'sync.status': () => team.status(),
    'sync.share': (input) => team.share(input),
    'sync.join': (input) => team.join(input),
    'sync.now': () => team.now(),
    'sync.conflicts': () => team.conflicts(),
    'sync.choose': (input) => team.choose(input),
    'sync.setDisplayName': ({ name }) => team.setDisplayName(name),
    'sync.history': (input) => team.history(input),
  };
}
