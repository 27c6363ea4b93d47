// The API: one table of every method's name, input schema and output type, joined from
// the namespaces' tables in ./methods (one file per namespace, holding its schemas and
// result types). IPC handlers, the preload bridge, the HTTP host, the command line and the
// renderer's clients are all derived from it, so adding a method is one entry in its
// namespace plus its handler in src/core/<namespace>.
import type { z } from 'zod';
import type {
  RestoredArchive,
  RestoreUploadAnswer,
  RestoreUploadStep,
  SavedArchive,
} from './backup-archive';
import { joinTables } from './methods/define';
import { analysisMethods } from './methods/analysis';
import { annotationsMethods } from './methods/annotations';
import { codebookMethods } from './methods/codebook';
import { documentsMethods } from './methods/documents';
import { entitiesMethods } from './methods/entities';
import { eventsMethods } from './methods/events';
import { evidenceMethods } from './methods/evidence';
import { exportMethods } from './methods/export';
import { historyMethods } from './methods/history';
import { linksMethods } from './methods/links';
import { mentionsMethods } from './methods/mentions';
import { notesMethods } from './methods/notes';
import { searchMethods } from './methods/search';
import { syncMethods } from './methods/sync';
import { tagsMethods } from './methods/tags';
import { workspaceMethods } from './methods/workspace';
import { workspacesMethods } from './methods/workspaces';
import type { ErrorCode } from './errors';
import type { WorkbenchEvent } from './change-event';

export type * from './methods/analysis';
export type * from './methods/annotations';
export type * from './methods/codebook';
export type * from './methods/documents';
export type * from './methods/entities';
export type * from './methods/events';
export type * from './methods/evidence';
export type * from './methods/export';
export type * from './methods/history';
export type * from './methods/links';
export type * from './methods/mentions';
export type * from './methods/notes';
export type * from './methods/search';
export type * from './methods/sync';
export type * from './methods/tags';
export type * from './methods/workspace';
export type * from './methods/workspaces';
export type { ExportFormat } from './concepts/export-formats';
export { ERROR_CODES, type ErrorCode } from './errors';
export type * from './change-event';

export const api = joinTables(
  workspaceMethods,
  documentsMethods,
  annotationsMethods,
  tagsMethods,
  entitiesMethods,
  notesMethods,
  mentionsMethods,
  analysisMethods,
  eventsMethods,
  exportMethods,
  evidenceMethods,
  searchMethods,
  historyMethods,
  codebookMethods,
  linksMethods,
  workspacesMethods,
  syncMethods,
);

export type Api = typeof api;
export type MethodName = Extract<keyof Api, string>;
export const METHOD_NAMES = Object.keys(api) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);
/** The namespace of a method: the part of its name before the dot. */
export type Namespace<M extends MethodName = MethodName> = M extends `${infer N}.${string}`
  ? N
  : never;

/** What a caller passes (defaults optional). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Api[M]['output']>;

/** The whole API as a caller sees it: one async function per method. */
export type WorkbenchApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };
/** The whole API as the core implements it. */
export type WorkbenchHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>>;
};
/** The handlers of one namespace, as its core module provides them. */
export type NamespaceHandlers<N extends Namespace> = {
  [M in MethodName as M extends `${N}.${string}` ? M : never]: WorkbenchHandlers[M];
};

/** The envelope every IPC and HTTP call answers with: errors are values, not throws. */
export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What the preload exposes as `window.workbench`. */
export type WorkbenchBridge = {
  [M in MethodName]: (input: unknown) => Promise<Envelope<Output<M>>>;
} & {
  onEvent(listener: (event: WorkbenchEvent) => void): () => void;
  /** The application menu's entries that open a dialog of the window (Electron only). */
  onMenu?(listener: (command: MenuCommand) => void): () => void;
  /** The backup with originals, saved where the user chooses (src/main/backup-archive.ts). */
  saveBackupArchive?(): Promise<Envelope<SavedArchive>>;
  /** A backup with originals restored from the zip the user chooses (main's dialog). */
  restoreBackupArchive?(): Promise<Envelope<RestoredArchive>>;
  /** A .zip chosen in the window, sent a step at a time (src/main/restore-upload.ts). */
  restoreArchiveUpload?: (step: RestoreUploadStep) => Promise<Envelope<RestoreUploadAnswer>>;
};

export const IPC_PREFIX = 'workbench:';
export const IPC_EVENT_CHANNEL = 'workbench:event';
/** Main to window: a menu entry that the window answers (open a dialog). */
export const IPC_MENU_CHANNEL = 'workbench:menu';
export const MENU_COMMANDS = ['share-workspace', 'join-workspace'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
