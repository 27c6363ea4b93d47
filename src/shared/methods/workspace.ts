// workspace.*: what the open workspace is (its folder, whether it may be written, the
// problems found in its files), repairing it, and verifying every quote and text.
import { z } from 'zod';
import { method, namespace } from './define';

export interface FileProblem {
  /** The file, relative to the workspace folder (e.g. `documents/doc_x.json`). */
  file: string;
  /** The record inside it, when the problem is one record (e.g. `annotations[3] (ann_x)`). */
  record?: string;
  reason: string;
  /** What `workspace.repair` would do about it. */
  repair: string;
}
/** Another process that holds the workspace for writing. */
export interface LockHolder {
  pid: number;
  host: string;
  hostname: string;
  since: string;
}
export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  /** True when nothing may be written: workspace.json is damaged or another process holds the lock. */
  readOnly: boolean;
  /** Why it is read-only, in words for the user. */
  readOnlyReason?: string;
  lockedBy?: LockHolder;
  problems: FileProblem[];
}
export interface RepairReport {
  /** One line per change, naming the file and record. */
  changes: string[];
  /** Problems repair could not fix (the files were left as they are). */
  remaining: FileProblem[];
}

/** `custody`: a file or the log itself disagrees with the custody log (see custody.log). */
export type MismatchKind = 'quote' | 'text-hash' | 'damaged' | 'custody';

export interface VerifyMismatch {
  kind: MismatchKind;
  /** The file it was found in, relative to the workspace (e.g. `documents/doc_x.json`). */
  file: string;
  documentId?: string;
  documentTitle?: string;
  annotationId?: string;
  /** What was expected and what was found, in words. */
  reason: string;
}

export interface VerifyReport {
  documents: number;
  highlights: number;
  /** Highlights whose quote is the text at their offsets. */
  confirmed: number;
  /** Fuzzy or orphaned highlights: flagged for review already, so not mismatches. */
  unconfirmed: number;
  /** Documents stored before text hashes were recorded: their text could not be checked. */
  unhashed: number;
  /** Lines of the custody log checked (its chain, and every file against its last word). */
  custodyLines: number;
  mismatches: VerifyMismatch[];
}

export const Empty = z.strictObject({});

export const workspaceMethods = namespace('workspace', {
  'workspace.info': method<WorkspaceInfo>()(Empty),
  'workspace.repair': method<RepairReport>()(Empty),
  /** Checks every quote against its document's text and every text against its SHA-256. */
  'workspace.verify': method<VerifyReport>()(Empty),
});
