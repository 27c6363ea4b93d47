// A highlight's links in one line, for lists that show many highlights (the dossier):
// nothing when it has none, else each relation with the other highlight's quote.
import { relationOf } from '../../../../shared/codebook/codebook';
import { useView } from '../../hooks/use-view';
import { selectCodebook, selectLinks } from '../../store/codebook';
import { useSelector } from '../../workbench/context';

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function LinkSummary({ annotationId }: { annotationId: string }): React.JSX.Element | null {
  const codebook = useSelector(selectCodebook);
  const links = useSelector(selectLinks).filter(
    (l) => l.from === annotationId || l.to === annotationId,
  );
  const others = links.map((l) => (l.from === annotationId ? l.to : l.from));
  const { data } = useView('linkedHighlights', others, { enabled: others.length > 0 });
  if (!links.length) return null;
  const quotes = new Map(
    (data ?? []).map((p) => [p.annotation.id, p.annotation.target.quote.exact]),
  );
  const parts = links.map((l) => {
    const relation = relationOf(codebook, l.relation).label;
    const other = quotes.get(l.from === annotationId ? l.to : l.from);
    const quote = other ? `“${short(other)}”` : 'another highlight';
    return l.from === annotationId ? `${relation} ${quote}` : `${quote} ${relation} this`;
  });
  return <p className="muted small link-summary">Links: {parts.join('; ')}</p>;
}
