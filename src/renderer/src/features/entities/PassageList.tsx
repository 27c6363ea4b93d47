// The passages tagged to an entity, each with a way to jump to it in the reader; choosing
// some of them splits them off to another entity or a new one, in one undoable step.
import { useState } from 'react';
import type { EntityPassage, EntityWithUsage } from '../../../../shared/api';
import { plural } from '../../lib/labels';
import { useCommands } from '../../workbench/context';
import { useLanguages } from '../../hooks/use-languages';
import { quoteOf } from '../../../../shared/regions';

const NEW = '\u0000new';

export function PassageList({
  entity,
  entities,
  passages,
  readOnly,
  onShowPassage,
}: {
  entity: EntityWithUsage;
  entities: readonly EntityWithUsage[];
  passages: EntityPassage[] | undefined;
  readOnly: boolean;
  onShowPassage: (passage: EntityPassage) => void;
}): React.JSX.Element {
  const languageOf = useLanguages();
  const commands = useCommands();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState(NEW);
  const [name, setName] = useState('');
  const picked = (passages ?? []).filter((p) => chosen.has(p.annotation.id));
  const split = async (): Promise<void> => {
    const to = target === NEW ? { name: name.trim(), type: entity.type } : { entityId: target };
    const ids = picked.map((p) => p.annotation.id);
    if (await commands.splitEntity(entity.id, ids, to)) setChosen(new Set());
  };
  return (
    <>
      <h3>Passages</h3>
      {passages?.length === 0 && (
        <p className="muted">No highlight is tagged to this entity yet.</p>
      )}
      <ol className="passages" aria-label={`Passages tagged to ${entity.name}`}>
        {passages?.map((p) => {
          const short = quoteOf(p.annotation).slice(0, 60);
          return (
            <li key={p.annotation.id}>
              <blockquote
                className={`quote quote-${p.annotation.kind}`}
                {...languageOf(p.annotation.documentId)}
              >
                {quoteOf(p.annotation)}
              </blockquote>
              <div className="row spread">
                {!readOnly && (
                  <label>
                    <input
                      type="checkbox"
                      aria-label={`Choose passage: ${short}`}
                      checked={chosen.has(p.annotation.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(p.annotation.id);
                        else next.delete(p.annotation.id);
                        setChosen(next);
                      }}
                    />
                  </label>
                )}
                <cite>{p.documentTitle}</cite>
                <button
                  type="button"
                  onClick={() => onShowPassage(p)}
                  aria-label={`Show in reader: ${short}`}
                >
                  Show in reader
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {picked.length > 0 && (
        <form
          className="split"
          aria-label="Move chosen passages"
          onSubmit={(e) => {
            e.preventDefault();
            void split();
          }}
        >
          <label className="stack">
            Move {plural(picked.length, 'passage')} to
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value={NEW}>A new entity…</option>
              {entities
                .filter((e) => e.id !== entity.id)
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
            </select>
          </label>
          {target === NEW && (
            <label className="stack">
              New entity’s name
              <input required value={name} onChange={(e) => setName(e.target.value)} />
            </label>
          )}
          <button type="submit">Move passages</button>
        </form>
      )}
    </>
  );
}
