// A workspace as a REFI-QDA project (`project.qde`, QDA-XML 1.0, urn:QDA-XML:project:1.0),
// written as the schema orders it: Users, CodeBook, Variables, Sources, Notes, Links. Each
// document is a TextSource whose text is a file in the archive's sources/ folder, with its
// source details as variable values (Author, Publisher, URL…); each highlight a
// PlainTextSelection with positions in code points (the standard counts characters, as
// QualCoder's Python does, where JavaScript counts UTF-16 units) coded to its kind, its
// entities and its codes; notes are Notes referred to from what they are about; links are
// Links between selections. A highlight that is orphaned has no place in the text and is
// left out (listed in the project's description). Things the schema cannot check (GUIDs
// unique, references resolving, start <= end) hold by construction and are tested.
import { XMLBuilder } from 'fast-xml-parser';
import { relationOf } from '../../../shared/codebook/codebook';
import type { Annotation, Document } from '../../../shared/model';
import type { Snapshot } from '../snapshot';
import {
  codebookCodes,
  entityCodes,
  entityGuid,
  kindGuid,
  tagGuid,
  type XmlCode,
} from './code-tree';
import { codePointOffset, guidOf, xmlSafe } from './guid';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const ORIGIN = 'Research Workbench';

/** The source details written as REFI-QDA variables, and where each comes from. */
export const SOURCE_VARIABLES = [
  ['Author', (d: Document) => d.source.author],
  ['Publisher', (d: Document) => d.source.publisher],
  ['URL', (d: Document) => d.source.url],
  ['DOI', (d: Document) => d.source.doi],
  ['Published', (d: Document) => d.source.publishedDate],
  ['Accessed', (d: Document) => d.source.accessedDate],
  ['Language', (d: Document) => d.source.language],
] as const;

export const USER_GUID = guidOf('user', 'workbench');
export const sourceGuid = (id: string): string => guidOf('document', id);
export const selectionGuid = (id: string): string => guidOf('highlight', id);
const variableGuid = (name: string): string => guidOf('variable', name);

export interface ProjectFiles {
  xml: string;
  /** The plain text of each source, by its file name under sources/. */
  texts: Map<string, string>;
  /** Orphaned highlights left out, by id. */
  skipped: string[];
}

const refs = (guids: readonly string[]) =>
  guids.length ? { NoteRef: guids.map((g) => ({ '@_targetGUID': g })) } : {};

const excerpt = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return xmlSafe(one.length > 60 ? `${one.slice(0, 59)}…` : one);
};

export function projectXml(snapshot: Snapshot): ProjectFiles {
  const { codebook } = snapshot;
  const who = { '@_creatingUser': USER_GUID };
  // Who refers to each note: the note's GUIDs by the record it is about.
  const noteRefs = new Map<string, string[]>();
  const refer = (key: string, guid: string): void => {
    noteRefs.set(key, [...(noteRefs.get(key) ?? []), guid]);
  };
  const notes: Record<string, unknown>[] = [];
  for (const n of snapshot.notes) {
    const guid = guidOf('note', n.id);
    notes.push({
      '@_guid': guid,
      '@_name': xmlSafe(n.title.trim() || 'Untitled note'),
      ...who,
      '@_creationDateTime': n.createdAt,
      '@_modifiedDateTime': n.updatedAt,
      PlainTextContent: xmlSafe(n.body),
    });
    n.entityIds.forEach((id) => refer(`e:${id}`, guid));
    n.documentIds.forEach((id) => refer(`d:${id}`, guid));
    n.annotationIds.forEach((id) => refer(`a:${id}`, guid));
  }
  const texts = new Map<string, string>();
  const skipped: string[] = [];
  const exported = new Set<string>();
  const tags = new Set<string>();
  const sources = snapshot.documents.map(({ document, annotations }) => {
    const guid = sourceGuid(document.id);
    texts.set(`${guid}.txt`, document.text);
    const selections = annotations.flatMap((a) => {
      if (a.status === 'orphaned') {
        skipped.push(a.id);
        return [];
      }
      exported.add(a.id);
      a.tags.forEach((t) => tags.add(t));
      if (a.note.trim()) {
        const noteGuid = guidOf('highlight-note', a.id);
        notes.push({
          '@_guid': noteGuid,
          '@_name': `Note on “${excerpt(a.target.quote.exact)}”`,
          ...who,
          '@_creationDateTime': a.createdAt,
          '@_modifiedDateTime': a.updatedAt,
          PlainTextContent: xmlSafe(a.note),
        });
        refer(`a:${a.id}`, noteGuid);
      }
      return [selection(a, document, noteRefs.get(`a:${a.id}`) ?? [])];
    });
    const values = SOURCE_VARIABLES.flatMap(([name, get]) => {
      const value = get(document)?.trim();
      return value
        ? [{ VariableRef: { '@_targetGUID': variableGuid(name) }, TextValue: xmlSafe(value) }]
        : [];
    });
    return {
      '@_guid': guid,
      '@_name': xmlSafe(document.title),
      '@_plainTextPath': `internal://${guid}.txt`,
      ...who,
      '@_creationDateTime': document.createdAt,
      '@_modifiedDateTime': document.updatedAt,
      ...(selections.length ? { PlainTextSelection: selections } : {}),
      ...refs(noteRefs.get(`d:${document.id}`) ?? []),
      ...(values.length ? { VariableValue: values } : {}),
    };
  });

  function selection(a: Annotation, doc: Document, noteGuids: string[]) {
    const codes = [
      kindGuid(a.kind),
      ...a.entityIds.map(entityGuid),
      ...a.tags.map((t) => tagGuid(codebook, t)),
    ];
    const { start, end } = a.target.position;
    return {
      '@_guid': selectionGuid(a.id),
      '@_name': excerpt(a.target.quote.exact),
      '@_startPosition': String(codePointOffset(doc.text, start)),
      '@_endPosition': String(codePointOffset(doc.text, end)),
      ...who,
      '@_creationDateTime': a.createdAt,
      '@_modifiedDateTime': a.updatedAt,
      Coding: [...new Set(codes)].map((code) => ({
        '@_guid': guidOf('coding', `${a.id}:${code}`),
        ...who,
        '@_creationDateTime': a.updatedAt,
        CodeRef: { '@_targetGUID': code },
      })),
      ...refs(noteGuids),
    };
  }

  const entities = entityCodes(snapshot.entities, (id) => noteRefs.get(`e:${id}`) ?? []);
  const codes: XmlCode[] = [...codebookCodes(codebook, tags), ...(entities ? [entities] : [])];
  const links = snapshot.links
    .filter((l) => exported.has(l.from) && exported.has(l.to))
    .map((l) => ({
      '@_guid': guidOf('link', l.id),
      '@_name': xmlSafe(relationOf(codebook, l.relation).label),
      '@_direction': 'OneWay',
      '@_originGUID': selectionGuid(l.from),
      '@_targetGUID': selectionGuid(l.to),
    }));
  const project = {
    '@_xmlns': PROJECT_NS,
    '@_name': 'Research Workbench workspace',
    '@_origin': ORIGIN,
    '@_creatingUserGUID': USER_GUID,
    '@_creationDateTime': snapshot.exportedAt,
    Users: { User: [{ '@_guid': USER_GUID, '@_name': 'Research Workbench' }] },
    CodeBook: { Codes: { Code: codes } },
    Variables: {
      Variable: SOURCE_VARIABLES.map(([name]) => ({
        '@_guid': variableGuid(name),
        '@_name': name,
        '@_typeOfVariable': 'Text',
      })),
    },
    ...(sources.length ? { Sources: { TextSource: sources } } : {}),
    ...(notes.length ? { Notes: { Note: notes } } : {}),
    ...(links.length ? { Links: { Link: links } } : {}),
    ...(skipped.length
      ? {
          Description: `Left out: ${skipped.length} orphaned highlight(s) whose passage is no longer in the text (${skipped.join(', ')}).`,
        }
      : {}),
  };
  return { xml: buildXml({ Project: project }), texts, skipped };
}

export function buildXml(root: Record<string, unknown>): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
    // The default writes a true attribute as a bare name, which is not XML.
    suppressBooleanAttributes: false,
  });
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  return declaration + builder.build(root);
}
