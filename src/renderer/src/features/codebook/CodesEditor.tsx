// The codes of the codebook as a tree: every code with the number of highlights that carry
// it, and the free tags in use that are not filed yet at the top level. Choosing one offers
// what can be done to it: rename it (and its tag on every highlight), file it under another
// code, merge it into another, or delete it, lifting the codes under it up or deleting
// them too, after saying how many highlights lose a tag.
import { useState } from 'react';
import {
  codeKey,
  codeTree,
  descendantsOf,
  flattenTree,
  type CodeNode,
} from '../../../../shared/codebook/code-tree';
import type { ChildrenOnDelete } from '../../../../shared/methods/codebook';
import type { Codebook } from '../../../../shared/model';
import { plural } from '../../lib/labels';
import { selectTags } from '../../store/tags';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useSelector } from '../../workbench/context';
import { emptiedIfStill } from '../../lib/field-after-add';

function CodeItem({
  node,
  counts,
  selected,
  onSelect,
}: {
  node: CodeNode;
  counts: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (name: string) => void;
}): React.JSX.Element {
  const count = counts.get(codeKey(node.name)) ?? 0;
  return (
    <li>
      <button
        type="button"
        className="code-name"
        aria-pressed={selected === node.name}
        onClick={() => onSelect(node.name)}
      >
        {node.colour && (
          <span className="code-dot" style={{ borderColor: node.colour }} aria-hidden="true" />
        )}
        {node.name} <span className="muted small">({count})</span>
      </button>
      {node.id === undefined && <span className="muted small"> not filed yet</span>}
      {node.children.length > 0 && (
        <ul aria-label={`Codes under ${node.name}`}>
          {node.children.map((child) => (
            <CodeItem
              key={child.name}
              node={child}
              counts={counts}
              selected={selected}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function CodeActions({
  node,
  codebook,
  all,
}: {
  node: CodeNode;
  codebook: Codebook;
  all: readonly CodeNode[];
}): React.JSX.Element {
  const commands = useCommands();
  const confirm = useConfirm();
  const [name, setName] = useState(node.name);
  const below = new Set(
    node.id ? descendantsOf(codebook, node.id).map((c) => codeKey(c.name)) : [],
  );
  const others = all.filter((n) => codeKey(n.name) !== codeKey(node.name));
  const parents = others.filter((n) => !below.has(codeKey(n.name)));
  const [parent, setParent] = useState('');
  const [into, setInto] = useState(others[0]?.name ?? '');
  const [children, setChildren] = useState<ChildrenOnDelete>('lift');

  const remove = async (): Promise<void> => {
    const usage = await commands.codeUsage(node.name, children);
    if (!usage) return;
    confirm({
      title: `Delete “${node.name}”?`,
      message: `${usage.codes.length > 1 ? `${usage.codes.map((c) => `“${c}”`).join(', ')} will be deleted. ` : ''}${plural(usage.highlights, 'highlight')} will lose the tag.`,
      confirmLabel: 'Delete code',
      onConfirm: () => void commands.deleteCode(node.name, children, usage.highlights),
    });
  };

  return (
    <fieldset className="code-actions">
      <legend>“{node.name}”</legend>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && name.trim() !== node.name)
            void commands.renameCode(node.name, name.trim());
        }}
      >
        <input
          aria-label={`New name for ${node.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Rename</button>
      </form>
      <div className="row">
        <select
          aria-label={`File ${node.name} under`}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
        >
          <option value="">the top level</option>
          {parents.map((n) => (
            <option key={n.name} value={n.name}>
              {'  '.repeat(n.depth)}
              {n.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void commands.moveCode(node.name, parent || null)}>
          File under
        </button>
      </div>
      {others.length > 0 && (
        <div className="row">
          <select
            aria-label={`Merge ${node.name} into`}
            value={into}
            onChange={(e) => setInto(e.target.value)}
          >
            {others.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!into}
            onClick={() => void commands.mergeCodes([node.name], into)}
          >
            Merge into
          </button>
        </div>
      )}
      <div className="row">
        {node.children.length > 0 && (
          <select
            aria-label={`The codes under ${node.name}`}
            value={children}
            onChange={(e) => setChildren(e.target.value === 'delete' ? 'delete' : 'lift')}
          >
            <option value="lift">keep the codes under it (lift them up)</option>
            <option value="delete">delete the codes under it too</option>
          </select>
        )}
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete…
        </button>
      </div>
    </fieldset>
  );
}

export function CodesEditor({
  codebook,
  readOnly,
}: {
  codebook: Codebook;
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const tags = useSelector(selectTags);
  const counts = new Map<string, number>();
  for (const t of tags) counts.set(codeKey(t.tag), (counts.get(codeKey(t.tag)) ?? 0) + t.count);
  const tree = codeTree(
    codebook,
    tags.map((t) => t.tag),
  );
  const all = flattenTree(tree);
  const [selected, setSelected] = useState<string | null>(null);
  const current = all.find((n) => n.name === selected);
  const [name, setName] = useState('');
  const [parent, setParent] = useState('');
  return (
    <section aria-labelledby="codes-heading">
      <h2 id="codes-heading">Codes</h2>
      {all.length === 0 ? (
        <p className="muted">No codes yet: tag a highlight, or add a code here.</p>
      ) : (
        <ul className="code-tree" aria-label="Codes">
          {tree.map((node) => (
            <CodeItem
              key={node.name}
              node={node}
              counts={counts}
              selected={selected}
              onSelect={(n) => setSelected(n === selected ? null : n)}
            />
          ))}
        </ul>
      )}
      {current && !readOnly && (
        <CodeActions key={current.name} node={current} codebook={codebook} all={all} />
      )}
      {!readOnly && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            void commands
              .createCode(name.trim(), parent || undefined)
              .then((ok) => ok && setName(emptiedIfStill(name.trim())));
          }}
        >
          <input
            aria-label="Name of a new code"
            placeholder="New code, e.g. Detention"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <select
            aria-label="File the new code under"
            value={parent}
            onChange={(e) => setParent(e.target.value)}
          >
            <option value="">the top level</option>
            {all.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!name.trim()}>
            Add code
          </button>
        </form>
      )}
    </section>
  );
}
