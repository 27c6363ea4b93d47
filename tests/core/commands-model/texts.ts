// Text for the command-queue model test, written for it: a second document to paste beside
// the sample article, and Persian paragraphs that text edits insert and remove. The
// paragraphs share no Latin letters with either document, so inserting one never makes a
// highlighted quote ambiguous, and the model can say where every highlight goes.

export const PASTED_TITLE = 'Field notes on the archive visit';

export const PASTED_TEXT = [
  'Field notes on the archive visit',
  'The reading room opened late on Tuesday, and the clerk brought the three boxes we had ordered a month before. Box two held the correspondence of the provincial office, sorted by year and tied with string.',
  'Most letters were carbon copies on thin paper. Several carry a stamp from the registry with a date that does not match the date typed at the top, which suggests they were filed weeks after they were written.',
  'In the last folder we found a list of names with a column of ticks beside it. Nobody in the room could say what the ticks meant, and the finding aid describes the folder only as miscellaneous.',
  'We photographed every page and left the originals in the order we found them. A second visit is planned for the spring, once the catalogue of box three has been checked.',
].join('\n\n');

/** Paragraphs a text edit inserts (each at most once per document) and later removes. */
export const PERSIAN_PARAGRAPHS = [
  'این بند را برای آزمودن ویرایش متن افزودیم.',
  'گزارش تازه‌ای از بایگانی استان به دستمان رسید.',
  'دادگاه هنوز درباره‌ی این پرونده رأیی نداده است.',
  'شاهدان گفتند بازجویی‌ها شبانه انجام می‌شد.',
  'پژوهشگر این یادداشت را پس از گفت‌وگو نوشت.',
] as const;

export const ENTITY_NAMES = [
  'Evin prison',
  'Ali Shamkhani',
  'Gholam Hossein Mohseni Ejei',
  'Supreme Council of Human Rights',
  'evin prison',
] as const;
export const ENTITY_TYPES = ['person', 'place', 'organization', 'event'] as const;
export const ALIASES = ['Evin', 'Shamkhani', 'Ejei', ' Evin ', 'the council'] as const;
export const DESCRIPTIONS = ['', 'A prison in Tehran.', 'Judiciary chief.'] as const;
export const TAGS = ['evidence', 'follow up', 'dates'] as const;
export const NOTES_TEXT = ['', 'Ask the archive about box three.', 'See [[Evin prison]].'] as const;
