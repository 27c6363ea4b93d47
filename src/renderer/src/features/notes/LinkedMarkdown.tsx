// Markdown as the window shows it everywhere (a note, a highlight's note, an entity's
// description, an event, the dossier): rendered safely (Markdown.tsx: no raw HTML), with
// `[[links]]` to entities, documents and notes resolved against the workspace as it is.
import { useLinkIndex } from '../../hooks/use-link-index';
import { Markdown } from './Markdown';
import { useNoteLinkRenderer } from './NoteLink';

export function LinkedMarkdown({ source }: { source: string }): React.JSX.Element {
  const renderLink = useNoteLinkRenderer(useLinkIndex());
  return <Markdown source={source} noteLink={renderLink} />;
}
