// Text edits for the command-queue property test: a Persian paragraph inserted at the
// start, the end or between two paragraphs, or taken out again, through documents.editText
// (a new revision, every highlight of the document re-anchored in the same command), and
// an edit against a stale revision, which must be refused.
import fc from 'fast-check';
import { ApiCommand, refused, step } from './harness';
import { editDoc, withDoc, type ModelDoc } from './model';
import { PERSIAN_PARAGRAPHS } from './texts';

const BREAK = '\n\n';

/** Where a paragraph can go: the start, between two paragraphs, or the end. */
function places(text: string): number[] {
  const found = [0];
  for (let i = text.indexOf(BREAK); i >= 0; i = text.indexOf(BREAK, i + 1)) found.push(i);
  return [...found, text.length];
}

function insertion(doc: ModelDoc, paragraph: string, place: number): ModelDoc | null {
  if (doc.text.includes(paragraph)) return null;
  const at = places(doc.text)[place % places(doc.text).length]!;
  return editDoc(doc, at, 0, at === 0 ? paragraph + BREAK : BREAK + paragraph);
}

/** The paragraph taken out with the break that joined it to the text. */
function removal(doc: ModelDoc, paragraph: string): ModelDoc | null {
  const i = doc.text.indexOf(paragraph);
  if (i < 0) return null;
  return i === 0
    ? editDoc(doc, 0, paragraph.length + BREAK.length, '')
    : editDoc(doc, i - BREAK.length, paragraph.length + BREAK.length, '');
}

function editCommand(name: string, docIndex: number, edit: (doc: ModelDoc) => ModelDoc | null) {
  return new ApiCommand(name, (s) => {
    const doc = s.docs[docIndex]!;
    const edited = edit(doc);
    if (!edited) return null;
    return step(
      'Edit text',
      'documents.editText',
      { id: doc.id, revision: doc.revision, text: edited.text },
      () => withDoc(s, doc.id, () => edited),
    );
  });
}

const which = { doc: fc.nat(1), paragraph: fc.nat(PERSIAN_PARAGRAPHS.length - 1) };

const insertParagraph = fc
  .record({ ...which, place: fc.nat(12) })
  .map(({ doc, paragraph, place }) =>
    editCommand(`insert paragraph ${paragraph} in doc ${doc} at place ${place}`, doc, (d) =>
      insertion(d, PERSIAN_PARAGRAPHS[paragraph]!, place),
    ),
  );

const removeParagraph = fc
  .record(which)
  .map(({ doc, paragraph }) =>
    editCommand(`remove paragraph ${paragraph} from doc ${doc}`, doc, (d) =>
      removal(d, PERSIAN_PARAGRAPHS[paragraph]!),
    ),
  );

/** An edit made against a revision that is not the document's current one. */
const staleEdit = fc.nat(1).map(
  (docIndex) =>
    new ApiCommand(`edit doc ${docIndex} against a stale revision`, (s) => {
      const doc = s.docs[docIndex]!;
      const revision = doc.revision > 1 ? doc.revision - 1 : doc.revision + 1;
      return refused(
        'documents.editText',
        { id: doc.id, revision, text: `${doc.text}${BREAK}${PERSIAN_PARAGRAPHS[0]}` },
        'CONFLICT',
      );
    }),
);

export const textCommands = [insertParagraph, insertParagraph, removeParagraph, staleEdit];
