// Types of licences.mjs, for the build configs and the tests that import it.
import type { Plugin } from 'vite';

export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
}
export const LICENCES_MODULE: string;
export function collectLicences(root: string): ShippedPackage[];
export function licencesPlugin(root?: string): Plugin;
