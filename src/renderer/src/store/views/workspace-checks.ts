// Views of the workspace as a whole: the check of every quote, text and file (verify, done
// again each time it is shown, since files may change on disk with no event),
// what an annotations file would bring in (keyed by the file the user picked, since the
// preview depends on its content), and how far the search index has come. A check is
// stale after any change; a preview when documents changed (it matches their addresses);
// the index's progress after documents changed, and asked for again while it moves.
import type { AnnotationsPreview } from '../../../../shared/methods/annotations';
import type { VerifyReport } from '../../../../shared/methods/workspace';
import type { State } from '../index';
import { anyContent, anyDocumentChanged } from './changed';
import type { ViewEntry, ViewSpec } from './view-cache';

export type WholeWorkspace = 'all';

export const verificationView: ViewSpec<WholeWorkspace, VerifyReport> = {
  key: () => 'all',
  staleAfter: (event) => anyContent(event),
  keep: 1,
  askWhenShown: true,
};

export interface AnnotationsFile {
  /** Names the file the user picked: two picks of one file are two previews. */
  token: string;
  json: string;
}

export const annotationsPreviewView: ViewSpec<AnnotationsFile, AnnotationsPreview> = {
  key: (file) => file.token,
  staleAfter: (event) => anyDocumentChanged(event),
  keep: 2,
};

export interface IndexStatus {
  indexed: number;
  total: number;
  complete: boolean;
}

/** How often the index's progress is asked for while it is being built. */
export const INDEX_POLL_MS = 400;

export const indexStatusView: ViewSpec<WholeWorkspace, IndexStatus> = {
  key: () => 'all',
  staleAfter: (event) => anyDocumentChanged(event),
  keep: 1,
  refreshAfter: (status) => (status.complete ? undefined : INDEX_POLL_MS),
};

export const selectVerification = (
  state: State,
): ViewEntry<WholeWorkspace, VerifyReport> | undefined => state.views.verification.all;

export const selectAnnotationsPreview = (
  state: State,
  token: string,
): ViewEntry<AnnotationsFile, AnnotationsPreview> | undefined =>
  state.views.annotationsPreview[token];

export const selectIndexStatus = (
  state: State,
): ViewEntry<WholeWorkspace, IndexStatus> | undefined => state.views.indexStatus.all;
