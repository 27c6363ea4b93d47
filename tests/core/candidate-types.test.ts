// Suggested entities take their type from more than the tagger: the registry's own
// entities, the head word of a name, a title before it; and terms are not suggested.
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/core/mentions/candidates';
import { SCHEMA_VERSION, type DocumentFile, type Entity } from '../../src/shared/model';
import { documentFromText, FIXED_TIME } from '../fixtures/documents';

const TEXT = [
  'Fighters of the Islamic State attacked the town, and Foreign Minister Hossein Amir Abollahian condemned it.',
  'A report on Cross-Site Scripting warned the ministry’s users.',
  'Relatives gathered outside Evin Prison, where the Revolutionary Guards hold detainees.',
  'Others were taken to Qezel Hesar Lockup near the capital.',
].join('\n\n');

const files: DocumentFile[] = [
  {
    schemaVersion: SCHEMA_VERSION,
    document: documentFromText(TEXT, 'doc_a', 'Report'),
    annotations: [],
  },
];

const place = (id: string, name: string): Entity => ({
  id,
  name,
  type: 'place',
  aliases: [],
  description: '',
  createdAt: FIXED_TIME,
  updatedAt: FIXED_TIME,
});

const typeOfName = (entities: Entity[], name: string): string | undefined =>
  findCandidates(files, entities).find((c) => c.name === name)?.type;

describe('the types of suggested entities', () => {
  it('does not call "Islamic State" a place, and leaves terms out', () => {
    expect(typeOfName([], 'Islamic State')).toBe('organization');
    expect(findCandidates(files, []).map((c) => c.name)).not.toContain('Cross-Site Scripting');
  });

  it('takes a person from the title before the name', () => {
    expect(typeOfName([], 'Hossein Amir Abollahian')).toBe('person');
  });

  it('finds names the tagger misses by their head word', () => {
    expect(typeOfName([], 'Evin Prison')).toBe('place');
    expect(typeOfName([], 'Revolutionary Guards')).toBe('organization');
  });

  it('learns a head word from the registry’s own entities', () => {
    expect(typeOfName([], 'Qezel Hesar Lockup')).toBeUndefined();
    expect(typeOfName([place('ent_1', 'Vakilabad Lockup')], 'Qezel Hesar Lockup')).toBe('place');
  });
});
