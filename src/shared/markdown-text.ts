// A Markdown text as plain words, for where the syntax would be noise: search snippets of
// notes, highlight notes and entity descriptions show "the prison" for
// `[[Evin prison|the prison]]`, "two" for `**two**`, a link's words without its address.
// Not a Markdown parser: it drops the marks a researcher's notes use, line by line, and
// leaves any other text as it is.
import { parseNoteLinks } from './note-links';

/** `[[target|label]]` links as their labels (the one link grammar). */
function linkLabels(text: string): string {
  let out = '';
  let at = 0;
  for (const link of parseNoteLinks(text)) {
    out += text.slice(at, link.start) + link.label;
    at = link.end;
  }
  return out + text.slice(at);
}

export function markdownText(markdown: string): string {
  return linkLabels(markdown)
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, '') // code fences
    .replace(/^ {0,3}([-*_])( *\1){2,} *$/gm, '') // rules
    .replace(/^ {0,3}(#{1,6}|>+|[-*+]) +/gm, '') // headings, quotes, bullets
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1') // links: their words
    .replace(/<(https?:[^>\s]+)>/g, '$1') // autolinks
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2') // strong, strikethrough
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}])/gu, '$1$3') // emphasis
    .replace(/`([^`\n]+)`/g, '$1'); // code
}
