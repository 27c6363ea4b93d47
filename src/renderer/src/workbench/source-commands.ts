// What the user can do to a source: correct its details, save an edit of its text, answer
// "update or add as new" for a re-imported file, and work through the highlights that
// re-anchoring could not place for certain. Each is one undoable command in the core.
import type { SourcePatch, WorkbenchApi } from '../../../shared/api';
import { bytesOf, describeOutcome, toFileOutcome } from '../lib/import-files';
import { plural } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { closePanel, showReview } from '../store/selection';
import { showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

export function createSourceCommands(
  api: WorkbenchApi,
  store: WorkbenchStore,
  run: Run,
  openDocument: (id: string | null) => void,
) {
  const { dispatch } = store;
  return {
    updateDetails: async (
      id: string,
      patch: { title?: string; source?: SourcePatch },
    ): Promise<boolean> => {
      const done = await run(() => api['documents.updateMetadata']({ id, patch }));
      if (done) dispatch(showToast('Document details saved.', 'undo'));
      return done !== undefined;
    },

    /** Saves an edit as the next revision; opens the review when highlights need a look. */
    saveText: async (id: string, revision: number, text: string): Promise<boolean> => {
      const view = await run(() => api['documents.editText']({ id, revision, text }));
      if (!view) return false;
      const review = view.annotations.filter(
        (a) => a.status === 'fuzzy' || a.status === 'orphaned',
      ).length;
      dispatch(
        showToast(
          `Text saved as revision ${view.document.revision}${review ? `; ${plural(review, 'highlight')} to review` : ''}.`,
          'undo',
        ),
      );
      if (review) dispatch(showReview());
      return true;
    },

    openReview: (): void => dispatch(showReview()),
    startReattach: (id: string): void => dispatch(showReview(id)),
    cancelReattach: (): void => dispatch(showReview()),

    acceptHighlight: async (id: string): Promise<void> => {
      if (await run(() => api['annotations.accept']({ id })))
        dispatch(showToast('Highlight accepted at its new place.', 'undo'));
    },

    reattachHighlight: async (id: string, range: { start: number; end: number }): Promise<void> => {
      if (await run(() => api['annotations.reattach']({ id, ...range }))) {
        dispatch(showReview());
        dispatch(showToast('Highlight re-attached.', 'undo'));
      }
    },

    /** The user's answer for the first file that looked like a newer version. */
    answerReimport: async (choice: 'update' | 'new' | 'skip'): Promise<void> => {
      const asked = store.getState().ui.reimports[0];
      dispatch({ type: 'ui/reimportAnswered' });
      if (!asked || choice === 'skip') return;
      const { fileName, file, documentId } = asked;
      const outcome = await run(async () =>
        api['documents.importBytes']({
          fileName,
          data: await bytesOf(file),
          onMatch: choice,
          ...(choice === 'update' ? { targetId: documentId } : {}),
        }),
      );
      if (!outcome) return;
      const shown = toFileOutcome(outcome, file);
      dispatch({
        type: 'ui/outcomes',
        outcomes: [{ ...shown, message: describeOutcome(outcome) }],
      });
      if (shown.documentId) openDocument(shown.documentId);
      if (outcome.kind === 'updated' && outcome.review > 0) dispatch(showReview());
      else if (outcome.kind === 'updated') dispatch(closePanel());
    },
  };
}
