// The library's list of free-text tags, each with how many highlights carry it; choosing
// one shows those highlights, from every document, in the tag view.
import { plural } from '../../lib/labels';
import { selectResearchView, selectTag } from '../../store/research';
import { selectTags } from '../../store/tags';
import { useCommands, useSelector } from '../../workbench/context';

export function TagsPanel(): React.JSX.Element {
  const commands = useCommands();
  const tags = useSelector(selectTags);
  const shown = useSelector((s) => (selectResearchView(s) === 'tag' ? selectTag(s) : null));
  return (
    <section className="tags" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {tags.length === 0 ? (
        <p className="muted">Tag a highlight with a word of your own and it appears here.</p>
      ) : (
        <ul className="entity-list">
          {tags.map(({ tag, count }) => (
            <li key={tag}>
              <button
                type="button"
                aria-label={`${tag}, ${plural(count, 'highlight')}`}
                aria-current={tag === shown ? 'true' : undefined}
                onClick={() => commands.showTag(tag)}
              >
                <bdi>{tag}</bdi>
                <span className="count" aria-hidden="true">
                  {count}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
