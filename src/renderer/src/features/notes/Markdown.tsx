// Renders a user's Markdown note. react-markdown builds React elements from the syntax
// tree and never injects HTML: raw HTML in a note shows as text, and unsafe link
// protocols (javascript:, data:) are stripped by its URL transform. Given `noteLink`,
// `[[...]]` links are handed to it to render as in-app links.
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import { NOTE_LINK_PROPERTY, remarkNoteLinks } from '../../lib/remark-note-links';

export type NoteLinkRenderer = (target: string, label: ReactNode) => ReactNode;

export function Markdown({
  source,
  noteLink,
}: {
  source: string;
  noteLink?: NoteLinkRenderer;
}): React.JSX.Element {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        remarkPlugins={noteLink ? [remarkNoteLinks] : []}
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          img: ({ alt }) => <span className="markdown-image">[image: {alt}]</span>,
          span: ({ node, children }) => {
            const target = node?.properties[NOTE_LINK_PROPERTY];
            return noteLink && typeof target === 'string' ? (
              noteLink(target, children)
            ) : (
              <span>{children}</span>
            );
          },
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
