// An author written "Given Family" ("Jane Reporter") split the way reference managers
// split a plain two-part Western name, so a style can print "Reporter, J." and BibTeX and
// RIS carry a family name. Only the unambiguous case is split: exactly two words, each a
// capital letter followed by lower-case letters (hyphens and apostrophes inside allowed,
// "Jean-Paul", "O'Brien"), or an initial for the given name ("J. Reporter"). Everything
// else stays one literal name, because a wrong split misnames a person in print: a
// particle ("Ludwig van Beethoven", "Van Morrison"), a single name ("Sting"), a script
// without capitals or spaces ("毛泽东", "محمد علي"), capitals ("UN Women"), three words or
// more (which word is the family name is a guess), and organisations ("Amnesty
// International", "Staff writer"), known by a word organisations use.

/** Lower-case words that begin family names in many languages: never split around one. */
const PARTICLES = new Set(
  (
    'al ap bin bint ben ibn da dal de dei del della der des di do dos du el la le lo ' +
    'mac op san st ten ter van vande vander von zu y'
  ).split(' '),
);

/** Words (English) that name an organisation or a desk rather than a person. */
const ORGANISATION_WORDS = new Set(
  (
    'agency alliance association board bureau centre center coalition commission ' +
    'committee company corporation council court department desk editors editorial ' +
    'federation forum foundation fund government group herald institute international ' +
    'journal media ministry network news office organisation organization party post ' +
    'press project radio reporters service services society staff team times tribunal ' +
    'tribune trust union university watch wire writer'
  ).split(' '),
);

/**
 * A capitalised word: a capital, then lower-case letters, with parts joined by a hyphen
 * or an apostrophe ("Jean-Paul", "O'Brien", "D’Souza"); never all capitals ("UN").
 */
const WORD = /^\p{Lu}\p{Ll}*(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
const LOWER = /\p{Ll}/u;
/** An initial standing for the given name: "J." */
const INITIAL = /^\p{Lu}\.$/u;

/** "Jane Reporter" as `{ given: 'Jane', family: 'Reporter' }`; null when it is not plain. */
export function splitPlainName(name: string): { given: string; family: string } | null {
  const words = name.trim().split(/\s+/);
  if (words.length !== 2) return null;
  const [given, family] = words as [string, string];
  if (!(WORD.test(given) || INITIAL.test(given))) return null;
  if (!WORD.test(family) || !LOWER.test(family)) return null;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/\.$/, '');
    if (PARTICLES.has(lower) || ORGANISATION_WORDS.has(lower)) return null;
  }
  return { given, family };
}
