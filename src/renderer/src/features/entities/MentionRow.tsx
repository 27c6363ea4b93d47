// One found mention in a review list (of one entity's mentions, or of every entity's):
// a checkbox to choose it, the passage around it in the document's own direction, where
// it is, and Accept. `forName` names the entity in the controls' names when the list
// holds several entities' mentions.
import type { Mention } from '../../../../shared/methods/mentions';
import { useLanguages } from '../../hooks/use-languages';

export function MentionRow({
  mention: m,
  focusKey,
  chosen,
  forName,
  onChoose,
  onAccept,
}: {
  mention: Mention;
  /** Where focus goes back to after an accept (see use-focus-next). */
  focusKey: string;
  chosen: boolean;
  forName?: string;
  onChoose: (checked: boolean) => void;
  onAccept: () => void;
}): React.JSX.Element {
  const languageOf = useLanguages();
  const where = `${m.exact} in ${m.documentTitle}${forName ? `, for ${forName}` : ''}`;
  return (
    <li className={m.tagged ? 'tagged' : undefined}>
      <label>
        <input
          type="checkbox"
          disabled={m.tagged}
          checked={m.tagged || chosen}
          aria-label={`${m.tagged ? 'Already tagged' : 'Choose'}: ${where}`}
          onChange={(e) => onChoose(e.target.checked)}
        />{' '}
        {/* One isolate for the context, so a right-to-left passage reads in its order. */}
        <span {...languageOf(m.documentId)}>
          <span className="muted">…{m.before}</span>
          <mark>{m.exact}</mark>
          <span className="muted">{m.after}…</span>
        </span>
      </label>
      <span className="muted">
        {' '}
        <bdi>{m.documentTitle}</bdi>
        {m.tagged ? ' · tagged' : m.highlightId ? ' · highlighted, not tagged' : ''}
      </span>
      {!m.tagged && (
        <button
          type="button"
          className="accept"
          data-focus-key={focusKey}
          aria-label={`Accept: ${where}`}
          onClick={onAccept}
        >
          Accept
        </button>
      )}
    </li>
  );
}
