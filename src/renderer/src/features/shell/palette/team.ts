// The palette's "Team" rows: share or join while unshared (not in a read-only workspace);
// once shared, the team details, a sync and the conflicts.
import { showView } from '../../../store/research';
import { openTeamDialog } from '../../../store/team';
import type { PaletteTable } from './context';

export const teamEntries: PaletteTable = ({ store, commands, team, readOnly }) => {
  if (team === undefined) return [];
  if (team === 'unshared')
    return readOnly
      ? []
      : [
          {
            id: 'team-share',
            group: 'Team',
            label: 'Share this workspace…',
            run: () => store.dispatch(openTeamDialog('share')),
          },
          {
            id: 'team-join',
            group: 'Team',
            label: 'Join a shared workspace…',
            run: () => store.dispatch(openTeamDialog('join')),
          },
        ];
  return [
    {
      id: 'team-details',
      group: 'Team',
      label: 'Team sharing and your name…',
      run: () => store.dispatch(openTeamDialog('team')),
    },
    { id: 'team-sync', group: 'Team', label: 'Sync now', run: () => void commands.syncNow() },
    {
      id: 'team-conflicts',
      group: 'Team',
      label: 'Show Conflicts',
      run: () => store.dispatch(showView('conflicts')),
    },
  ];
};
