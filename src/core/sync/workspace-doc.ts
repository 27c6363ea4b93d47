// The workspace's Automerge document: every synced record as a map keyed by id, one map per
// kind, each string stored whole (ImmutableString) so that a field edited on two replicas is
// one value against another (kept as a conflict) rather than two texts spliced together, and
// so that the document stays small. A field holding a list or an object (a highlight's
// target, its entity ids) is stored as the bytes of its JSON: it is written whole anyway
// (see writeRecord), and a map of maps per highlight made loading the document materialise
// some 22 values per highlight where this leaves 12 (2.5x faster to load at 20,000
// highlights). Documents written before keep their nested maps, and are read the same. Every replica starts from the same genesis, byte for
// byte, under the id the share id names: two replicas that each create the maps on their own
// would otherwise hold rival maps, and one side's records would be invisible.
import * as A from '@automerge/automerge';
import { conflictsAt } from './core-read';
import { SYNCED_RECORD_KINDS } from '../../shared/methods/sync';

/** The kinds of record synced, in the order applied (defined with the `sync` methods). */
export const SYNCED_KINDS = SYNCED_RECORD_KINDS;
export type SyncedKind = (typeof SYNCED_KINDS)[number];
/** The one key of the `codebook` map. */
export const CODEBOOK_KEY = 'codebook';

/**
 * A value as the document holds it: strings whole, a field's list or object as the bytes of
 * its JSON (older documents: field by field, still read).
 */
export type AmValue =
  A.ImmutableString | number | boolean | null | Uint8Array | AmValue[] | AmRecord;
export interface AmRecord {
  [key: string]: AmValue;
}
export type WorkspaceDoc = { [K in SyncedKind]: Record<string, AmRecord> } & {
  meta: AmRecord;
  /**
   * Entity id → the entity it was merged into: so a replica that still refers to the merged
   * entity (a highlight tagged while the merge travelled) points at the survivor instead.
   */
  merges: Record<string, A.ImmutableString>;
};

/** The author of the genesis change only: no replica ever writes as it. */
const GENESIS_ACTOR = '00'.repeat(16);

/** The first change of every replica's workspace document, identical everywhere. */
export function genesis(): Uint8Array {
  const doc = A.change(
    A.init<WorkspaceDoc>({ actor: GENESIS_ACTOR }),
    { time: 0, message: 'genesis' },
    (d) => {
      for (const kind of SYNCED_KINDS) d[kind] = {};
      d.meta = {};
      d.merges = {};
    },
  );
  return A.save(doc);
}

let genesisAt: A.Heads | undefined;
/** The heads of the genesis: where a replica that agreed on nothing yet stands. */
export function genesisHeads(): A.Heads {
  genesisAt ??= A.getHeads(A.load(genesis()));
  return genesisAt;
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** One field's value as the document holds it: a string whole, a list or object as JSON bytes. */
export function toAm(value: unknown): AmValue {
  if (typeof value === 'string') return new A.ImmutableString(value);
  if (value && typeof value === 'object') return encoder.encode(JSON.stringify(value));
  return value as AmValue;
}

/** A record as the document holds it: a map of its fields, so that each merges on its own. */
export function toAmRecord(record: object): AmRecord {
  return Object.fromEntries(
    Object.entries(record)
      // Automerge refuses undefined: an absent optional field is simply not written.
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, toAm(v)]),
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const UNREADABLE = Symbol('unreadable');

function fromBytes(bytes: Uint8Array): Plain | typeof UNREADABLE {
  try {
    return JSON.parse(decoder.decode(bytes)) as Plain;
  } catch {
    return UNREADABLE;
  }
}

/**
 * A value read from the document as plain JSON data, for the schemas to check. Bytes that are
 * not JSON (only a broken or hostile peer writes them) read as null: `unreadableField` is
 * what refuses such a record.
 */
export function toPlain(value: unknown): Plain | undefined {
  if (value === undefined) return undefined;
  if (A.isImmutableString(value)) return value.val;
  if (value instanceof Uint8Array) {
    const plain = fromBytes(value);
    return plain === UNREADABLE ? null : plain;
  }
  if (Array.isArray(value)) return value.map((v) => toPlain(v) ?? null);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v) ?? null]));
  return value as Plain;
}

/** The field of a record (or the record itself, "") whose bytes are not JSON, if any. */
export function unreadableField(record: unknown): string | undefined {
  if (record instanceof Uint8Array) return fromBytes(record) === UNREADABLE ? '' : undefined;
  if (!record || typeof record !== 'object') return undefined;
  for (const [field, value] of Object.entries(record))
    if (value instanceof Uint8Array && fromBytes(value) === UNREADABLE) return field;
  return undefined;
}

/** Whether two sets of heads (hex hashes) name the same point of history. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h) => b.includes(h));
}

/** Structural equality of plain JSON data, key order aside. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Writes a record into the document (inside a change), field by field: only the fields that
 * differ from what the document holds, so that two replicas editing different fields of one
 * record both keep their edit. Arrays and nested objects are replaced whole (a list edited
 * on both sides is then a conflict, not a merge with duplicates). `undefined` removes it.
 */
export function writeRecord(
  map: Record<string, AmRecord>,
  id: string,
  record: object | undefined,
  /**
   * The record as the document holds it, read outside the change: inside one, lists come
   * back as proxies that do not read as arrays, and would always look changed.
   */
  before: unknown,
): boolean {
  if (!record) {
    if (before === undefined) return false;
    delete map[id];
    return true;
  }
  const current = map[id];
  // A record written whole as another kind of value (only a broken peer does) is replaced.
  const isMap =
    typeof current === 'object' &&
    !(current instanceof Uint8Array) &&
    !A.isImmutableString(current);
  if (!isMap || typeof before !== 'object' || !before) {
    map[id] = toAmRecord(record);
    return true;
  }
  let wrote = false;
  const fields = record as Record<string, unknown>;
  const was = before as Record<string, unknown>;
  for (const key of new Set([...Object.keys(was), ...Object.keys(fields)])) {
    const value = fields[key];
    if (value === undefined) {
      if (was[key] !== undefined) {
        delete current[key];
        wrote = true;
      }
    } else if (!same(was[key], value)) {
      current[key] = toAm(value);
      wrote = true;
    }
  }
  return wrote;
}

/** One field holding several values written concurrently: the shown one and the others. */
export interface FieldConflict {
  kind: SyncedKind;
  id: string;
  /** The field, or null when the whole record was written on two sides. */
  field: string | null;
  /** Each value, with the actor that wrote it; the first is the one applied. */
  values: { value: unknown; actor: string }[];
}

function valuesOf(conflicts: A.Conflicts): { value: unknown; actor: string }[] {
  // Op ids are "<counter>@<actor>": the winner is the greatest counter, then actor.
  const parsed = Object.entries(conflicts).map(([op, value]) => {
    const [counter, actor] = op.split('@');
    return { counter: Number(counter), actor: actor ?? '', value: toPlain(value) };
  });
  parsed.sort((a, b) => b.counter - a.counter || (b.actor > a.actor ? 1 : -1));
  const distinct: { value: unknown; actor: string }[] = [];
  for (const p of parsed)
    if (!distinct.some((d) => same(d.value, p.value)))
      distinct.push({ value: p.value, actor: p.actor });
  return distinct;
}

/** The conflict at one record's field (or the record itself, field null), if one is open. */
export function conflictAt(
  doc: A.Doc<WorkspaceDoc>,
  kind: SyncedKind,
  id: string,
  field: string | null,
): FieldConflict | undefined {
  // Both sides stamp the time of their edit: that clash says nothing a person must decide.
  if (field === 'updatedAt') return undefined;
  // From Automerge's core: the JavaScript view can show a record wrongly (core-read.ts).
  const c = conflictsAt(doc, kind, id, field);
  const values = c ? valuesOf(c) : [];
  return values.length > 1 ? { kind, id, field, values } : undefined;
}

/**
 * Every open conflict in the document: fields holding two or more different values. Reads
 * every field of every record (seconds at 20,000 highlights): a session keeps an index
 * instead (conflict-index.ts); this is for the command line's look at a saved document.
 */
export function conflictsOf(doc: A.Doc<WorkspaceDoc>): FieldConflict[] {
  const found: FieldConflict[] = [];
  for (const kind of SYNCED_KINDS) {
    const map = doc[kind];
    for (const id of Object.keys(map)) {
      const whole = conflictAt(doc, kind, id, null);
      if (whole) found.push(whole);
      for (const field of Object.keys(map[id] ?? {})) {
        const c = conflictAt(doc, kind, id, field);
        if (c) found.push(c);
      }
    }
  }
  return found;
}
