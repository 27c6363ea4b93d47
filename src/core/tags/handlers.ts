// tags.*: the free-text tags in use and how many highlights carry each, from the tag index
// kept in step with every commit.
import type { NamespaceHandlers, TagCount } from '../../shared/api';
import type { CoreContext } from '../context';

export function tagsHandlers(ctx: CoreContext): NamespaceHandlers<'tags'> {
  return {
    'tags.list': () => {
      const list: TagCount[] = [...ctx.tags.tagCounts()].map(([tag, count]) => ({ tag, count }));
      list.sort((a, b) => a.tag.localeCompare(b.tag));
      return Promise.resolve(list);
    },
  };
}
