// links.*: typed links between two highlights ("this testimony corroborates that report"),
// across documents. A link names a relation of the codebook; deleting a highlight removes
// its links in the same command.
import { z } from 'zod';
import { Id, type HighlightLink } from '../model';
import { Empty } from './workspace';
import { byId, method, namespace } from './define';

const LinkNote = z.string().max(2_000);

export const CreateLinkInput = z
  .strictObject({ from: Id, to: Id, relation: Id, note: LinkNote.optional() })
  .refine((v) => v.from !== v.to, {
    message: 'a highlight cannot be linked to itself',
    path: ['to'],
  });

export const linksMethods = namespace('links', {
  'links.list': method<HighlightLink[]>()(Empty),
  'links.create': method<HighlightLink>()(CreateLinkInput),
  'links.update': method<HighlightLink>()(
    z.strictObject({ id: Id, relation: Id.optional(), note: LinkNote.optional() }),
  ),
  'links.delete': method<{ id: string }>()(byId),
});
