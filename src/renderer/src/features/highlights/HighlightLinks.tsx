// A highlight's typed links to other highlights ("this corroborates that report"), shown on
// both highlights: each with its relation, the other highlight's quote and document, a way
// to open it, to change the relation and to remove the link; and a box to link another
// highlight found by the words of its quote. The relations are the codebook's.
import '../../styles/codebook.css';
import { useState } from 'react';
import { relationOf } from '../../../../shared/codebook/codebook';
import type { Annotation, HighlightLink } from '../../../../shared/model';
import { useView } from '../../hooks/use-view';
import { selectCodebook, selectLinks } from '../../store/codebook';
import { useCommands, useSelector } from '../../workbench/context';
import { HighlightPicker } from './HighlightPicker';

const short = (text: string): string => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

export function HighlightLinks({
  annotation,
  readOnly,
}: {
  annotation: Annotation;
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const codebook = useSelector(selectCodebook);
  const all = useSelector(selectLinks);
  const links = all.filter((l) => l.from === annotation.id || l.to === annotation.id);
  const others = links.map((l) => (l.from === annotation.id ? l.to : l.from));
  const { data } = useView('linkedHighlights', others, { enabled: others.length > 0 });
  const byId = new Map((data ?? []).map((p) => [p.annotation.id, p]));
  const [relation, setRelation] = useState(codebook.relations[0]?.id ?? '');
  const chosen = codebook.relations.some((r) => r.id === relation)
    ? relation
    : (codebook.relations[0]?.id ?? '');

  const describe = (link: HighlightLink) => {
    const otherId = link.from === annotation.id ? link.to : link.from;
    const other = byId.get(otherId);
    const quote = other ? `“${short(other.annotation.target.quote.exact)}”` : 'another highlight';
    return { otherId, other, quote };
  };

  return (
    <>
      <h3>Links</h3>
      {links.length === 0 ? (
        <p className="muted">Not linked to another highlight.</p>
      ) : (
        <ul className="highlight-links" aria-label="Links to other highlights">
          {links.map((link) => {
            const { other, quote } = describe(link);
            const outgoing = link.from === annotation.id;
            const label = relationOf(codebook, link.relation).label;
            return (
              <li key={link.id}>
                {outgoing ? (
                  <>
                    <span>This </span>
                    <select
                      aria-label={`Relation to ${quote}`}
                      value={link.relation}
                      disabled={readOnly}
                      onChange={(e) => void commands.setLinkRelation(link.id, e.target.value)}
                    >
                      {codebook.relations.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.label}
                        </option>
                      ))}
                    </select>{' '}
                  </>
                ) : null}
                <button
                  type="button"
                  className="link"
                  disabled={!other}
                  onClick={() =>
                    other &&
                    commands.showHighlight({
                      id: other.annotation.id,
                      documentId: other.annotation.documentId,
                    })
                  }
                >
                  {quote}
                </button>
                {!outgoing && <span> {label} this</span>}
                {other && <span className="muted small"> · {other.documentTitle}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    aria-label={`Remove the link to ${quote}`}
                    onClick={() => void commands.unlink(link.id)}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <div className="stack link-new">
          <label>
            This highlight{' '}
            <select
              aria-label="Relation of a new link"
              value={chosen}
              onChange={(e) => setRelation(e.target.value)}
            >
              {codebook.relations.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <HighlightPicker
            label="Link to another highlight"
            exclude={[annotation.id, ...others]}
            onPick={(hit) => void commands.link(annotation.id, hit.id, chosen)}
          />
        </div>
      )}
    </>
  );
}
