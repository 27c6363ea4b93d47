// The fields of a source's provenance, shared by the details dialog and the paste dialog,
// so a pasted text can be cited by author, site, date and address like an imported page.
import type { SourcePatch } from '../../../../shared/api';

export type SourceDraft = Required<Omit<SourcePatch, 'accessedDate'>> & { accessedDate?: string };

export const EMPTY_SOURCE: SourceDraft = {
  author: '',
  publisher: '',
  url: '',
  doi: '',
  publishedDate: '',
};

const FIELDS: { key: keyof SourceDraft; label: string; type?: string; placeholder?: string }[] = [
  { key: 'author', label: 'Author' },
  { key: 'publisher', label: 'Publisher or site' },
  { key: 'url', label: 'Web address', type: 'url', placeholder: 'https://' },
  // A bibliography's entries are matched to documents by DOI first (then address).
  { key: 'doi', label: 'DOI', placeholder: 'e.g. 10.1234/abcd' },
  { key: 'publishedDate', label: 'Published', placeholder: 'e.g. 2022-03-14' },
];

export function SourceFields({
  draft,
  onChange,
  withAccessed = false,
}: {
  draft: SourceDraft;
  onChange: (draft: SourceDraft) => void;
  withAccessed?: boolean;
}): React.JSX.Element {
  const fields = withAccessed
    ? [
        ...FIELDS,
        { key: 'accessedDate' as const, label: 'Accessed', placeholder: 'e.g. 2024-05-01' },
      ]
    : FIELDS;
  return (
    <div className="source-fields">
      {fields.map(({ key, label, type, placeholder }) => (
        <label key={key} className="stack">
          {label}
          <input
            type={type ?? 'text'}
            value={draft[key] ?? ''}
            placeholder={placeholder}
            onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
          />
        </label>
      ))}
    </div>
  );
}

/** Only what the user filled in, so a blank field is not stored as an empty value. */
export function filledSource(draft: SourceDraft): SourcePatch {
  return Object.fromEntries(
    Object.entries(draft).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  );
}
