// Events on a timeline: each event entity by its date (year, month or day, or a range),
// with its place, participants and evidence passages. Exported as CSV or JSON.
import { formatEventDate } from '../../../../shared/labels';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { showEntity } from '../../store/selection';
import { useCommands, useWorkbench } from '../../workbench/context';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';
import { quoteOf } from '../../../../shared/regions';
import { useLanguages } from '../../hooks/use-languages';

export function TimelineView(): React.JSX.Element {
  const { store } = useWorkbench();
  const languageOf = useLanguages();
  const commands = useCommands();
  const { data: events, error } = useView('timeline', 'all');
  const exportAs = (format: 'csv' | 'json'): Promise<void> => commands.exportEvents(format);
  return (
    <section className="research timeline" aria-labelledby="timeline-heading">
      <header className="row spread">
        <h1 id="timeline-heading">Timeline</h1>
        <div className="row">
          <button type="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
      </header>
      {!events && <p className="muted">{error ?? 'Loading…'}</p>}
      {events?.length === 0 && (
        <p className="muted">
          No events yet. Create an entity of type “event” and give it a date, a place and
          participants.
        </p>
      )}
      <ol className="timeline-list" aria-label="Events by date">
        {events?.map((e) => (
          <li key={e.entity.id} className={e.date ? undefined : 'undated'}>
            <span className="when">{formatEventDate(e.date)}</span>
            <div className="what">
              <h2>
                <button
                  type="button"
                  className="link"
                  onClick={() => store.dispatch(showEntity(e.entity.id))}
                >
                  {e.entity.name}
                </button>
              </h2>
              <p className="muted">
                {e.place && (
                  <>
                    <bdi>{e.place.name}</bdi> ·{' '}
                  </>
                )}
                {e.participants.length === 0 && 'no participants'}
                {e.participants.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ', '}
                    <bdi>{p.name}</bdi> ({p.role})
                  </span>
                ))}{' '}
                · {plural(e.evidence.length, 'passage')}
              </p>
              {e.entity.description && <LinkedMarkdown source={e.entity.description} />}
              {e.evidence.slice(0, 3).map((p) => (
                <blockquote
                  key={p.annotation.id}
                  className="quote"
                  {...languageOf(p.annotation.documentId)}
                >
                  {quoteOf(p.annotation)}
                  <cite> — {p.documentTitle}</cite>
                </blockquote>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
