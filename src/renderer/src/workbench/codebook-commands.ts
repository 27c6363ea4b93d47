// What the user can do with the codebook and with links: add, edit, reorder and delete
// highlight kinds; file, rename, move, merge and delete codes; edit the link relations; link
// two highlights and unlink them. Each sends one method and says what became of it; the
// change events bring the new codebook and links into the store. Deletions are confirmed by
// the component first, with the counts the core gives.
import type { WorkbenchApi } from '../../../shared/api';
import type { ChildrenOnDelete } from '../../../shared/methods/codebook';
import { plural } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;

export function createCodebookCommands(api: WorkbenchApi, store: WorkbenchStore, run: Run) {
  const toast = (text: string): void => store.dispatch(showToast(text, 'undo'));
  return {
    createKind: async (label: string, colour: string): Promise<boolean> =>
      !!(await run(() => api['codebook.createKind']({ label, colour }))),
    updateKind: async (id: string, patch: { label?: string; colour?: string }): Promise<void> => {
      await run(() => api['codebook.updateKind']({ id, ...patch }));
    },
    moveKind: async (id: string, index: number): Promise<void> => {
      await run(() => api['codebook.moveKind']({ id, index }));
    },
    kindUsage: (id: string) => run(() => api['codebook.kindUsage']({ id })),
    deleteKind: async (id: string, reassignTo: string, usage: number): Promise<void> => {
      const done = await run(() =>
        api['codebook.deleteKind']({ id, reassignTo, confirmUsage: usage }),
      );
      if (done) toast(`Kind deleted; ${plural(done.reassigned, 'highlight')} reassigned.`);
    },

    createCode: async (name: string, parent?: string): Promise<boolean> =>
      !!(await run(() => api['codebook.createCode']({ name, ...(parent ? { parent } : {}) }))),
    renameCode: async (name: string, to: string): Promise<boolean> => {
      const done = await run(() => api['codebook.renameCode']({ name, to }));
      if (done) toast(`Renamed to “${done.name}” on ${plural(done.retagged, 'highlight')}.`);
      return !!done;
    },
    moveCode: async (name: string, parent: string | null): Promise<void> => {
      await run(() => api['codebook.moveCode']({ name, parent }));
    },
    setCodeColour: async (name: string, colour: string | null): Promise<void> => {
      await run(() => api['codebook.updateCode']({ name, colour }));
    },
    mergeCodes: async (names: string[], into: string): Promise<void> => {
      const done = await run(() => api['codebook.mergeCodes']({ names, into }));
      if (done)
        toast(`Merged into “${done.name}”: ${plural(done.retagged, 'highlight')} retagged.`);
    },
    codeUsage: (name: string, children: ChildrenOnDelete) =>
      run(() => api['codebook.codeUsage']({ name, children })),
    deleteCode: async (name: string, children: ChildrenOnDelete, usage: number): Promise<void> => {
      const done = await run(() =>
        api['codebook.deleteCode']({ name, children, confirmUsage: usage }),
      );
      if (done)
        toast(
          `Deleted ${done.removed.map((n) => `“${n}”`).join(', ')}; ${plural(done.untagged, 'highlight')} untagged.`,
        );
    },

    createRelation: async (label: string): Promise<boolean> =>
      !!(await run(() => api['codebook.createRelation']({ label }))),
    renameRelation: async (id: string, label: string): Promise<void> => {
      await run(() => api['codebook.updateRelation']({ id, label }));
    },
    deleteRelation: async (id: string, usage: number): Promise<void> => {
      const done = await run(() => api['codebook.deleteRelation']({ id, confirmUsage: usage }));
      if (done) toast(`Relation deleted with ${plural(done.unlinked, 'link')}.`);
    },

    link: async (from: string, to: string, relation: string): Promise<void> => {
      const done = await run(() => api['links.create']({ from, to, relation }));
      if (done) toast('Highlights linked.');
    },
    setLinkRelation: async (id: string, relation: string): Promise<void> => {
      await run(() => api['links.update']({ id, relation }));
    },
    unlink: async (id: string): Promise<void> => {
      const done = await run(() => api['links.delete']({ id }));
      if (done) toast('Link removed.');
    },
  };
}
