// workspaces.*: passed to the host's switcher (switcher.ts). A workbench opened without
// one (the command line, tests, the sync relay) opens one workspace for its whole life,
// and says so instead of pretending to switch.
import type { NamespaceHandlers } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import type { WorkspacesHost } from './switcher';

const oneWorkspace = (): never => {
  throw new WorkbenchError(
    'FORBIDDEN',
    'This host opens one workspace only: start it with --workspace DIR to use another.',
  );
};

export function workspacesHandlers(
  host: WorkspacesHost | undefined,
): NamespaceHandlers<'workspaces'> {
  return {
    'workspaces.list': () => (host ? host.list() : oneWorkspace()),
    'workspaces.open': (input) => (host ? host.open(input) : oneWorkspace()),
    'workspaces.forget': ({ path }) => (host ? host.forget(path) : oneWorkspace()),
  };
}
