// Reads a request line's target strictly. Browsers only ever send origin-form targets
// (`/path?query`); absolute-form (`http://host/path`), authority-form, `*`, and anything
// that does not parse are answered 400 instead of reaching a URL parser inside a handler.
export interface Target {
  pathname: string;
  searchParams: URLSearchParams;
}

const ORIGIN_FORM = /^\/(?!\/)[\x21-\x7e]*$/;

export function parseTarget(raw: string | undefined): Target | null {
  if (raw === undefined || !ORIGIN_FORM.test(raw)) return null;
  try {
    const url = new URL(raw, 'http://target.invalid');
    return url.host === 'target.invalid'
      ? { pathname: url.pathname, searchParams: url.searchParams }
      : null;
  } catch {
    return null;
  }
}
