// The workbench window: documents and entities on the left, the reader in the middle, the
// highlight or entity being worked on at the right. App wires the pieces once: the client
// of the core, the store, the sync that feeds the store from change events, and the
// commands; each column reads what it needs from the store.
import { useEffect, useState } from 'react';
import { createClient } from './api/client';
import { Banners } from './components/Banners';
import { DetailsColumn } from './components/DetailsColumn';
import { LibraryColumn } from './components/LibraryColumn';
import { MainColumn } from './components/MainColumn';
import { ReimportDialog } from './components/ReimportDialog';
import { Toasts } from './components/Toasts';
import { TopBar } from './components/TopBar';
import { WorkspaceBanner } from './components/WorkspaceBanner';
import { useFileDrop } from './lib/use-file-drop';
import { useHistoryKeys } from './lib/use-history-keys';
import { createWorkbenchStore } from './store/index';
import { createSync } from './sync/workbench-sync';
import { createCommands } from './workbench/commands';
import { ConfirmProvider } from './workbench/confirm';
import { WorkbenchProvider, type Workbench } from './workbench/context';

function connect(): Workbench & { start(): () => void } {
  const client = createClient();
  const store = createWorkbenchStore();
  const sync = createSync(client.api, store);
  const commands = createCommands(client.api, store);
  return {
    api: client.api,
    store,
    commands,
    start() {
      const stopEvents = client.onEvent((event) => sync.handleEvent(event));
      const stopSync = sync.start();
      return () => {
        stopEvents();
        stopSync();
      };
    },
  };
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
  return (
    <div className={dragging ? 'app dragging' : 'app'} {...dropProps}>
      <TopBar />
      <WorkspaceBanner />
      <Banners />
      <div className="columns">
        <LibraryColumn />
        <MainColumn />
        <DetailsColumn />
      </div>
      <Toasts />
      <ReimportDialog />
    </div>
  );
}
