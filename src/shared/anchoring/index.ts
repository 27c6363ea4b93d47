export { anchor, scoreCandidate, type Anchor } from './anchor';
export { approximateSearch, type ApproximateMatch } from './approximate-search';
export { CONTEXT_LENGTH, describeRange, tidyRange, type TextTarget } from './describe';
export { reanchor } from './reanchor';
