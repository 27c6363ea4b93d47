// The workbench core: one object that implements the whole WorkbenchApi for one workspace
// folder. Both hosts (Electron's IPC and the browser host's HTTP) wrap this and nothing
// else, so they cannot drift apart.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Envelope, Input, MethodName, Output, WorkbenchHandlers } from '../shared/api';
import { CoreContext, type Listener } from './context';
import { dispatch } from './dispatch';
import { annotationHandlers } from './handlers/annotations';
import { addDocument, documentHandlers } from './handlers/documents';
import { entityHandlers } from './handlers/entities';
import { searchHandlers } from './handlers/search';
import { transferHandlers } from './handlers/transfer';
import { importPlainText } from './importers/plain-text';
import { WorkspaceStore } from './workspace-store';

export interface WorkbenchOptions {
  /** A text file added as the first document when the workspace is brand new. */
  sampleArticle?: string;
}

export interface Workbench {
  readonly dir: string;
  readonly handlers: WorkbenchHandlers;
  /** Validates and runs one untrusted call from a host; always resolves to an envelope. */
  dispatch(method: string, payload: unknown): Promise<Envelope<unknown>>;
  /** The same, typed, for trusted callers in this process (the CLI, tests). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope<Output<M>>>;
  subscribe(listener: Listener): () => void;
  /** Resolves when the search index holds the whole workspace. */
  readonly indexed: Promise<void>;
}

export async function openWorkbench(
  dir: string,
  options: WorkbenchOptions = {},
): Promise<Workbench> {
  const store = await WorkspaceStore.open(dir);
  const ctx = new CoreContext(store);
  if (store.isNew && !store.readOnly) {
    // Write workspace.json at once, so the folder is recognisably a workspace.
    await store.workspace.update(() => undefined);
    if (options.sampleArticle && store.documents.size === 0) {
      const bytes = await readFile(options.sampleArticle);
      await addDocument(ctx, importPlainText(bytes, basename(options.sampleArticle)));
    }
  }
  const handlers: WorkbenchHandlers = {
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
    ...entityHandlers(ctx),
    ...searchHandlers(ctx),
    ...transferHandlers(ctx),
  };
  return {
    dir,
    handlers,
    dispatch: (method, payload) => dispatch(handlers, method, payload),
    call: <M extends MethodName>(method: M, input: Input<M>) =>
      dispatch(handlers, method, input) as Promise<Envelope<Output<M>>>,
    subscribe: (listener) => ctx.subscribe(listener),
    indexed: ctx.indexReady,
  };
}
