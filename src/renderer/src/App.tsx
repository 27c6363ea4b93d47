// The workbench window: documents and entities on the left, the reader in the middle, the
// highlight or entity being worked on at the right. App wires the pieces once: the client
// of the core, the store, the sync that feeds the store from change events, the view sync
// that loads the derived views on screen, and the commands; each column reads what it
// needs from the store.
import { useEffect, useState } from 'react';
import { createClient } from './api/client';
import { Banners } from './features/shell/Banners';
import { Columns } from './features/shell/Columns';
import { ErrorBoundary } from './features/shell/ErrorBoundary';
import { KeyboardLayer } from './features/shell/KeyboardLayer';
import { ReimportDialog } from './features/reader/ReimportDialog';
import { ReferencesDialog } from './features/library/ReferencesDialog';
import { WorkspacesDialog } from './features/shell/WorkspacesDialog';
import { JoinDialog } from './features/team/JoinDialog';
import { ShareDialog } from './features/team/ShareDialog';
import { TeamDialog } from './features/team/TeamDialog';
import { Toasts } from './features/shell/Toasts';
import { TopBar } from './features/shell/TopBar';
import { WorkspaceBanner } from './features/shell/WorkspaceBanner';
import { useFileDrop } from './hooks/use-file-drop';
import { useHistoryKeys } from './hooks/use-history-keys';
import { useKindStyles } from './hooks/use-kind-styles';
import { createWorkbenchStore, initialState } from './store/index';
import {
  initialLayout,
  LAYOUT_STORAGE_KEY,
  NARROW_WIDTH,
  rememberedLayout,
  restoreLayout,
} from './store/layout';
import { followRoutes } from './sync/route-sync';
import { sayHowWindowStarted } from './sync/switch-notice';
import { keepDrafts, windowStorage } from './sync/draft-storage';
import { keepSettings } from './sync/settings-storage';
import { followTeam } from './sync/team-status';
import { openTeamDialog } from './store/team';
import { createViewSync } from './sync/view-sync';
import { createSync } from './sync/workbench-sync';
import { createCommands } from './workbench/commands';
import { ConfirmProvider } from './workbench/confirm';
import { WorkbenchProvider, type Workbench } from './workbench/context';

function connect(): Workbench & { start(): () => void } {
  const client = createClient();
  const store = createWorkbenchStore({
    ...initialState,
    layout: restoreLayout(readSetting(LAYOUT_STORAGE_KEY), {
      ...initialLayout,
      narrow: window.innerWidth < NARROW_WIDTH,
    }),
  });
  const sync = createSync(client.api, store);
  const views = createViewSync(client.api, store);
  const { restoreBackupArchiveWithDialog } = client;
  const commands = createCommands(client.api, store, {
    saveBackupArchive: () => client.saveBackupArchive(),
    restoreBackupArchive: (file) => client.restoreBackupArchive(file),
    ...(restoreBackupArchiveWithDialog ? { restoreBackupArchiveWithDialog } : {}),
  });
  return {
    store,
    commands,
    views,
    start() {
      const stopEvents = client.onEvent((event) => sync.handleEvent(event));
      const stopSync = sync.start();
      const stopViews = views.start();
      const stopSaving = rememberLayout(store);
      sayHowWindowStarted(store);
      const stopRoutes = followRoutes(store, commands);
      const stopDrafts = keepDrafts(store, windowStorage());
      const stopSettings = keepSettings(store, windowStorage());
      const stopTeam = followTeam(client.api, store);
      // File > Share this workspace… and Join a shared workspace… open the same dialogs.
      const stopMenu =
        client.onMenu?.((command) =>
          store.dispatch(openTeamDialog(command === 'share-workspace' ? 'share' : 'join')),
        ) ?? (() => undefined);
      return () => {
        stopMenu();
        stopTeam();
        stopDrafts();
        stopSettings();
        stopEvents();
        stopSync();
        stopViews();
        stopSaving();
        stopRoutes();
      };
    },
  };
}

/** A remembered setting; none when storage is unavailable (a locked-down profile). */
function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Saves the panels and reading settings whenever the user changes them. */
function rememberLayout(store: Workbench['store']): () => void {
  let saved = JSON.stringify(rememberedLayout(store.getState().layout));
  return store.subscribe(() => {
    const now = JSON.stringify(rememberedLayout(store.getState().layout));
    if (now === saved) return;
    saved = now;
    try {
      window.localStorage.setItem(LAYOUT_STORAGE_KEY, now);
    } catch {
      // Not remembered: the layout still works for this session.
    }
  });
}

export function App(): React.JSX.Element {
  const [workbench] = useState(connect);
  useEffect(() => workbench.start(), [workbench]);
  return (
    <WorkbenchProvider workbench={workbench}>
      <ConfirmProvider>
        <Window />
      </ConfirmProvider>
    </WorkbenchProvider>
  );
}

function Window(): React.JSX.Element {
  const { dragging, dropProps } = useFileDrop();
  useHistoryKeys();
  useKindStyles();
  return (
    <div className={dragging ? 'app dragging' : 'app'} {...dropProps}>
      <ErrorBoundary name="The top bar">
        <TopBar />
      </ErrorBoundary>
      <ErrorBoundary name="The workspace messages">
        <WorkspaceBanner />
        <Banners />
      </ErrorBoundary>
      <ErrorBoundary name="The workbench">
        <Columns />
      </ErrorBoundary>
      <ErrorBoundary name="The notifications">
        <Toasts />
        <KeyboardLayer />
        <ReimportDialog />
        <ReferencesDialog />
        <WorkspacesDialog />
        <ShareDialog />
        <JoinDialog />
        <TeamDialog />
      </ErrorBoundary>
    </div>
  );
}
