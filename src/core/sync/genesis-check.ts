// Whether a workspace document is still one every replica can read: grown from the shared
// genesis, with the genesis's own maps. A member (holding the team key, or writing into the
// shared folder) who assigns a kind's map again, `d.entities = {}`, hides every record of
// that kind; each replica would then take them all as removed and delete them from its
// store. Such a document is refused whole (folder-link.ts) or not applied (replicator.ts).
import * as A from '@automerge/automerge';
import { genesis, SYNCED_KINDS, type WorkspaceDoc } from './workspace-doc';

/** The maps every replica's document shares with the genesis (workspace-doc.ts). */
const ROOT_KEYS = [...SYNCED_KINDS, 'meta', 'merges'] as const;
const genesisDoc = A.load<WorkspaceDoc>(genesis());
const GENESIS_HEADS = A.getHeads(genesisDoc);
const ROOT_IDS = new Map(ROOT_KEYS.map((k) => [k, A.getObjectId(genesisDoc[k])]));

/** Why a document cannot be used as the workspace's, or undefined when it can. */
export function documentProblem(doc: A.Doc<WorkspaceDoc>): string | undefined {
  if (!A.hasHeads(doc, GENESIS_HEADS))
    return 'it is not a workspace document (it does not grow from the shared genesis)';
  for (const key of ROOT_KEYS)
    // A map written again over the genesis's would hide every record of that kind.
    if (A.getConflicts(doc, key) || A.getObjectId(doc[key]) !== ROOT_IDS.get(key))
      return `it replaces the workspace's "${key}" map`;
  return undefined;
}
