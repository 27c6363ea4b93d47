// What became of every annotation of an import: the counts, then each annotation with its
// quote and, where it was not simply placed, why.
import { IMPORT_STATUS_LABELS } from '../../../../shared/concepts/anchor-status';
import type { AnnotationsReport } from '../../../../shared/methods/annotations';

export function ImportAnnotationsReport({
  report,
}: {
  report: AnnotationsReport;
}): React.JSX.Element {
  const {
    anchored,
    fuzzy,
    orphaned,
    duplicate,
    skipped,
    'over-budget': overBudget,
  } = report.counts;
  return (
    <>
      <p role="status">
        {anchored} anchored, {fuzzy} fuzzy and {orphaned} orphaned (kept, to review in the review
        queue), {duplicate} already here, {skipped} not imported.
        {overBudget > 0 && ` ${overBudget} not anchored in time, kept as orphans to place by hand.`}
        {report.entitiesCreated.length > 0 &&
          ` New entities: ${report.entitiesCreated.join(', ')}.`}
      </p>
      {/* It scrolls: focusable, so the keyboard can scroll it too. */}
      <ol className="interchange-report" aria-label="What became of each annotation" tabIndex={0}>
        {report.items.map((item) => (
          <li key={item.index} className={`interchange-${item.status}`}>
            <strong>{IMPORT_STATUS_LABELS[item.status]}</strong>
            {item.confidence !== undefined && ` (confidence ${item.confidence.toFixed(2)})`}
            {item.quote ? <q>{item.quote}</q> : <span> (no quote)</span>}
            {item.reason && <span className="interchange-reason">{item.reason}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
