// Find mentions of an entity: every place its name or an alias occurs, in every document,
// each shown in its context and marked when a highlight already tags it; the user accepts
// one, several or all of the rest as tagged highlights of their sentences or of the names
// alone (the setting above the list), each acceptance one undoable step. Keyboard focus
// moves on to the next mention waiting, so a list is worked through without the mouse.
import { useState } from 'react';
import type { Entity } from '../../../../shared/model';
import type { Mention } from '../../../../shared/methods/mentions';
import { nextWaiting, useFocusNext } from '../../hooks/use-focus-next';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';
import { MentionExtentChoice } from './MentionExtentChoice';
import { MentionRow } from './MentionRow';

const keyOf = (m: Mention): string => `${m.documentId}:${m.start}`;
const STATUS = 'status';

export function MentionFinder({ entity }: { entity: Entity }): React.JSX.Element {
  const commands = useCommands();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const { container, focusAfter } = useFocusNext<HTMLElement>(STATUS);
  const { data: mentions } = useView('mentions', entity.id, { enabled: open });
  const pending = (mentions ?? []).filter((m) => !m.tagged);
  const accept = (list: Mention[]): void => {
    const keys = list.map(keyOf);
    const next = nextWaiting((mentions ?? []).map(keyOf), keys, (k) =>
      pending.some((m) => keyOf(m) === k),
    );
    void commands.acceptMentions(entity.id, list).then((ok) => {
      if (!ok) return;
      setChosen(new Set([...chosen].filter((k) => !keys.includes(k))));
      focusAfter(next);
    });
  };
  return (
    <section aria-labelledby="mentions-heading" className="mentions" ref={container}>
      <div className="row spread">
        <h2 id="mentions-heading">Mentions</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide mentions' : 'Find mentions'}
        </button>
      </div>
      {open && !mentions && <p className="muted">Looking…</p>}
      {open && mentions && (
        <>
          <p role="status" tabIndex={-1} data-focus-key={STATUS}>
            {plural(mentions.length, 'mention')} of {[entity.name, ...entity.aliases].join(', ')};{' '}
            {mentions.length - pending.length} already tagged.
          </p>
          <MentionExtentChoice />
          <div className="row wrap">
            <button
              type="button"
              className="primary"
              disabled={pending.length === 0}
              onClick={() => accept(pending)}
            >
              Accept all {pending.length}
            </button>
            <button
              type="button"
              disabled={chosen.size === 0}
              onClick={() => accept(pending.filter((m) => chosen.has(keyOf(m))))}
            >
              Accept chosen ({chosen.size})
            </button>
          </div>
          <ol className="mention-list" aria-label={`Mentions of ${entity.name}`}>
            {mentions.map((m) => (
              <MentionRow
                key={keyOf(m)}
                mention={m}
                focusKey={keyOf(m)}
                chosen={chosen.has(keyOf(m))}
                onChoose={(checked) => {
                  const next = new Set(chosen);
                  if (checked) next.add(keyOf(m));
                  else next.delete(keyOf(m));
                  setChosen(next);
                }}
                onAccept={() => accept([m])}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
