// An entity's dossier: what it is, its events, the notes about it, who and what it appears
// with, every passage tagged to it grouped by source with the citation (each with its own
// note under its quote), and the documents that mention it.
// Exported as a Markdown brief that cites every quote.
import { LinkSummary } from '../highlights/LinkSummary';
import type { Dossier } from '../../../../shared/methods/entities';
import { plural } from '../../lib/labels';
import { useView } from '../../hooks/use-view';
import { useCommands } from '../../workbench/context';
import { MentionFinder } from '../entities/MentionFinder';
import { LinkedMarkdown } from '../notes/LinkedMarkdown';
import { formatEventDate } from '../../../../shared/labels';
import { useLanguages } from '../../hooks/use-languages';
import { quoteOf } from '../../../../shared/regions';
import { DossierNotes } from './DossierNotes';

const wikidata = (id: string): string | undefined =>
  /^Q\d+$/.test(id) ? `https://www.wikidata.org/wiki/${id}` : undefined;

export function DossierView({ entityId }: { entityId: string }): React.JSX.Element {
  const { data, error } = useView('dossier', entityId);
  if (!data) return <p className="muted empty">{error ?? 'Loading…'}</p>;
  return <DossierBody dossier={data} />;
}

function DossierBody({ dossier }: { dossier: Dossier }): React.JSX.Element {
  const languageOf = useLanguages();
  const commands = useCommands();
  const { entity } = dossier;
  const link = entity.externalId ? wikidata(entity.externalId) : undefined;
  const passages = dossier.sources.reduce((n, s) => n + s.passages.length, 0);
  return (
    <article className="research dossier" aria-labelledby="dossier-heading">
      <header className="row spread">
        <div>
          <h1 id="dossier-heading" dir="auto">
            {entity.name}
          </h1>
          <p className="muted">
            {entity.type} · {plural(passages, 'passage')} ·{' '}
            {plural(dossier.sources.length, 'document')}
          </p>
        </div>
        <button type="button" onClick={() => void commands.exportDossier(entity.id)}>
          Export as Markdown
        </button>
      </header>
      {entity.aliases.length > 0 && <p>Also known as: {entity.aliases.join('; ')}</p>}
      {entity.externalId && (
        <p>
          Identifier:{' '}
          {link ? (
            <a href={link} target="_blank" rel="noreferrer noopener">
              {entity.externalId}
            </a>
          ) : (
            entity.externalId
          )}
        </p>
      )}
      {entity.description && (
        <div className="description">
          <LinkedMarkdown source={entity.description} />
        </div>
      )}

      {dossier.events.length > 0 && (
        // Named for the entity: the library's "Events" group is a landmark of that name too.
        <section aria-label={`Events of ${entity.name}`}>
          <h2>Events</h2>
          <ul>
            {dossier.events.map((e) => (
              <li key={e.entity.id}>
                <strong>{formatEventDate(e.date)}</strong> {e.entity.name}
                {e.place ? `, ${e.place.name}` : ''}
                {e.participants.length > 0 &&
                  ` (${e.participants.map((p) => `${p.name}: ${p.role}`).join('; ')})`}
                {e.entity.description && <LinkedMarkdown source={e.entity.description} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <DossierNotes entity={entity} />

      <section aria-labelledby="dossier-with">
        <h2 id="dossier-with">Appears with</h2>
        {dossier.cooccurring.length === 0 && (
          <p className="muted">No other entity is tagged in the same paragraphs or documents.</p>
        )}
        <ul className="cooccurring">
          {dossier.cooccurring.map((c) => (
            <li key={c.entity.id}>
              <button type="button" onClick={() => commands.openDossier(c.entity.id)}>
                <bdi>{c.entity.name}</bdi>
              </button>{' '}
              <span className="muted">
                {plural(c.paragraphs, 'paragraph')}, {plural(c.documents, 'document')}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <MentionFinder entity={entity} />

      <section aria-labelledby="dossier-passages">
        <h2 id="dossier-passages">Passages by source</h2>
        {dossier.sources.map((source) => (
          <section key={source.documentId} className="source" aria-label={source.title}>
            <h3>
              <button
                type="button"
                className="link"
                onClick={() => commands.openDocument(source.documentId)}
              >
                {source.title}
              </button>
            </h3>
            <p className="muted citation">
              {source.citation} · {plural(source.mentions, 'mention')}
            </p>
            <ol className="passages">
              {source.passages.map(({ annotation, paragraph }) => (
                <li key={annotation.id}>
                  <blockquote
                    className={`quote quote-${annotation.kind}`}
                    {...languageOf(annotation.documentId)}
                  >
                    {quoteOf(annotation)}
                  </blockquote>
                  {/* The note under its own quote, before the line that ends the passage:
                      after it, the note read as the start of the next passage. */}
                  {annotation.note && (
                    <div className="note passage-note">
                      <span className="muted note-label">Note</span>
                      <LinkedMarkdown source={annotation.note} />
                    </div>
                  )}
                  <LinkSummary annotationId={annotation.id} />
                  <div className="row spread passage-foot">
                    <span className="muted">
                      {paragraph !== undefined
                        ? `¶ ${paragraph}`
                        : annotation.status === 'orphaned'
                          ? 'orphaned'
                          : 'in a heading'}
                    </span>
                    <button
                      type="button"
                      onClick={() => commands.showHighlight(annotation)}
                      aria-label={`Show in reader: ${quoteOf(annotation).slice(0, 60)}`}
                    >
                      Show in reader
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </article>
  );
}
