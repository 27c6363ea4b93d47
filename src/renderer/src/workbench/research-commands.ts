// What the user can do from the research views: merge and split entities, accept found
// mentions, make an entity from a candidate, and open dossiers. Like the other commands,
// each sends one method and says what became of it; the change events update the store.
import type { WorkbenchApi } from '../../../shared/api';
import type { MergeChoices } from '../../../shared/methods/entities';
import type { z } from 'zod';
import { plural } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { showDossier } from '../store/research';
import { showEntity } from '../store/selection';
import { showToast } from '../store/ui';

type Run = <T>(call: () => Promise<T>) => Promise<T | undefined>;
type Ref = { documentId: string; start: number; end: number };

export function createResearchCommands(api: WorkbenchApi, store: WorkbenchStore, run: Run) {
  const { dispatch } = store;
  return {
    openDossier: (entityId: string): void => dispatch(showDossier(entityId)),

    mergeEntities: async (
      targetId: string,
      sourceIds: string[],
      choose: z.input<typeof MergeChoices>,
    ): Promise<boolean> => {
      const merged = await run(() => api['entities.merge']({ targetId, sourceIds, choose }));
      if (!merged) return false;
      dispatch(showEntity(merged.id));
      dispatch(showToast(`Merged into “${merged.name}”.`, 'undo'));
      return true;
    },

    splitEntity: async (
      entityId: string,
      annotationIds: string[],
      to: { entityId: string } | { name: string; type: string },
    ): Promise<boolean> => {
      const done = await run(() => api['entities.split']({ entityId, annotationIds, to }));
      if (!done) return false;
      dispatch(
        showToast(`${plural(done.moved, 'passage')} moved to “${done.entity.name}”.`, 'undo'),
      );
      return true;
    },

    acceptMentions: async (entityId: string, mentions: Ref[]): Promise<void> => {
      const refs = mentions.map(({ documentId, start, end }) => ({ documentId, start, end }));
      const done = await run(() => api['mentions.accept']({ entityId, mentions: refs }));
      if (!done) return;
      const made = plural(done.created, 'highlight');
      dispatch(showToast(`${made} created, ${done.tagged} tagged.`, 'undo'));
    },

    /** Accepts mentions of many entities as one step; true when it was done. */
    acceptAllMentions: async (mentions: (Ref & { entityId: string })[]): Promise<boolean> => {
      const refs = mentions.map(({ entityId, documentId, start, end }) => ({
        entityId,
        documentId,
        start,
        end,
      }));
      const done = await run(() => api['mentions.acceptAll']({ mentions: refs }));
      if (!done) return false;
      const made = plural(done.created, 'highlight');
      const entities = plural(done.entities, 'entity');
      dispatch(showToast(`${made} created, ${done.tagged} tagged, for ${entities}.`, 'undo'));
      return true;
    },

    adoptCandidate: async (name: string, type: string): Promise<void> => {
      const done = await run(() => api['mentions.adopt']({ name, type }));
      if (!done) return;
      dispatch(showToast(`“${name}” created, ${plural(done.created, 'highlight')}.`, 'undo'));
    },
  };
}
