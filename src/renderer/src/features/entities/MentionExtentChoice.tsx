// The setting that says what an accepted mention becomes: its sentence (by default, a
// passage worth quoting and citing) or the name alone. Shown wherever mentions are
// accepted; kept for the next time (../../store/settings.ts).
import { selectMentionExtent, setMentionExtent } from '../../store/settings';
import { useSelector, useWorkbench } from '../../workbench/context';

export function MentionExtentChoice(): React.JSX.Element {
  const { store } = useWorkbench();
  const extent = useSelector(selectMentionExtent);
  return (
    <fieldset className="row wrap mention-extent">
      <legend>Accept each mention as</legend>
      <label>
        <input
          type="radio"
          name="mention-extent"
          checked={extent === 'sentence'}
          onChange={() => store.dispatch(setMentionExtent('sentence'))}
        />{' '}
        its sentence
      </label>
      <label>
        <input
          type="radio"
          name="mention-extent"
          checked={extent === 'name'}
          onChange={() => store.dispatch(setMentionExtent('name'))}
        />{' '}
        the name alone
      </label>
    </fieldset>
  );
}
