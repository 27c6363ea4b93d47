// What the user can do from the research views: merge and split entities, accept found
// mentions, make an entity from a candidate, and open dossiers. Like the other commands,
// each sends one method and says what became of it; the change events update the store.
import type { WorkbenchApi } from '../../../shared/api';
import type { MergeChoices } from '../../../shared/methods/entities';
import type { AcceptedMentions } from '../../../shared/methods/mentions';
import type { z } from 'zod';
import { plural } from '../lib/labels';
import type { WorkbenchStore } from '../store/index';
import { showDossier } from '../store/research';
import { showEntity } from '../store/selection';
import { selectMentionExtent } from '../store/settings';
import { showToast } from '../store/ui';

/**
 * What accepting mentions did, counted as the user counts it: mentions tagged, new
 * highlights, highlights that were there and gained the tag (never "0 tagged" for a
 * step that tagged every mention it was given).
 */
export function acceptedText(done: AcceptedMentions & { entities?: number }): string {
  if (done.mentions === 0) return 'Nothing to tag: those mentions were tagged already.';
  const parts = [
    done.created > 0 ? `${plural(done.created, 'highlight')} made` : '',
    done.tagged > 0 ? `${plural(done.tagged, 'highlight')} already there tagged` : '',
  ].filter(Boolean);
  const of = done.entities !== undefined ? ` of ${plural(done.entities, 'entity')}` : '';
  return `${plural(done.mentions, 'mention')}${of} tagged: ${parts.join(', ')}.`;
}

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

    /** Tags the mentions (as their sentences or the names alone: the setting); true when done. */
    acceptMentions: async (entityId: string, mentions: Ref[]): Promise<boolean> => {
      const refs = mentions.map(({ documentId, start, end }) => ({ documentId, start, end }));
      const extent = selectMentionExtent(store.getState());
      const done = await run(() => api['mentions.accept']({ entityId, mentions: refs, extent }));
      if (!done) return false;
      dispatch(showToast(acceptedText(done), 'undo'));
      return true;
    },

    /** Accepts mentions of many entities as one step; true when it was done. */
    acceptAllMentions: async (mentions: (Ref & { entityId: string })[]): Promise<boolean> => {
      const refs = mentions.map(({ entityId, documentId, start, end }) => ({
        entityId,
        documentId,
        start,
        end,
      }));
      const extent = selectMentionExtent(store.getState());
      const done = await run(() => api['mentions.acceptAll']({ mentions: refs, extent }));
      if (!done) return false;
      dispatch(showToast(acceptedText(done), 'undo'));
      return true;
    },

    adoptCandidate: async (name: string, type: string): Promise<void> => {
      const extent = selectMentionExtent(store.getState());
      const done = await run(() => api['mentions.adopt']({ name, type, extent }));
      if (!done) return;
      dispatch(showToast(`“${name}” created. ${acceptedText(done)}`, 'undo'));
    },
  };
}
