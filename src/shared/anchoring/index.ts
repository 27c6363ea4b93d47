export { anchor, anchorSteps, MIN_FUZZY_SCORE, type Anchor } from './anchor';
export { anchorAll, driftHints } from './anchor-all';
export { runSteps, type Steps } from './steps';
export { CONTEXT_LENGTH, describeRange, tidyRange, type TextTarget } from './describe';
export { foldSpaces, foldText } from './fold';
export { MAX_ERROR_RATE } from './fuzzy-match';
export {
  editDistance,
  scoreRange,
  textMatchScore,
  WEIGHTS,
  type QuoteContext,
} from './match-quote';
export { reanchor, reanchorAll } from './reanchor';
