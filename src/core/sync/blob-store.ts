// Where the team's blobs live (document bodies, originals, figure images), each named by
// the SHA-256 of its bytes: the relay over HTTP, or a folder (a shared folder, or a test's).
// Whatever the store, a blob read back is checked against its name before anyone uses it,
// so a relay or a peer that changes a blob is caught, never believed.
import { lstat, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../originals/kept-files';
import { MAX_BLOB_BYTES, MAX_MISSING_QUERY } from './relay-blobs';
import { relayFetch } from './relay-fetch';

const HEX = /^[0-9a-f]{64}$/;

export interface BlobStore {
  has(sha256: string): Promise<boolean>;
  /** The blob's bytes, checked against the name; undefined when the store does not have it. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /**
   * Which of these the store does not hold, asked in few requests: a store can lose blobs
   * behind its writers' backs (a relay restarted empty or from a backup; a shared folder
   * pruned by hand, or by a sync tool that lost a conflict), and its members then put
   * them again (blob-traffic.ts).
   */
  missing?(sha256s: readonly string[]): Promise<string[]>;
}

function checked(sha256: string, bytes: Uint8Array): Uint8Array {
  const actual = sha256Hex(bytes);
  if (actual !== sha256) throw new Error(`the blob ${sha256} arrived with other bytes (${actual})`);
  return bytes;
}

function named(sha256: string): string {
  if (!HEX.test(sha256)) throw new Error(`"${sha256}" is not a blob name (a SHA-256)`);
  return sha256;
}

/** Blobs as files named by their hash in one folder; written under a temp name, then renamed. */
export class FolderBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  /** Only a plain file is held, as only one is read (a link put there is replaced). */
  async has(sha256: string): Promise<boolean> {
    return (await lstat(join(this.dir, named(sha256))).catch(() => null))?.isFile() ?? false;
  }

  /**
   * The names not held in the folder, from one listing of it (thousands of blobs, one
   * read): deleted by hand, or never carried here by the sync tool.
   */
  async missing(sha256s: readonly string[]): Promise<string[]> {
    let held: Set<string>;
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      held = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      held = new Set();
    }
    return sha256s.filter((sha) => !held.has(named(sha)));
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    const file = join(this.dir, named(sha256));
    try {
      // A shared folder is anyone's to write: a link (to a pipe, a device) is not followed, and
      // a file past the largest blob is not read into memory.
      const info = await lstat(file);
      if (!info.isFile()) throw new Error(`the blob ${sha256} is not a plain file`);
      if (info.size > MAX_BLOB_BYTES) throw new Error(`the blob ${sha256} is too large`);
      return checked(sha256, new Uint8Array(await readFile(file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    checked(named(sha256), bytes);
    if (await this.has(sha256)) return;
    await mkdir(this.dir, { recursive: true });
    // A half-written blob must never carry the name: another process reads it at any moment.
    const temp = join(this.dir, `.${sha256}.${randomUUID()}.tmp`);
    await writeFile(temp, bytes);
    await rename(temp, join(this.dir, sha256));
  }
}

/** The relay's blobs, at `<relay>/blobs/<sha256>`, the team key in the Authorization header. */
export class RelayBlobStore implements BlobStore {
  private readonly base: string;

  constructor(
    server: string,
    private readonly key: string,
  ) {
    // ws://host:port → http://host:port; wss:// → https:// (the TLS proxy serves both).
    this.base = server.replace(/^ws/, 'http').replace(/\/+$/, '');
  }

  private async request(method: string, sha256: string, body?: Uint8Array): Promise<Response> {
    const response = await relayFetch(`${this.base}/blobs/${named(sha256)}`, {
      method,
      headers: { authorization: `Bearer ${this.key}` },
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
    if (response.status === 401) throw new Error('the relay refused the team key');
    return response;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.request('HEAD', sha256)).status === 200;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    const response = await this.request('GET', sha256);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the relay answered ${response.status} for blob ${sha256}`);
    return checked(sha256, new Uint8Array(await response.arrayBuffer()));
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (await this.has(sha256)) return;
    const response = await this.request('PUT', sha256, checked(sha256, bytes));
    if (!response.ok) throw new Error(`the relay refused blob ${sha256} (${response.status})`);
  }

  async missing(sha256s: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (let at = 0; at < sha256s.length; at += MAX_MISSING_QUERY) {
      const batch = sha256s.slice(at, at + MAX_MISSING_QUERY).map(named);
      const response = await relayFetch(`${this.base}/blobs/missing`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ blobs: batch }),
      });
      if (response.status === 401) throw new Error('the relay refused the team key');
      // A relay from before this route cannot say: it is believed to hold them, as before.
      if (response.status === 404) return [];
      if (!response.ok)
        throw new Error(
          `the relay could not say which blobs it lacks (${response.status}: ${await response.text()})`,
        );
      // Only names asked about are believed: the answer decides what is read and sent.
      const asked = new Set(batch);
      const answer = ((await response.json()) as { missing?: unknown }).missing;
      if (!Array.isArray(answer))
        throw new Error('the relay answered the blob check in another form');
      for (const sha of answer) if (typeof sha === 'string' && asked.has(sha)) missing.push(sha);
    }
    return missing;
  }
}
