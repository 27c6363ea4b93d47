// Schema problems in words a user can act on: where in the data, and what is wrong.
import type { z } from 'zod';

/** "path: message; path: message (and N more)" for the first few issues of a failed parse. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'the top level';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}
