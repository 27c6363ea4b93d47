// Reading the licences of the packages the app ships (scripts/licences.mjs lists them at
// build time): which ones leave whoever ships the app a choice only among copyleft terms
// (a decision to take before packaging), which were decided (the licence taken, and the
// attribution it asks for), and which state no licence at all. An SPDX expression with a
// permissive alternative ("MIT OR GPL-3.0") asks nothing more.
export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
}

/**
 * Licences that ask more of whoever ships the app than keeping a notice. (MPL-2.0 is left
 * out: its copyleft is per file, and unmodified files ask only for their notice.)
 */
const COPYLEFT = /\b(A?GPL|LGPL|CPAL|EPL|CDDL|SSPL|OSL|EUPL|CC-BY-SA)/i;
const NOT_STATED = 'not stated';

/** The alternatives of an SPDX expression: "(A OR B)" is A and B. */
export function alternatives(licence: string): string[] {
  return licence
    .replace(/[()]/g, ' ')
    .split(/\s+OR\s+/i)
    .map((l) => l.trim())
    .filter(Boolean);
}

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

/** The decision taken for the package as this build ships it, if its licence is unchanged. */
export const decisionFor = (p: ShippedPackage): LicenceDecision | undefined =>
  LICENCE_DECISIONS.find((d) => d.name === p.name && d.offered === p.licence);

/** Whether every licence the package may be taken under is copyleft, and none was chosen. */
export function needsDecision(p: ShippedPackage): boolean {
  if (p.licence === NOT_STATED || decisionFor(p)) return false;
  return alternatives(p.licence).every((l) => COPYLEFT.test(l));
}

export const statesNoLicence = (p: ShippedPackage): boolean => p.licence === NOT_STATED;
