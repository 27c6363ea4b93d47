// The licence decisions taken for the copyleft-only packages the app ships, defined once:
// the licences screen shows them (src/renderer/src/lib/licences.ts), NOTICE says the same
// (tests/unit/licence-notice.test.ts checks both against the package's own files), and a
// package whose metadata offers other terms than a decision was taken on needs one again.
/** A copyleft-only package the app takes under one of its licences, and what that asks. */
export interface LicenceDecision {
  name: string;
  /** The package metadata's licence the decision was taken on: another one reopens it. */
  offered: string;
  /** The licence the app takes it under. */
  taken: string;
  /** Where that licence's text is. */
  licenceUrl: string;
  /** The copyright notice naming the original developer, as the package's LICENSE gives it. */
  copyright: string;
  originalDeveloper: string;
  /** Where its source code is, as published. */
  source: string;
}

/**
 * The decisions taken. citeproc (the CSL processor citation-js formats with) is offered
 * under CPAL 1.0 or later or the AGPL 3 or later (its metadata says "AGPL-1.0"): the app
 * takes it under CPAL 1.0, unmodified, as npm publishes it. CPAL section 3.6 asks a binary
 * distribution to say the source is available under the CPAL and where; section 14 asks for
 * the original developer's attribution as its Exhibit B specifies. citeproc's LICENSE holds
 * no Exhibit B (only the dual-licence notice), so 14(c) asks for no display; the app shows
 * the developer's copyright notice and the source's address anyway, here and in NOTICE.
 */
export const LICENCE_DECISIONS: readonly LicenceDecision[] = [
  {
    name: 'citeproc',
    offered: 'CPAL-1.0 OR AGPL-1.0',
    taken: 'CPAL-1.0',
    licenceUrl: 'https://opensource.org/license/cpal-1-0',
    copyright: 'Copyright (c) 2009-2019 Frank Bennett',
    originalDeveloper: 'Frank Bennett',
    source: 'https://github.com/Juris-M/citeproc-js',
  },
];
