// A choice among the palette's colours (src/shared/concepts/palette.ts), each named, since
// a colour alone tells some readers nothing; a colour from another tool that is not in the
// palette is offered as it is, named by its code.
import { PALETTE, paletteColour } from '../../../../shared/concepts/palette';

export function ColourSelect({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  disabled?: boolean;
  onChange: (hex: string) => void;
}): React.JSX.Element {
  const known = paletteColour(value);
  return (
    <select
      aria-label={label}
      value={known?.hex ?? value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    >
      {!known && <option value={value}>{value}</option>}
      {PALETTE.map((c) => (
        <option key={c.id} value={c.hex}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
