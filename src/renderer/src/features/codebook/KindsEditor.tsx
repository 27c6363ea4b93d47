// The highlight kinds of the codebook: each with its name, its colour and its place in the
// list (the reader's key for it, 1 to 9); a new kind is added with a name and a colour; a
// kind in use is deleted only after saying how many highlights become which other kind.
import { useState } from 'react';
import { kindKeyAt } from '../../../../shared/concepts/keymap';
import { PALETTE } from '../../../../shared/concepts/palette';
import type { HighlightKindDef } from '../../../../shared/model';
import { plural } from '../../lib/labels';
import { useConfirm } from '../../workbench/confirm';
import { useCommands } from '../../workbench/context';
import { ColourSelect } from './ColourSelect';
import { emptiedIfStill } from '../../lib/field-after-add';

export function KindsEditor({
  kinds,
  readOnly,
}: {
  kinds: readonly HighlightKindDef[];
  readOnly: boolean;
}): React.JSX.Element {
  const commands = useCommands();
  const confirm = useConfirm();
  const used = new Set(kinds.map((k) => k.colour));
  const [label, setLabel] = useState('');
  const [colour, setColour] = useState(
    PALETTE.find((p) => !used.has(p.hex))?.hex ?? PALETTE[0]!.hex,
  );

  const remove = async (kind: HighlightKindDef): Promise<void> => {
    const usage = await commands.kindUsage(kind.id);
    if (usage === undefined) return;
    const other = kinds.find((k) => k.id !== kind.id)!;
    confirm({
      title: `Delete the kind “${kind.label}”?`,
      message: usage
        ? `${plural(usage, 'highlight')} of this kind will become “${other.label}”.`
        : 'No highlight is of this kind.',
      confirmLabel: 'Delete kind',
      onConfirm: () => void commands.deleteKind(kind.id, other.id, usage),
    });
  };

  return (
    <section aria-labelledby="kinds-heading">
      <h2 id="kinds-heading">Highlight kinds</h2>
      <ol className="codebook-kinds" aria-label="Highlight kinds">
        {kinds.map((kind, i) => (
          <li key={kind.id} className="row">
            <span className={`swatch swatch-${kind.id} kind-sample`} aria-hidden="true">
              Aa
            </span>
            <input
              aria-label={`Name of the kind ${kind.label}`}
              defaultValue={kind.label}
              key={kind.label}
              disabled={readOnly}
              onBlur={(e) => {
                const next = e.target.value.trim();
                if (next && next !== kind.label) void commands.updateKind(kind.id, { label: next });
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
            />
            <ColourSelect
              label={`Colour of ${kind.label}`}
              value={kind.colour}
              disabled={readOnly}
              onChange={(hex) => void commands.updateKind(kind.id, { colour: hex })}
            />
            <span className="muted small">{kindKeyAt(i) ? `key ${kindKeyAt(i)}` : 'no key'}</span>
            {!readOnly && (
              <>
                <button
                  type="button"
                  aria-label={`Move ${kind.label} up`}
                  disabled={i === 0}
                  onClick={() => void commands.moveKind(kind.id, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${kind.label} down`}
                  disabled={i === kinds.length - 1}
                  onClick={() => void commands.moveKind(kind.id, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete the kind ${kind.label}`}
                  disabled={kinds.length === 1}
                  onClick={() => void remove(kind)}
                >
                  Delete…
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!label.trim()) return;
            void commands
              .createKind(label.trim(), colour)
              .then((ok) => ok && setLabel(emptiedIfStill(label.trim())));
          }}
        >
          <input
            aria-label="Name of a new kind"
            placeholder="New kind, e.g. Testimony"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <ColourSelect label="Colour of the new kind" value={colour} onChange={setColour} />
          <button type="submit" disabled={!label.trim()}>
            Add kind
          </button>
        </form>
      )}
    </section>
  );
}
