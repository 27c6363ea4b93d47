// One `[[...]]` link of a note as the preview shows it: a resolved link opens the entity's
// panel or the document; an unresolved one is marked and says why, and opens nothing.
import type { ReactNode } from 'react';
import type { LinkIndex } from '../../lib/note-links';
import { showEntity } from '../../store/selection';
import { useCommands, useWorkbench } from '../../workbench/context';

export function useNoteLinkRenderer(
  index: LinkIndex,
): (target: string, label: ReactNode) => ReactNode {
  const { store } = useWorkbench();
  const { openDocument } = useCommands();
  return function NoteLinkElement(target, label) {
    const found = index.resolve(target);
    if (!found)
      return (
        <span className="note-link unresolved" title={`No entity or document named “${target}”`}>
          {label}
          <span className="visually-hidden"> (unresolved link)</span>
        </span>
      );
    return (
      <button
        type="button"
        className="link note-link"
        title={found.kind === 'entity' ? `Open entity “${found.name}”` : `Open “${found.title}”`}
        onClick={() =>
          found.kind === 'entity' ? store.dispatch(showEntity(found.id)) : openDocument(found.id)
        }
      >
        {label}
      </button>
    );
  };
}
