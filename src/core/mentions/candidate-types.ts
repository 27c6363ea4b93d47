// What type a suggested name is, beyond what the tagger says. The tagger reads "Islamic
// State" and "Cross-Site Scripting" as places and misses "Evin Prison" altogether; the last
// word of a name says more: the registry's own entities teach it (if "Evin Prison" is a
// place, so is "Qezel Hesar Prison"), a short list of heads covers the usual ones
// ("Guards", "Ministry", "Court" are organisations; "Prison", "Province" places), and a
// name whose last word is a gerund ("Scripting") is a term, not an entity.
import nlp from 'compromise';
import type { Entity } from '../../shared/model';
import { foldForMatch } from '../../shared/text';

/** A name's last word, folded, to the type it marks. */
export type Heads = ReadonlyMap<string, string>;

const BUILT_IN: Record<string, readonly string[]> = {
  organization: (
    'Agency Army Assembly Association Bank Brigade Brigades Commission Committee Company ' +
    'Corps Council Court Forces Foundation Front Group Guards Institute International ' +
    'Judiciary Ministry Movement Network Organisation Organization Parliament Party Police ' +
    'Service Union University Watch'
  ).split(' '),
  place:
    'Airport Camp City County District Island Islands Mountains Prison Province River Square Street'.split(
      ' ',
    ),
};

/** "Islamic State", "Iranian State": a state named by an adjective is an organisation. */
const ADJECTIVE_STATE = /^\p{Lu}\p{Ll}+(?:ic|ian|ist)\s+State$/u;

const lastWord = (name: string): string => name.split(/\s+/).at(-1) ?? name;

/** The heads the registry teaches (its multi-word names and aliases), over the built-in ones. */
export function headsFrom(entities: readonly Entity[]): Heads {
  const heads = new Map<string, string>();
  for (const [type, words] of Object.entries(BUILT_IN))
    for (const word of words) heads.set(foldForMatch(word), type);
  const votes = new Map<string, Map<string, number>>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      if (!/\s/.test(name.trim())) continue;
      const head = foldForMatch(lastWord(name.trim()));
      const byType = votes.get(head) ?? new Map<string, number>();
      byType.set(entity.type, (byType.get(entity.type) ?? 0) + 1);
      votes.set(head, byType);
    }
  }
  for (const [head, byType] of votes) {
    const [type] = [...byType].sort((a, b) => b[1] - a[1])[0]!;
    heads.set(head, type);
  }
  return heads;
}

/** The type a name is suggested as, or undefined when it is a term and not an entity. */
export function typeOf(name: string, taggerType: string, heads: Heads): string | undefined {
  if (!/\s/.test(name)) return taggerType;
  if (ADJECTIVE_STATE.test(name)) return 'organization';
  const last = lastWord(name);
  const head = heads.get(foldForMatch(last));
  if (head) return head;
  if (nlp(last.toLowerCase()).has('#Gerund')) return undefined;
  return taggerType;
}

/** Words a sentence may start with that are not part of the name after them. */
const LEADING = /^(?:The|A|An|In|At|On|Of|From|To|By|And|Inside|Near)\s+/u;
const CAPITALISED = /((?:\p{Lu}[\p{L}'’-]*\s+){1,4})(\p{Lu}[\p{Ll}'’-]+)\b/gu;

/** Names the tagger may miss, found by their head: "Evin Prison", "Revolutionary Guards". */
export function headedNames(text: string, heads: Heads): { name: string; type: string }[] {
  const found: { name: string; type: string }[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const type = heads.get(foldForMatch(m[2]!));
    if (!type || type === 'person') continue;
    let name = `${m[1]!}${m[2]!}`.replace(/\s+/g, ' ');
    while (LEADING.test(name)) name = name.replace(LEADING, '');
    if (/\s/.test(name)) found.push({ name, type });
  }
  return found;
}
