// The research views on the generated workspace, through the real API: find mentions of
// one entity with five aliases, find mentions of all 300 entities at once, co-occurrence of
// all 300 entities at document scope, and the dossier of the most-tagged entity. The first run (which folds every document once
// and caches it) is reported apart from the median of the runs after it.
import { performance } from 'node:perf_hooks';
import type { Workbench } from '../../src/core/workbench';
import type { Envelope } from '../../src/shared/api';

const REPEAT = 15;

function value<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
}

async function time(run: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  let t = performance.now();
  await run();
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)]! };
}

/** The report's lines, printed by the caller after the search tables. */
export async function benchEntities(wb: Workbench): Promise<string[]> {
  const entities = value(await wb.call('entities.list', {}));
  // The generated names are pairs of corpus words, some as common as "A of": the subject and
  // its name aliases are names made of words longer than three letters, as names read.
  const named = entities.filter((e) => e.name.split(' ').every((w) => w.length > 3));
  const [subject, ...others] = named;
  if (!subject || others.length < 5) throw new Error('not enough name-like entities');
  // Five aliases that are names (other entities' two-word names), as aliases usually are;
  // then five single words the corpus uses everywhere, the worst case for find mentions.
  const findWith = async (aliases: string[]) => {
    value(await wb.call('entities.update', { id: subject.id, patch: { aliases } }));
    let count = 0;
    const timing = await time(async () => {
      count = value(await wb.call('mentions.find', { entityId: subject.id })).length;
    });
    return { ...timing, count };
  };
  const byName = await findWith(others.slice(0, 5).map((e) => e.name));
  const byWord = await findWith(others.slice(0, 5).map((e) => e.aliases[0] ?? e.name));
  // Every entity's names at once (the subject with the common-word aliases set above).
  let all = { groups: 0, mentions: 0, scanned: 0, total: 0, limit: 0 };
  const findAll = await time(async () => {
    const r = value(await wb.call('mentions.findAll', {}));
    all = {
      groups: r.groups.length,
      mentions: r.groups.reduce((n, g) => n + g.mentions.length, 0),
      scanned: r.documentsScanned,
      total: r.documentsTotal,
      limit: r.limit,
    };
  });
  let pairs = 0;
  const cooc = await time(async () => {
    pairs = value(await wb.call('analysis.cooccurrence', { scope: 'document' })).pairs.length;
  });
  const dossierOf = async (id: string) => {
    let passages = 0;
    const timing = await time(async () => {
      const d = value(await wb.call('entities.dossier', { id }));
      passages = d.sources.reduce((n, s) => n + s.passages.length, 0);
    });
    return { ...timing, passages };
  };
  const byUsage = (list: typeof entities) => [...list].sort((a, b) => b.usage - a.usage)[0]!;
  const top = byUsage(entities);
  const dossier = await dossierOf(top.id);
  // The most-tagged generated entity has the alias "the": its dossier counts every "the" in
  // 60 MB. The most-tagged entity whose names read as names shows the usual case.
  const topNamed = byUsage(named.filter((e) => e.aliases.every((a) => a.length > 3)));
  const namedDossier = await dossierOf(topNamed.id);
  const ms = (n: number): string => n.toFixed(1);
  return [
    '\n## Entities (real API; target: each median under 200 ms)\n',
    '| operation | first run ms | median ms | result |',
    '| --- | --- | --- | --- |',
    `| find mentions, 1 entity + 5 name aliases | ${ms(byName.first)} | ${ms(byName.median)} | ${byName.count} mentions |`,
    `| find mentions, 1 entity + 5 common one-word aliases (worst case) | ${ms(byWord.first)} | ${ms(byWord.median)} | ${byWord.count} mentions |`,
    `| find mentions of all ${entities.length} entities (stops after the document where ${all.limit} matches are reached) | ${ms(findAll.first)} | ${ms(findAll.median)} | ${all.mentions} mentions of ${all.groups} entities in ${all.scanned} of ${all.total} documents |`,
    `| co-occurrence, ${entities.length} entities, document scope | ${ms(cooc.first)} | ${ms(cooc.median)} | ${pairs} pairs |`,
    `| dossier of the most-tagged entity (${top.usage} highlights; aliases: ${top.aliases.join(', ')}) | ${ms(dossier.first)} | ${ms(dossier.median)} | ${dossier.passages} passages |`,
    `| dossier of the most-tagged name-like entity (${topNamed.usage} highlights) | ${ms(namedDossier.first)} | ${ms(namedDossier.median)} | ${namedDossier.passages} passages |`,
  ];
}
