// Counting an entity's mentions in record files, in a worker thread (the search worker's
// second task, ../search/search-worker.ts): at 20,000 documents a dossier's first answer
// reads, parses, checks and counts ~4,500 candidate texts, about a second and a half of the
// thread that serves the window. A worker reads only files the store vouches for, and only
// while the open file still has the vouched size and time (../store/record-screen.ts), so
// a file a commit replaced meanwhile is not counted here; it checks each record as the
// store's own reading does (../store/record-clean.ts) and counts as countMentions does
// (./count-mentions.ts), in the blocks the index named. Whatever it does not count (not
// vouched any more, damaged, not a record) is left out of its answer and read on the
// serving thread as before, so damage is reported and protected there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../shared/model';
import { documentPath, highlightsPath } from '../store/layout';
import { parseWorkspaceFile } from '../store/read-file';
import { StoredDocument } from '../store/read-document';
import { cleanRecord } from '../store/record-clean';
import { readVouched } from '../store/record-screen';
import { placeIn, type Place } from '../entities/dossier-layout';
import { countIn } from './count-mentions';
import { entityMatcher } from './mentions';
import { rawNameTest } from './raw-filter';

type Range = { start: number; end: number };

/**
 * One record to count: its vouched [size, time] and where to look (all of it when
 * undefined); `place`: a document the dossier cites, whose highlights' starts are placed
 * among its paragraphs too (../entities/dossier-layout.ts).
 */
export interface RecordToCount {
  id: string;
  stamp: readonly [number, number];
  ranges?: Range[];
  place?: boolean;
}

/**
 * A record's count, and with `place`, the place of each highlight start its highlights
 * file held when read here. Only a hint of which starts to place: the serving thread uses
 * them only for the highlights it read itself, and reads the document whole when one of
 * its starts is missing here.
 */
export interface RecordCount {
  count: number;
  places?: [number, Place][];
}

/** The highlight starts in a highlights file; none when it cannot be read. */
function startsIn(file: string): number[] {
  try {
    const { annotations } = JSON.parse(readFileSync(file, 'utf8')) as {
      annotations?: { target?: { position?: { start?: unknown } } }[];
    };
    return (annotations ?? []).flatMap((a) => {
      const start = a.target?.position?.start;
      return typeof start === 'number' ? [start] : [];
    });
  } catch {
    return [];
  }
}

export interface CountRecordsRequest {
  countRecords: {
    dir: string;
    entity: Pick<Entity, 'name' | 'aliases'>;
    records: RecordToCount[];
  };
}

/** [document id, its count] for each record read cleanly; the others are not in it. */
export type CountRecordsReply =
  { ok: true; counts: [string, RecordCount][] } | { ok: false; detail: string };

export function countRecords({
  countRecords: request,
}: CountRecordsRequest): [string, RecordCount][] {
  const matcher = entityMatcher(request.entity);
  const mayName = matcher && rawNameTest(matcher);
  const counts: [string, RecordCount][] = [];
  for (const { id, stamp, ranges, place } of request.records) {
    const bytes = readVouched(join(request.dir, documentPath(id)), stamp);
    if (!bytes) continue;
    const document = cleanRecord(parseWorkspaceFile(bytes, StoredDocument), id);
    if (!document) continue;
    const count = matcher ? countIn(document, matcher, ranges, mayName) : 0;
    if (!place) {
      counts.push([id, { count }]);
      continue;
    }
    const starts = startsIn(join(request.dir, highlightsPath(id)));
    counts.push([id, { count, places: starts.map((at) => [at, placeIn(document, at)]) }]);
  }
  return counts;
}
