// Review the mentions of every entity at once: grouped by entity with counts, each in its
// context, those already tagged marked. The user accepts all of the rest, the ones chosen
// or one at a time, as highlights of their sentences (or the names alone: the setting)
// tagged to their entity, each acceptance one undoable step; keyboard focus moves on to
// the next mention waiting.
import { useState } from 'react';
import { nextWaiting, useFocusNext } from '../../hooks/use-focus-next';
import { MentionExtentChoice } from './MentionExtentChoice';
import { MentionRow } from './MentionRow';
import type { EntityMentions, Mention } from '../../../../shared/methods/mentions';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';
import { useModalDialog } from '../../hooks/use-modal-dialog';

type Chosen = { entityId: string; mention: Mention };
const keyOf = (entityId: string, m: Mention): string => `${entityId}:${m.documentId}:${m.start}`;

function pendingOf(groups: readonly EntityMentions[]): Map<string, Chosen> {
  const out = new Map<string, Chosen>();
  for (const g of groups)
    for (const m of g.mentions)
      if (!m.tagged) out.set(keyOf(g.entityId, m), { entityId: g.entityId, mention: m });
  return out;
}

export function AllMentionsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const commands = useCommands();
  const ref = useModalDialog(open);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const { data, error } = useView('allMentions', 'all', { enabled: open });

  const { container, focusAfter } = useFocusNext<HTMLDivElement>('all-mentions-status');
  const pending = pendingOf(data?.groups ?? []);
  const found = (data?.groups ?? []).reduce((n, g) => n + g.mentions.length, 0);
  const accept = (list: Chosen[]): void => {
    const refs = list.map(({ entityId, mention: { documentId, start, end } }) => ({
      entityId,
      documentId,
      start,
      end,
    }));
    const keys = list.map((c) => keyOf(c.entityId, c.mention));
    const order = (data?.groups ?? []).flatMap((g) => g.mentions.map((m) => keyOf(g.entityId, m)));
    const next = nextWaiting(order, keys, (k) => pending.has(k));
    void commands.acceptAllMentions(refs).then((ok) => {
      if (!ok) return;
      setChosen(new Set([...chosen].filter((k) => !keys.includes(k))));
      focusAfter(next);
    });
  };
  const toggle = (keys: string[], on: boolean): void => {
    const next = new Set(chosen);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    setChosen(next);
  };
  const selected = [...chosen].flatMap((k) => pending.get(k) ?? []);

  return (
    <dialog
      className="confirm all-mentions"
      aria-labelledby="all-mentions-title"
      onClose={onClose}
      ref={ref}
    >
      <div ref={container}>
        <h2 id="all-mentions-title">Mentions of all entities</h2>
        {open && !data && !error && <p className="muted">Looking…</p>}
        {error && <p role="alert">Could not find mentions: {error}</p>}
        {open && data && (
          <>
            <p role="status" tabIndex={-1} data-focus-key="all-mentions-status">
              {plural(found, 'mention')} of {plural(data.groups.length, 'entity')} in{' '}
              {data.documentsScanned} of {plural(data.documentsTotal, 'document')};{' '}
              {found - pending.size} already tagged.
            </p>
            {data.truncated && (
              <p>
                Stopped at the limit of {data.limit} matches: only the first{' '}
                {plural(data.documentsScanned, 'document')} were searched. Accept these, then search
                again for the rest.
              </p>
            )}
            <p className="muted">{data.overlapRule}</p>
            <MentionExtentChoice />
            <div className="row wrap">
              <button
                type="button"
                className="primary"
                disabled={pending.size === 0}
                onClick={() => accept([...pending.values()])}
              >
                Accept all {pending.size}
              </button>
              <button
                type="button"
                disabled={selected.length === 0}
                onClick={() => accept(selected)}
              >
                Accept selected ({selected.length})
              </button>
              <button type="button" onClick={onClose}>
                Close
              </button>
            </div>
            {data.groups.map((g) => (
              <EntityGroup
                key={g.entityId}
                group={g}
                chosen={chosen}
                onToggle={toggle}
                onAccept={(mention) => accept([{ entityId: g.entityId, mention }])}
              />
            ))}
          </>
        )}
      </div>
    </dialog>
  );
}

function EntityGroup({
  group,
  chosen,
  onToggle,
  onAccept,
}: {
  group: EntityMentions;
  chosen: ReadonlySet<string>;
  onToggle: (keys: string[], on: boolean) => void;
  onAccept: (mention: Mention) => void;
}): React.JSX.Element {
  const headingId = `all-mentions-${group.entityId}`;
  const open = group.mentions.filter((m) => !m.tagged).map((m) => keyOf(group.entityId, m));
  const all = open.length > 0 && open.every((k) => chosen.has(k));
  return (
    <section aria-labelledby={headingId} className="mention-group">
      <div className="row spread">
        <h3 id={headingId}>
          <bdi>{group.name}</bdi>{' '}
          <span className="muted">
            {plural(group.mentions.length, 'mention')}, {group.untagged} not tagged
            {group.overlapped > 0 && `, ${group.overlapped} given to a longer name`}
          </span>
        </h3>
        <label>
          <input
            type="checkbox"
            disabled={open.length === 0}
            checked={all}
            onChange={(e) => onToggle(open, e.target.checked)}
          />{' '}
          Select all of {group.name}
        </label>
      </div>
      <ol className="mention-list" aria-label={`Mentions of ${group.name}`}>
        {group.mentions.map((m) => {
          const key = keyOf(group.entityId, m);
          return (
            <MentionRow
              key={key}
              mention={m}
              focusKey={key}
              chosen={chosen.has(key)}
              forName={group.name}
              onChoose={(checked) => onToggle([key], checked)}
              onAccept={() => onAccept(m)}
            />
          );
        })}
      </ol>
    </section>
  );
}
