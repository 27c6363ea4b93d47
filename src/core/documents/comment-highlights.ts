// A Word file's comments as highlights: each on the words it was made on, its text the
// highlight's note, attributed to its author and date as the file records them, and tagged
// so that every imported comment can be found (and told apart from the researcher's own).
import { HIGHLIGHT_KINDS } from '../../shared/concepts/highlight-kinds';
import { describeRange, tidyRange } from '../../shared/anchoring';
import type { Annotation, Document } from '../../shared/model';
import type { CoreContext } from '../context';
import type { ImportedComment } from '../importers/plain-text';

/** The tag every imported comment carries. */
export const COMMENT_TAG = 'Word comment';

function noteOf(comment: ImportedComment): string {
  const by = comment.author ? `Comment by ${comment.author}` : 'Comment (no author recorded)';
  const when = comment.date ? ` on ${comment.date}` : '';
  return `${by}${when}, imported from the file:\n\n${comment.text.trim()}`.slice(0, 100_000);
}

export function commentHighlights(
  ctx: CoreContext,
  document: Document,
  comments: readonly ImportedComment[],
  now: string,
): Annotation[] {
  const { text } = document;
  const out: Annotation[] = [];
  for (const comment of comments) {
    // A comment on nothing but white space (or an empty range) is kept on the nearest word.
    const range =
      tidyRange(text, comment.start, comment.end) ??
      tidyRange(text, Math.max(0, comment.start - 1), Math.min(text.length, comment.end + 40));
    if (!range) continue;
    out.push({
      id: ctx.newId('ann'),
      documentId: document.id,
      target: describeRange(text, range.start, range.end),
      entityIds: [],
      tags: [COMMENT_TAG],
      kind: HIGHLIGHT_KINDS[0].id,
      note: noteOf(comment),
      status: 'anchored',
      anchoredRevision: document.revision,
      createdAt: now,
      updatedAt: now,
    });
  }
  return out;
}
