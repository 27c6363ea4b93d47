// Input schemas of the living-sources methods: a source's details as the user corrects
// them (a web address must be http(s), so a source link can never run anything) and a
// highlight re-attached to a new selection.
import { z } from 'zod';
import { Id } from './model';

/** A web address a researcher can open: http(s) only, so a source link runs nothing. */
const WebAddress = z
  .string()
  .trim()
  .max(2048)
  .refine((u) => u === '' || isWebAddress(u), 'a web address starting with http:// or https://');

function isWebAddress(u: string): boolean {
  if (!/^https?:\/\//i.test(u)) return false;
  try {
    return new URL(u).hostname.length > 0;
  } catch {
    return false;
  }
}
/** Where a source came from, as the user corrects it; an empty string clears a field. */
export const SourcePatch = z.strictObject({
  author: z.string().trim().max(500).optional(),
  publisher: z.string().trim().max(500).optional(),
  url: WebAddress.optional(),
  publishedDate: z.string().trim().max(100).optional(),
  accessedDate: z.string().trim().max(100).optional(),
});
export type SourcePatch = z.infer<typeof SourcePatch>;

export const UpdateMetadataInput = z.strictObject({
  id: Id,
  patch: z.strictObject({
    title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
    source: SourcePatch.optional(),
  }),
});

export const ReattachInput = z
  .strictObject({
    id: Id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((v) => v.start < v.end, { message: 'start must be before end', path: ['end'] });
