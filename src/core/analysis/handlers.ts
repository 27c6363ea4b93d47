// Read-only research views over the current state: co-occurrence and the passages behind a
// pair, dossiers, the timeline of events, date suggestions, and their exports. None of
// them changes anything, so none goes through the command queue.
import type { WorkbenchHandlers } from '../../shared/api';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { exportDossier } from '../export/dossier';
import { exportEventsCsv, exportEventsJson } from '../export/events';
import { connections, cooccurrence } from './cooccurrence';
import { suggestDates } from '../events/date-suggestions';
import { dossier } from '../entities/dossier';
import { passagesByEntity, timeline } from '../events/timeline';

type Handlers = Pick<
  WorkbenchHandlers,
  | 'analysis.cooccurrence'
  | 'analysis.connections'
  | 'entities.dossier'
  | 'events.timeline'
  | 'events.suggestDates'
  | 'export.dossier'
  | 'export.events'
>;

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'entity';

export function researchHandlers(ctx: CoreContext): Handlers {
  const files = () => [...ctx.store.state.documents.values()];
  const entities = () => ctx.store.state.workspace.entities;
  const entity = (id: string) => {
    const found = entities().find((e) => e.id === id);
    if (!found) throw notFound('entity', id);
    return found;
  };
  const events = () => timeline(entities(), passagesByEntity(files()));
  const attempt = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    'analysis.cooccurrence': (input) => attempt(() => cooccurrence(files(), entities(), input)),
    'analysis.connections': ({ a, b, scope }) =>
      attempt(() => {
        entity(a);
        entity(b);
        return connections(files(), a, b, scope);
      }),
    'entities.dossier': ({ id }) =>
      attempt(() => dossier(files(), entities(), entity(id), ctx.blockLookup())),
    'events.timeline': () => attempt(events),
    'events.suggestDates': ({ id }) =>
      attempt(() => {
        entity(id);
        const passages = (passagesByEntity(files()).get(id) ?? []).map((p) => p.annotation);
        return suggestDates(passages);
      }),
    'export.dossier': ({ id }) =>
      attempt(() => {
        const now = new Date().toISOString();
        const d = dossier(files(), entities(), entity(id), ctx.blockLookup());
        return {
          fileName: `dossier-${slug(d.entity.name)}-${now.slice(0, 10)}.md`,
          mimeType: 'text/markdown; charset=utf-8',
          content: exportDossier(d, now),
        };
      }),
    'export.events': ({ format }) =>
      attempt(() => {
        const date = new Date().toISOString().slice(0, 10);
        return format === 'csv'
          ? {
              fileName: `events-${date}.csv`,
              mimeType: 'text/csv; charset=utf-8',
              content: exportEventsCsv(events()),
            }
          : {
              fileName: `events-${date}.json`,
              mimeType: 'application/json',
              content: exportEventsJson(events()),
            };
      }),
  };
}
