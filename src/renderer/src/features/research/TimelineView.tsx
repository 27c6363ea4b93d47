// Events on a timeline: each event entity by its date (year, month or day, or a range),
// with its place, participants and evidence passages. Exported as CSV or JSON.
import { formatEventDate } from '../../../../shared/labels';
import { download } from '../../lib/import-files';
import { plural } from '../../lib/labels';
import { useQuery } from '../../hooks/use-query';
import { showEntity } from '../../store/selection';
import { selectContentChanges } from '../../store/workspace';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { useLanguages } from '../../hooks/use-languages';

export function TimelineView(): React.JSX.Element {
  const languageOf = useLanguages();
  const { api, store } = useWorkbench();
  const commands = useCommands();
  const changes = useSelector(selectContentChanges);
  const { data: events, error } = useQuery(() => api['events.timeline']({}), [changes]);
  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    const file = await commands.run(() => api['export.events']({ format }));
    if (file) download(file.fileName, file.mimeType, file.content);
  };
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
      {!events && <p className="muted">{error?.message ?? 'Loading…'}</p>}
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
                {e.place ? `${e.place.name} · ` : ''}
                {e.participants.map((p) => `${p.name} (${p.role})`).join(', ') ||
                  'no participants'}{' '}
                · {plural(e.evidence.length, 'passage')}
              </p>
              {e.evidence.slice(0, 3).map((p) => (
                <blockquote
                  key={p.annotation.id}
                  className="quote"
                  {...languageOf(p.annotation.documentId)}
                >
                  {p.annotation.target.quote.exact}
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
