// The model's smallest shapes, shared by every record: ids, timestamps, labels, tags and
// content hashes. Part of src/shared/model.ts, which everyone imports.
import { z } from 'zod';
import { cleanLabel } from '../bidi';

/**
 * Names every JavaScript object already answers to ("__proto__", "constructor",
 * "hasOwnProperty", ...). An id equal to one of them, used as a key of a plain object
 * anywhere (in our code or a library's: cytoscape keys its traversals so), finds the
 * prototype's member instead of a record; ids that enter the workbench cannot be these.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * The same rule as `Id`, without zod: for checking hundreds of thousands of ids at once
 * (the archive's manifest), where zod's per-value cost adds up to a visible pause.
 */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= 64 &&
  ID_PATTERN.test(value) &&
  !PROTOTYPE_NAMES.has(value);

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(ID_PATTERN, 'ids are letters, digits, "_" or "-"')
  .refine((id) => !PROTOTYPE_NAMES.has(id), {
    message: 'an id cannot be a name every JavaScript object has (such as "constructor")',
  });
export const Timestamp = z.iso.datetime();
/** When a stored record was made and last changed: the last two fields of every record. */
export const RecordTimes = { createdAt: Timestamp, updatedAt: Timestamp };
/**
 * A name, tag or title as it enters: direction overrides and control characters stripped
 * (bidi.ts says why), so two names that display alike are alike.
 */
export const Label = z.string().overwrite(cleanLabel);
/** A highlight's free-text tag: any words, trimmed. */
export const Tag = Label.trim().min(1, 'a tag cannot be empty').max(100);

/** A SHA-256 as 64 lower-case hex digits: the name of a content-addressed file. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
