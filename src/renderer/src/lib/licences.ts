// Reading the licences of the packages the app ships (scripts/licences.mjs lists them at
// build time): which ones leave whoever ships the app a choice only among copyleft terms
// (a decision to take before packaging), which were decided (the licence taken, and the
// attribution it asks for), and which state no licence at all. An SPDX expression with a
// permissive alternative ("MIT OR GPL-3.0") asks nothing more.
import {
  LICENCE_DECISIONS,
  type LicenceDecision,
} from '../../../shared/concepts/licence-decisions';

export type { LicenceDecision };

export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
  /** Its own licence file's text, carried for copyleft packages (scripts/licences.mjs). */
  notice?: string;
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

/** The decision taken for the package as this build ships it, if its licence is unchanged. */
export const decisionFor = (p: ShippedPackage): LicenceDecision | undefined =>
  LICENCE_DECISIONS.find((d) => d.name === p.name && d.offered === p.licence);

/** Whether every licence the package may be taken under is copyleft, and none was chosen. */
export function needsDecision(p: ShippedPackage): boolean {
  if (p.licence === NOT_STATED || decisionFor(p)) return false;
  return alternatives(p.licence).every((l) => COPYLEFT.test(l));
}

export const statesNoLicence = (p: ShippedPackage): boolean => p.licence === NOT_STATED;
