// A REFI-QDA project (project.qde) or codebook (.qdc) read into plain records: the code
// tree, text sources with their coded selections, notes and links, and a list of what the
// file holds that has no place in a workbench (cases, sets, graphs, pictures, audio…).
// Elements are matched by local name, so a namespace spelled wrongly (one exporter wrote
// urn:QDA-XML:codebook:1:0) does not matter. The XML may not declare a DTD: REFI-QDA files
// never need one, and entity declarations are how a small file becomes a huge one.
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from '../import-error';

export interface QdaCode {
  guid: string;
  name: string;
  codable: boolean;
  colour?: string;
  description?: string;
  noteRefs: string[];
  children: QdaCode[];
}

export interface QdaSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  description?: string;
  codeRefs: string[];
  noteRefs: string[];
  created?: string;
}

export interface QdaSource {
  guid: string;
  name: string;
  /** Where its text is: inline, or a path (internal://, relative://, absolute://). */
  inline?: string;
  path?: string;
  selections: QdaSelection[];
  /** Codes applied to the whole source. */
  codeRefs: string[];
  noteRefs: string[];
  /** Variable values by the variable's GUID. */
  values: Map<string, string>;
  created?: string;
}

export interface QdaNote {
  guid: string;
  name: string;
  inline?: string;
  path?: string;
}

export interface QdaLink {
  guid: string;
  name: string;
  origin?: string;
  target?: string;
}

export interface QdaProject {
  origin?: string;
  codes: QdaCode[];
  sources: QdaSource[];
  notes: QdaNote[];
  links: QdaLink[];
  /** Variables by GUID: their names. */
  variables: Map<string, string>;
  unmapped: string[];
}

type Node = Record<string, unknown>;

const REPEATED = new Set(
  'User Code TextSource PictureSource PDFSource AudioSource VideoSource Representation PlainTextSelection Coding NoteRef Note Variable VariableValue Case Set MemberCode MemberSource MemberNote Link Graph Vertex Edge SourceRef SelectionRef'.split(
    ' ',
  ),
);

export function parseXml(xml: string, fileName: string): Node {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new ImportError(fileName, 'its XML declares a DTD, which REFI-QDA files never need');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    removeNSPrefix: true,
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  try {
    return parser.parse(xml, true) as Node;
  } catch (error) {
    const detail = (error as { err?: { msg?: string } }).err?.msg ?? (error as Error).message;
    throw new ImportError(fileName, `its XML is not well-formed (${detail})`);
  }
}

const list = (value: unknown): Node[] =>
  Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Node[]) : [];
const child = (node: Node | undefined, name: string): Node | undefined => {
  const v = node?.[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
};
const attr = (node: Node, name: string): string | undefined => {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};
const textOf = (node: Node | undefined, name: string): string | undefined => {
  const v = node?.[name];
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string')
    return (v as Node)['#text'] as string;
  return v === '' ? '' : undefined;
};
const refs = (node: Node, name: string): string[] =>
  list(node[name]).flatMap((r) => {
    const target = attr(r, 'targetGUID') ?? attr(r, 'guid');
    return target ? [target] : [];
  });
const codingRefs = (node: Node): string[] =>
  list(node.Coding).flatMap((c) => {
    const ref = child(c, 'CodeRef');
    const target = ref && attr(ref, 'targetGUID');
    return target ? [target] : [];
  });

function readCodes(nodes: Node[], unmapped: string[]): QdaCode[] {
  return nodes.flatMap((n) => {
    const guid = attr(n, 'guid');
    const name = attr(n, 'name')?.trim();
    if (!guid || !name) {
      unmapped.push(`a code without a GUID or name${name ? ` (“${name}”)` : ''}`);
      return [];
    }
    const colour = attr(n, 'color');
    return [
      {
        guid,
        name,
        codable: attr(n, 'isCodable') !== 'false',
        ...(colour && /^#[0-9a-f]{6}$/i.test(colour) ? { colour: colour.toLowerCase() } : {}),
        ...(textOf(n, 'Description')?.trim()
          ? { description: textOf(n, 'Description')!.trim() }
          : {}),
        noteRefs: refs(n, 'NoteRef'),
        children: readCodes(list(n.Code), unmapped),
      },
    ];
  });
}

function readSelections(source: Node, title: string, unmapped: string[]): QdaSelection[] {
  return list(source.PlainTextSelection).flatMap((s) => {
    const guid = attr(s, 'guid');
    const start = Number(attr(s, 'startPosition'));
    const end = Number(attr(s, 'endPosition'));
    if (!guid || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      unmapped.push(
        `a selection in “${title}” with positions ${attr(s, 'startPosition') ?? '?'}–${attr(s, 'endPosition') ?? '?'} (not a passage)`,
      );
      return [];
    }
    return [
      {
        guid,
        ...(attr(s, 'name') ? { name: attr(s, 'name') } : {}),
        start,
        end,
        ...(textOf(s, 'Description')?.trim()
          ? { description: textOf(s, 'Description')!.trim() }
          : {}),
        codeRefs: codingRefs(s),
        noteRefs: refs(s, 'NoteRef'),
        ...(attr(s, 'creationDateTime') ? { created: attr(s, 'creationDateTime') } : {}),
      },
    ];
  });
}

function readTextSource(n: Node, fallback: string, unmapped: string[]): QdaSource | undefined {
  const guid = attr(n, 'guid');
  const name = attr(n, 'name')?.trim() || fallback;
  if (!guid) {
    unmapped.push(`the source “${name}”, which has no GUID`);
    return undefined;
  }
  const inline = textOf(n, 'PlainTextContent');
  const path = attr(n, 'plainTextPath');
  return {
    guid,
    name,
    ...(inline !== undefined ? { inline } : {}),
    ...(path ? { path } : {}),
    selections: readSelections(n, name, unmapped),
    codeRefs: codingRefs(n),
    noteRefs: refs(n, 'NoteRef'),
    values: new Map(
      list(n.VariableValue).flatMap((v) => {
        const ref = child(v, 'VariableRef');
        const target = ref && attr(ref, 'targetGUID');
        const value =
          textOf(v, 'TextValue') ?? textOf(v, 'DateValue') ?? textOf(v, 'DateTimeValue');
        return target && value?.trim() ? [[target, value.trim()] as const] : [];
      }),
    ),
    ...(attr(n, 'creationDateTime') ? { created: attr(n, 'creationDateTime') } : {}),
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A project.qde as records. */
export function readProject(xml: string, fileName: string): QdaProject {
  const root = child(parseXml(xml, fileName), 'Project');
  if (!root) throw new ImportError(fileName, 'its project.qde has no Project element');
  const unmapped: string[] = [];
  const codes = readCodes(list(child(child(root, 'CodeBook'), 'Codes')?.Code), unmapped);
  const sourcesNode = child(root, 'Sources');
  const sources: QdaSource[] = [];
  list(sourcesNode?.TextSource).forEach((n, i) => {
    const s = readTextSource(n, `Source ${i + 1}`, unmapped);
    if (s) sources.push(s);
  });
  for (const pdf of list(sourcesNode?.PDFSource)) {
    const title = attr(pdf, 'name')?.trim() || 'PDF source';
    // The extracted text a PDF's coded selections refer to.
    const representation = list(pdf.Representation)[0];
    const s = representation && readTextSource(representation, title, unmapped);
    if (s) sources.push({ ...s, name: title });
    else unmapped.push(`the PDF “${title}”, which has no text representation`);
    if (list(pdf.PDFSelection).length)
      unmapped.push(
        `${plural(list(pdf.PDFSelection).length, 'area selection')} on the PDF “${title}”`,
      );
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource'] as const)
    for (const n of list(sourcesNode?.[kind]))
      unmapped.push(
        `the ${kind.replace('Source', '').toLowerCase()} source “${attr(n, 'name') ?? attr(n, 'guid') ?? '?'}”`,
      );
  const notes = list(child(root, 'Notes')?.Note).flatMap((n) => {
    const guid = attr(n, 'guid');
    if (!guid) return [];
    const inline = textOf(n, 'PlainTextContent');
    const path = attr(n, 'plainTextPath');
    return [
      {
        guid,
        name: attr(n, 'name')?.trim() ?? '',
        ...(inline !== undefined ? { inline } : {}),
        ...(path ? { path } : {}),
      },
    ];
  });
  const links = list(child(root, 'Links')?.Link).flatMap((n) => {
    const guid = attr(n, 'guid');
    return guid
      ? [
          {
            guid,
            name: attr(n, 'name')?.trim() ?? '',
            origin: attr(n, 'originGUID'),
            target: attr(n, 'targetGUID'),
          },
        ]
      : [];
  });
  const variables = new Map(
    list(child(root, 'Variables')?.Variable).flatMap((v) => {
      const guid = attr(v, 'guid');
      const name = attr(v, 'name');
      return guid && name ? [[guid, name] as const] : [];
    }),
  );
  for (const [element, what] of [
    ['Cases', 'Case'],
    ['Sets', 'Set'],
    ['Graphs', 'Graph'],
  ] as const) {
    const n = list(child(root, element)?.[what]).length;
    if (n)
      unmapped.push(
        `${plural(n, what.toLowerCase())} (not kept: the workbench has no ${what.toLowerCase()}s)`,
      );
  }
  return { origin: attr(root, 'origin'), codes, sources, notes, links, variables, unmapped };
}

/** A .qdc codebook as records: its code tree. */
export function readCodebook(xml: string, fileName: string): QdaProject {
  const root = child(parseXml(xml, fileName), 'CodeBook');
  if (!root) throw new ImportError(fileName, 'it is not a REFI-QDA codebook (no CodeBook element)');
  const unmapped: string[] = [];
  const codes = readCodes(list(child(root, 'Codes')?.Code), unmapped);
  const sets = list(child(root, 'Sets')?.Set).length;
  if (sets) unmapped.push(`${plural(sets, 'set')} of codes (not kept: the workbench has no sets)`);
  return {
    origin: attr(root, 'origin'),
    codes,
    sources: [],
    notes: [],
    links: [],
    variables: new Map(),
    unmapped,
  };
}
