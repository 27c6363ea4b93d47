// tags.*: the workspace's free-text tags.
import { Empty } from './workspace';
import { method, namespace } from './define';

/** A free-text tag and how many highlights carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

export const tagsMethods = namespace('tags', {
  'tags.list': method<TagCount[]>()(Empty),
});
