// Types of licences.mjs, for the build configs and the tests that import it.
import type { Plugin } from 'vite';

export interface ShippedPackage {
  name: string;
  version: string;
  licence: string;
  /** A copyleft package's own licence file, as it ships it. */
  notice?: string;
}
export const LICENCES_MODULE: string;
export function collectLicences(root: string): ShippedPackage[];
export const NOTICE_MARK: string;
export function noticeText(root: string): string;
export function writeNotice(root?: string): void;
export function licencesPlugin(root?: string): Plugin;
