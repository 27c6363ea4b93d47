// The palette's rows that go to a record: every readable document ("Open document"), and
// every entity, both its panel ("Open entity") and its dossier ("Dossier").
import { plural } from '../../../lib/labels';
import type { PaletteEntry } from '../../../lib/palette';
import { showEntity } from '../../../store/selection';
import type { PaletteTable } from './context';

/** A document that could not be read has no text to open, so it is not offered. */
export const documentEntries: PaletteTable = ({ commands, documents }) =>
  (documents ?? [])
    .filter((doc) => !doc.problem)
    .map((doc) => ({
      id: `doc-${doc.id}`,
      group: 'Open document',
      label: `${doc.title} (${plural(doc.annotationCount, 'highlight')})`,
      run: () => commands.openDocument(doc.id),
    }));

/** Each entity's two rows stand together, so a name lists its panel and its dossier side by side. */
export const entityEntries: PaletteTable = ({ store, commands, entities }) =>
  entities.flatMap((entity): PaletteEntry[] => [
    {
      id: `entity-${entity.id}`,
      group: 'Open entity',
      label: entity.name,
      run: () => store.dispatch(showEntity(entity.id)),
    },
    {
      id: `dossier-${entity.id}`,
      group: 'Dossier',
      label: entity.name,
      run: () => commands.openDossier(entity.id),
    },
  ]);
