// Renders a user's Markdown note. react-markdown builds React elements from the syntax
// tree and never injects HTML: raw HTML in a note shows as text, and unsafe link
// protocols (javascript:, data:) are stripped by its URL transform.
import ReactMarkdown from 'react-markdown';

export function Markdown({ source }: { source: string }): React.JSX.Element {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          img: ({ alt }) => <span className="markdown-image">[image: {alt}]</span>,
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
