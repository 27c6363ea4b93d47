// The codebook concern: the workspace's highlight kinds, codes and link relations, and the
// links between highlights, as the core last sent them. Until they are loaded the default
// codebook stands in, so the reader's toolbar and paint work from the first frame.
import { defaultCodebook } from '../../../shared/codebook/codebook';
import type { Codebook, HighlightLink } from '../../../shared/model';
import { patchList } from './changes';
import type { Action, State } from './index';

export interface CodebookState {
  codebook: Codebook | undefined;
  links: HighlightLink[] | undefined;
}

export type CodebookAction =
  | { type: 'codebook/loaded'; codebook: Codebook }
  | { type: 'links/loaded'; links: HighlightLink[] };

export const initialCodebook: CodebookState = { codebook: undefined, links: undefined };

export function codebookReducer(state: CodebookState, action: Action): CodebookState {
  switch (action.type) {
    case 'codebook/loaded':
      return { ...state, codebook: action.codebook };
    case 'links/loaded':
      return { ...state, links: action.links };
    case 'core/changed': {
      const { codebook, links } = action.event;
      if (!codebook && !links) return state;
      return {
        codebook: codebook ?? state.codebook,
        links:
          links && state.links
            ? patchList(state.links, links.put, links.removed, (l) => l.id)
            : state.links,
      };
    }
    default:
      return state;
  }
}

const DEFAULT = defaultCodebook();
const NONE: HighlightLink[] = [];

export const selectCodebook = (state: State): Codebook => state.codebook.codebook ?? DEFAULT;
export const selectLinks = (state: State): HighlightLink[] => state.codebook.links ?? NONE;
