// The recent-workspaces list: a small settings file in the app's user-data folder, outside
// every workspace (it names them; no workspace should carry paths of the others). It is
// read strictly: anything that is not this shape gives an empty list and a problem in
// words, never a crash, and the unreadable file is set aside rather than written over.
import { basename, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace } from '../../shared/methods/workspaces';
import { describeIssues } from '../../shared/issues';
import { nodeFs, writeFileDurably, type StoreFs } from '../store/durable';

export const RECENT_FILE = 'recent-workspaces.json';
/** How many workspaces the list keeps. */
export const MAX_RECENT = 12;

const RecentEntry = z.strictObject({
  path: z.string().min(1).max(4096).refine(isAbsolute, 'a recent workspace must be a full path'),
  openedAt: z.iso.datetime(),
});
const RecentFile = z.strictObject({
  version: z.literal(1),
  recent: z.array(RecentEntry).max(MAX_RECENT),
});
type Entry = z.infer<typeof RecentEntry>;

export interface RecentRead {
  entries: Entry[];
  /** Why the file could not be used, naming it. */
  problem?: string;
}

export const recentFilePath = (settingsDir: string): string => join(settingsDir, RECENT_FILE);

export async function readRecent(settingsDir: string, fs: StoreFs = nodeFs): Promise<RecentRead> {
  const file = recentFilePath(settingsDir);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return {
      entries: [],
      problem: `The recent workspaces list (${file}) could not be read: ${String(error)}.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      entries: [],
      problem: `The recent workspaces list (${file}) is not valid JSON. It was set aside as recent-workspaces.damaged.json and the list starts again.`,
    };
  }
  const parsed = RecentFile.safeParse(json);
  if (!parsed.success) {
    const why = describeIssues(parsed.error.issues, 3);
    return {
      entries: [],
      problem: `The recent workspaces list (${file}) is not in the expected form (${why}). It was set aside as recent-workspaces.damaged.json and the list starts again.`,
    };
  }
  return { entries: parsed.data.recent };
}

/**
 * Writes the list durably. When the last read found the file unusable, that file is
 * first renamed to `recent-workspaces.damaged.json`, so whoever wants to look can.
 */
export async function writeRecent(
  settingsDir: string,
  entries: readonly Entry[],
  setAsideDamaged: boolean,
  fs: StoreFs = nodeFs,
): Promise<void> {
  await fs.mkdir(settingsDir, { recursive: true });
  const file = recentFilePath(settingsDir);
  if (setAsideDamaged) {
    await fs
      .rename(file, join(settingsDir, 'recent-workspaces.damaged.json'))
      .catch(() => undefined);
  }
  const body = { version: 1, recent: entries.slice(0, MAX_RECENT) };
  await writeFileDurably(fs, file, `${JSON.stringify(body, null, 2)}\n`);
}

/** The list with `path` first, opened now; each folder listed once. */
export function withOpened(entries: readonly Entry[], path: string, now: Date): Entry[] {
  const rest = entries.filter((e) => e.path !== path);
  return [{ path, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT);
}

export function asRecent(entry: Entry): RecentWorkspace {
  return { ...entry, name: basename(entry.path) || entry.path };
}
