// A folder path shortened from its start: the end of a workspace's path is what tells two
// workspaces apart ("…/Evin 2026/workspace"), while its start is the same home folder
// every time, so an ellipsis at the end would cut exactly the part worth reading.

/** The path's last whole folders within `max` characters, after "…" when any were left out. */
export function pathTail(path: string, max = 36): string {
  if (path.length <= max) return path;
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const parts = path.split(separator).filter((part) => part !== '');
  let tail = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const next = tail ? `${parts[i]}${separator}${tail}` : parts[i]!;
    // "…" and a separator are added in front.
    if (next.length + 2 > max) break;
    tail = next;
  }
  // One folder name longer than the room: its own end, still from the start.
  if (!tail) return `…${parts.at(-1)!.slice(-(max - 1))}`;
  return `…${separator}${tail}`;
}
