// One `[[...]]` link as Markdown shows it: a resolved link opens the entity's panel, the
// document or the note; an unresolved one is marked and says why, and opens nothing.
import type { ReactNode } from 'react';
import type { LinkIndex, LinkTarget } from '../../lib/note-links';
import { showEntity } from '../../store/selection';
import { useCommands, useWorkbench } from '../../workbench/context';

const titleOf = (found: LinkTarget): string =>
  found.kind === 'entity'
    ? `Open entity “${found.name}”`
    : found.kind === 'note'
      ? `Open note “${found.title}”`
      : `Open “${found.title}”`;

export function useNoteLinkRenderer(
  index: LinkIndex,
): (target: string, label: ReactNode) => ReactNode {
  const { store } = useWorkbench();
  const { openDocument, openNote } = useCommands();
  return function NoteLinkElement(target, label) {
    const found = index.resolve(target);
    if (!found)
      return (
        <span
          className="note-link unresolved"
          title={`No entity, document or note named “${target}”`}
        >
          {label}
          <span className="visually-hidden"> (unresolved link)</span>
        </span>
      );
    const open = (): void => {
      if (found.kind === 'entity') store.dispatch(showEntity(found.id));
      else if (found.kind === 'note') openNote(found.id);
      else openDocument(found.id);
    };
    return (
      <button type="button" className="link note-link" title={titleOf(found)} onClick={open}>
        {label}
      </button>
    );
  };
}
