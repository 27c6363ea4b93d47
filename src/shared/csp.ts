// The Content-Security-Policy, defined once: the build writes it into the renderer's
// index.html (for the Electron app, which loads the file over app://) and the browser
// host sends it as a header. Nothing remote, no inline script or style.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For a <meta> tag, where browsers ignore frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** For the HTTP header, which can also refuse framing. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The placeholder in src/renderer/index.html that the build replaces. */
export const CSP_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';

/** index.html with the policy written in (a page without the placeholder is refused). */
export function withContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER}`);
  return html.replace(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}
