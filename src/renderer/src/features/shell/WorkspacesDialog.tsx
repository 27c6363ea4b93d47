// The Workspaces dialog: which workspace is open, the recent ones (open one, or take it
// off the list), and another to open or create. The desktop app chooses a new folder in
// its native dialog; the browser host has the user type the folder's full path, which the
// core checks (and says why it refused, here, with the path still typed).
import { useId, useState } from 'react';
import type { RecentWorkspace } from '../../../../shared/api';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { selectSwitcher } from '../../store/workspace';
import { useCommands, useSelector } from '../../workbench/context';
import '../../styles/workspaces.css';

function Recent({ item, busy }: { item: RecentWorkspace; busy: boolean }): React.JSX.Element {
  const commands = useCommands();
  return (
    <li>
      {/* Named by the path shown beside it: folder names repeat ("workspace"), and "Open
          workspace" was also the name of the button that opens a typed folder. */}
      <button
        type="button"
        disabled={busy}
        aria-label={`Open ${item.path}`}
        onClick={() => void commands.openWorkspace({ path: item.path, create: false })}
      >
        Open
      </button>
      <span className="workspace-recent-path" dir="auto">
        {item.path}
      </span>
      <button
        type="button"
        className="link"
        disabled={busy}
        aria-label={`Remove ${item.path} from the recent list`}
        onClick={() => void commands.forgetWorkspace(item.path)}
      >
        Remove
      </button>
    </li>
  );
}

function TypedFolder({ busy }: { busy: boolean }): React.JSX.Element {
  const commands = useCommands();
  const [path, setPath] = useState('');
  const id = useId();
  const go = (create: boolean): void => void commands.openWorkspace({ path, create });
  return (
    <form
      className="workspace-typed"
      onSubmit={(event) => {
        event.preventDefault();
        go(false);
      }}
    >
      <label htmlFor={id}>Folder (its full path)</label>
      <input
        id={id}
        type="text"
        value={path}
        spellCheck={false}
        autoComplete="off"
        placeholder="/home/me/Investigation"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setPath(event.target.value)}
      />
      <p id={`${id}-hint`} className="muted">
        Open a workspace folder, or create a new workspace in a new or empty folder.
      </p>
      <div className="row end">
        <button type="submit" disabled={busy || !path.trim()}>
          Open workspace
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !path.trim()}
          onClick={() => go(true)}
        >
          Create workspace
        </button>
      </div>
    </form>
  );
}

export function WorkspacesDialog(): React.JSX.Element {
  const commands = useCommands();
  const switcher = useSelector(selectSwitcher);
  const ref = useModalDialog(switcher.open);
  const { list, busy, error } = switcher;
  return (
    <dialog
      ref={ref}
      className="workspaces"
      aria-labelledby="workspaces-title"
      onClose={commands.closeWorkspaces}
      onCancel={(event) => {
        // Escape waits while a workspace is opening: the answer has somewhere to show.
        if (busy) event.preventDefault();
      }}
    >
      {switcher.open && (
        <div>
          <h2 id="workspaces-title">Workspaces</h2>
          <p>
            Open now: <bdi className="workspace-recent-path">{list?.current ?? '…'}</bdi>
          </p>
          {list?.problem && <p className="muted">{list.problem}</p>}
          <h3>Recent</h3>
          {list && list.recent.length === 0 ? (
            <p className="muted">No other workspace was opened here yet.</p>
          ) : (
            <ul className="workspace-recent" aria-label="Recent workspaces">
              {list?.recent.map((item) => (
                <Recent key={item.path} item={item} busy={busy} />
              ))}
            </ul>
          )}
          <h3>Another workspace</h3>
          {list?.choose === 'path' ? (
            <TypedFolder busy={busy} />
          ) : (
            <div className="row">
              <button
                type="button"
                disabled={busy || !list}
                onClick={() => void commands.openWorkspace({ create: false })}
              >
                Open workspace folder…
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy || !list}
                onClick={() => void commands.openWorkspace({ create: true })}
              >
                New workspace…
              </button>
            </div>
          )}
          {error && (
            <p role="alert" className="workspace-error">
              {error}
            </p>
          )}
          {busy && <p role="status">Opening the workspace…</p>}
          <div className="row end workspaces-close">
            <button type="button" disabled={busy} onClick={commands.closeWorkspaces}>
              Close
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
