// "Same as …?": the entities a name being created or renamed may duplicate, each with why
// (one name as search reads it, or a letter or two apart) and what the user can do about
// it (merge, use the existing one); the form's own button goes on regardless.
import type { ReactNode } from 'react';
import type { SimilarEntity } from '../../../../shared/api';
import { plural } from '../../lib/labels';

export function SimilarNotice({
  similar,
  actions,
}: {
  similar: readonly SimilarEntity[];
  actions: (s: SimilarEntity) => ReactNode;
}): React.JSX.Element | null {
  if (!similar.length) return null;
  return (
    <div className="notice similar" role="status">
      <p>
        <strong>Same as {similar.length === 1 ? 'this entity' : 'one of these'}?</strong>
      </p>
      <ul>
        {similar.map((s) => (
          <li key={s.entity.id}>
            <p>
              “<bdi>{s.entity.name}</bdi>” ({s.entity.type}, {plural(s.entity.usage, 'highlight')})
              {s.matched === s.entity.name ? (
                ' '
              ) : (
                <>
                  : its alias “<bdi>{s.matched}</bdi>”{' '}
                </>
              )}
              {s.reason === 'same' ? (
                <>
                  is “<bdi>{s.typed}</bdi>” as search reads it.
                </>
              ) : (
                <>
                  is {s.distance === 1 ? 'one letter' : `${s.distance} letters`} from “
                  <bdi>{s.typed}</bdi>”.
                </>
              )}
            </p>
            <div className="row wrap">{actions(s)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
