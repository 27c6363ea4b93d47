// Reading documents after the workspace is open: on demand for a command or a view, a slice
// at a time for views over thousands, and again when their files changed behind the
// workbench's back. Every reading is checked as opening checks it; damage found now is
// reported and protected as if found at open. A reading that a commit overtook is dropped
// (its document changed while it was read), so the cache never holds an older version.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { FileProblem } from '../../shared/api';
import {
  HighlightsFile,
  type Annotation,
  type Document,
  type DocumentFile,
} from '../../shared/model';
import { eachLimited, PARALLEL_READS } from '../limited';
import type { Catalog, DocumentStamp } from './catalog';
import type { DocumentCache } from './document-cache';
import type { StoreFs } from './durable';
import type { FileChange } from './journal';
import { documentIdOf, documentPath, highlightsPath } from './layout';
import { LoadReport, readDocuments, type Damage } from './load';
import { fileReader, StoredDocument } from './read-document';
import { cleanRecord } from './record-clean';
import { vouchedHighlights } from './highlights-only';
import { nextTurn } from '../time-slices';

/** What reading needs of the store: where, what is known, and how to report damage. */
export interface ReadsHost {
  readonly dir: string;
  readonly fs: StoreFs;
  readonly cache: DocumentCache;
  catalog(): Catalog;
  entityIds(): Set<string>;
  /** Why a document must not be read or written, if it must not. */
  blocked(id: string): string | undefined;
  damageFound(problems: readonly FileProblem[], damaged: ReadonlyMap<string, Damage>): void;
  /** Runs `task` in the command queue, so no command sees a document half read again. */
  exclusive(task: () => Promise<void>): Promise<void>;
  /**
   * Resolves once the last commit's files are in place: a document a commit changed but
   * did not leave in the cache (highlights-only.ts) must not be read from its old files.
   */
  filesInPlace(): Promise<void>;
}

export class DocumentReads {
  /** How many commits have changed each document (a reading older than one is dropped). */
  private readonly generations = new Map<string, number>();
  private readonly damageListeners = new Set<() => void>();
  /**
   * Resolves once every document's files were compared with what was last read or written
   * here, and those changed behind the workbench's back read again (see `refreshStale`).
   */
  fresh: Promise<void> = Promise.resolve();
  /** True once `fresh` has resolved. */
  isFresh = true;
  /** Set when the workspace closes: a freshness check not done reads nothing more. */
  private stopped = false;

  constructor(private readonly host: ReadsHost) {}

  /** A commit changed this document: readings begun before it are out of date. */
  changed(id: string): void {
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  /** Told when damage is found after opening (a document read for the first time). */
  onDamage(listener: () => void): () => void {
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  /**
   * Reads documents into memory, each checked against the workspace as it is read; a
   * damaged one is reported and blocked. `into` gets each (a command's pinned documents);
   * `keep: false` leaves the cache as it is (the index build, the background check: they
   * must not push out what the user reads).
   */
  private async readInto(
    ids: readonly string[],
    into: Map<string, DocumentFile>,
    keep: boolean,
  ): Promise<void> {
    const { host } = this;
    const report = new LoadReport();
    const before = new Map(ids.map((id) => [id, this.generations.get(id) ?? 0]));
    await readDocuments(
      {
        read: fileReader(host.fs, host.dir),
        current: (id) => (this.generations.get(id) ?? 0) === before.get(id),
        keep: (file) => {
          host.cache.reads += 1;
          if (keep) host.cache.set(file.document.id, file);
          into.set(file.document.id, file);
        },
      },
      ids,
      host.entityIds(),
      host.catalog(),
      report,
    );
    if (report.problems.length) {
      host.damageFound(report.problems, report.damaged);
      for (const listener of this.damageListeners) listener();
    }
  }

  /** Documents with their text and highlights, read if need be (missing ones are left out). */
  async documents(
    ids: readonly string[],
    { keep = true }: { keep?: boolean } = {},
  ): Promise<Map<string, DocumentFile>> {
    const { host } = this;
    const out = new Map<string, DocumentFile>();
    const missing: string[] = [];
    for (const id of ids) {
      const file = host.cache.get(id);
      if (file) out.set(id, file);
      else if (host.catalog().has(id) && !host.blocked(id)) missing.push(id);
    }
    if (missing.length) {
      await host.filesInPlace();
      await this.readInto(missing, out, keep);
    }
    return out;
  }

  /**
   * Documents one after another, read a slice at a time and let go after (the cache keeps
   * what it held, nothing more): how a view over thousands of documents stays in memory.
   */
  async *stream(ids: Iterable<string>, slice = 32): AsyncGenerator<DocumentFile> {
    const all = [...ids];
    for (let at = 0; at < all.length; at += slice) {
      const batch = all.slice(at, at + slice);
      const files = await this.documents(batch, { keep: false });
      for (const id of batch) {
        const file = files.get(id);
        if (file) yield file;
      }
    }
  }

  /**
   * Document records (text, blocks and marks, no highlights) one slice at a time, for a
   * view that looks at the words first: which documents name an entity, how often. Only
   * `documents/<id>.json` is read, so a document that turns out not to name it never has
   * its highlights read or checked. A record in the cache is taken from there. A record
   * that does not read cleanly (schema, blocks or marks outside its text, a commit during
   * the read) is read again whole, so its damage is reported and protected as on any first
   * reading; nothing is kept in the cache.
   */
  async *streamRecords(ids: Iterable<string>, slice = 32): AsyncGenerator<Document> {
    const all = [...ids];
    for (let at = 0; at < all.length; at += slice) {
      const batch = all.slice(at, at + slice);
      const records = await this.records(batch);
      for (const id of batch) {
        const record = records.get(id);
        if (record) yield record;
      }
    }
  }

  private async records(ids: readonly string[]): Promise<Map<string, Document>> {
    const { host } = this;
    const out = new Map<string, Document>();
    const unread: string[] = [];
    for (const id of ids) {
      const file = host.cache.peek(id);
      if (file) out.set(id, file.document);
      else if (host.catalog().has(id) && !host.blocked(id)) unread.push(id);
    }
    if (unread.length) await host.filesInPlace();
    const read = fileReader(host.fs, host.dir);
    const whole: string[] = [];
    await eachLimited(unread, PARALLEL_READS, async (id) => {
      const generation = this.generations.get(id) ?? 0;
      const record = cleanRecord(await read(documentPath(id), StoredDocument), id);
      if (!record || (this.generations.get(id) ?? 0) !== generation) {
        whole.push(id);
        return;
      }
      host.cache.recordReads += 1;
      out.set(id, record);
    });
    if (whole.length)
      for (const [id, file] of await this.documents(whole, { keep: false }))
        out.set(id, file.document);
    return out;
  }

  /**
   * Documents' highlights for a command that changes highlights alone: the highlights file
   * read alone where the store can vouch for it (highlights-only.ts), the document whole
   * (checked, cached) where it cannot or where it is in memory already.
   */
  async highlights(ids: readonly string[]): Promise<{
    highlights: Map<string, readonly Annotation[]>;
    whole: Map<string, DocumentFile>;
  }> {
    const { host } = this;
    const highlights = new Map<string, readonly Annotation[]>();
    const whole = new Map<string, DocumentFile>();
    const wholly: string[] = [];
    await host.filesInPlace();
    const read = fileReader(host.fs, host.dir);
    const entityIds = host.entityIds();
    await eachLimited(ids, PARALLEL_READS, async (id) => {
      const cached = host.cache.get(id);
      const summary = host.catalog().get(id);
      if (cached) whole.set(id, cached);
      if (cached || !summary || host.blocked(id)) return;
      const generation = this.generations.get(id) ?? 0;
      const [record, result] = await Promise.all([
        host.fs.lstat(join(host.dir, documentPath(id))).catch(() => undefined),
        read(highlightsPath(id), HighlightsFile),
      ]);
      const list =
        record?.isFile() && result.ok && result.stamp
          ? vouchedHighlights(
              id,
              { file: result.data, version: result.version },
              [record.size, record.mtimeMs, ...result.stamp],
              { summary, stamp: host.catalog().stampOf(id) },
              entityIds,
            )
          : undefined;
      if (list && (this.generations.get(id) ?? 0) === generation) {
        host.cache.highlightReads += 1;
        highlights.set(id, list);
      } else wholly.push(id);
    });
    if (wholly.length) for (const [id, file] of await this.documents(wholly)) whole.set(id, file);
    return { highlights, whole };
  }

  /**
   * The record files (`documents/<id>.json`) that are, by size and time, what the store
   * last read and checked or wrote (the catalog's stamp, the rule the freshness check
   * trusts), with that [size, time]: what a cache of something computed from a record's
   * text may be checked against without reading it. A record changed behind the
   * workbench's back, one a commit is writing, a damaged or missing one is left out.
   */
  async vouchedRecords(ids: readonly string[]): Promise<Map<string, readonly [number, number]>> {
    const { host } = this;
    await host.filesInPlace();
    const out = new Map<string, readonly [number, number]>();
    // Synchronous, a slice at a time: a dossier asks of ~4,600 files, and one lstat through
    // the thread pool cost ~28 µs against ~7 µs (the files' inodes are warm from opening);
    // a slice of 512 holds the loop for a few milliseconds.
    for (let at = 0; at < ids.length; at += 512) {
      if (at) await nextTurn();
      for (const id of ids.slice(at, at + 512)) {
        const stamp = host.catalog().stampOf(id);
        if (!stamp || host.blocked(id)) continue;
        const record = lstatSync(join(host.dir, documentPath(id)), { throwIfNoEntry: false });
        if (record?.isFile() && record.size === stamp[0] && record.mtimeMs === stamp[1])
          out.set(id, [stamp[0], stamp[1]]);
      }
    }
    return out;
  }

  /** A document's two files' size and modification time as they are on disk now. */
  private async stampOnDisk(id: string): Promise<DocumentStamp | undefined> {
    const { fs, dir } = this.host;
    try {
      const [record, highlights] = await Promise.all([
        fs.lstat(join(dir, documentPath(id))),
        fs.lstat(join(dir, highlightsPath(id))),
      ]);
      return [record.size, record.mtimeMs, highlights.size, highlights.mtimeMs];
    } catch {
      return undefined;
    }
  }

  /** Once a commit's files are in place, their size and time say the catalog holds them. */
  async stampWritten(changes: readonly FileChange[]): Promise<void> {
    const ids = new Set(changes.flatMap((c) => documentIdOf(c.path) ?? []));
    for (const id of ids) {
      const stamp = await this.stampOnDisk(id);
      if (stamp) this.host.catalog().setStamp(id, stamp);
    }
  }

  /**
   * Compares every document's files with what was last read or written here, and reads
   * again (checked) those that changed behind the workbench's back: a backup copied over,
   * a file edited by hand. The documents read again are passed to `onChanged`.
   */
  startFreshnessCheck(
    onChanged: (ids: string[]) => Promise<void>,
    /** Started once this settles (the search index is whole: both need the thread). */
    after: Promise<unknown> = Promise.resolve(),
  ): void {
    this.isFresh = false;
    this.fresh = after
      .catch(() => undefined)
      .then(() => this.refreshStale(onChanged))
      .catch(() => undefined)
      .finally(() => {
        this.isFresh = true;
      });
  }

  /** The workspace is closing: a check not yet done reads nothing more. */
  stop(): void {
    this.stopped = true;
  }

  private async refreshStale(onChanged: (ids: string[]) => Promise<void>): Promise<void> {
    if (this.stopped) return;
    const { host } = this;
    const stale: string[] = [];
    await eachLimited([...host.catalog().ids()], 16, async (id) => {
      const was = host.catalog().stampOf(id);
      const now = await this.stampOnDisk(id);
      if (!was || !now || now.some((v, i) => v !== was[i])) stale.push(id);
    });
    for (let at = 0; at < stale.length; at += 16) {
      if (this.stopped) return;
      const batch = stale.slice(at, at + 16).filter((id) => host.catalog().has(id));
      await host.exclusive(async () => {
        for (const id of batch) host.cache.delete(id);
        await this.readInto(batch, new Map(), false);
      });
    }
    // Every one read again may hold other words than what was indexed from it.
    if (stale.length && !this.stopped) await onChanged(stale);
  }
}
