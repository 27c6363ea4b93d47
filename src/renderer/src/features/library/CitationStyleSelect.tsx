// The choice of one of the citation styles the app ships, as a labelled select: the
// bibliography and the research notes' export options both ask for it.
import type { ReactNode } from 'react';
import { CITATION_STYLES, type CitationStyle } from '../../../../shared/concepts/citation-styles';

export function CitationStyleSelect({
  label,
  value,
  onChange,
}: {
  label: ReactNode;
  value: CitationStyle;
  onChange: (style: CitationStyle) => void;
}): React.JSX.Element {
  return (
    <label className="stack">
      {label}
      <select
        value={value}
        onChange={(e) => {
          const found = CITATION_STYLES.find((s) => s.id === e.target.value);
          if (found) onChange(found.id);
        }}
      >
        {CITATION_STYLES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
