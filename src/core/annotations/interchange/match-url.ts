// Web addresses compared the way a researcher would: the same page whatever its fragment,
// a trailing slash, the scheme (http or https) or the case of the host name. Anything that
// is not an http(s) address (urn:x-pdf:…, a file path) is compared as written.
const URN = 'urn:research-workbench:document:';

export function normaliseUrl(raw: string): string {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed.replace(/#.*$/, '');
  try {
    const url = new URL(trimmed);
    url.hash = '';
    const path = url.pathname.replace(/\/+$/, '');
    return `//${url.host.toLowerCase()}${path}${url.search}`;
  } catch {
    return trimmed;
  }
}

/** The document id in one of our own exports' addresses for a document without a URL. */
export function workbenchDocumentId(url: string): string | undefined {
  return url.startsWith(URN) ? url.slice(URN.length) : undefined;
}
