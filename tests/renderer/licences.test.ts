// @vitest-environment jsdom
// About → Licences. The list is made from package metadata at build time
// (scripts/licences.mjs, the `virtual:licences` module): every shipped package with its
// licence, none that is only for development, Electron as the desktop app's runtime. The
// screen names the copyleft package taken under a chosen licence (citeproc, CPAL 1.0) with
// the attribution and source address the package itself gives (tests/unit/licence-notice
// checks them against the package and NOTICE), what
// still needs a decision and what states no licence; a licence with a permissive
// alternative asks nothing more, and a decided package whose licence changes asks again.
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import packages from 'virtual:licences';
import { LicencesDialog } from '../../src/renderer/src/features/shell/LicencesDialog';
import { alternatives, decisionFor, needsDecision } from '../../src/renderer/src/lib/licences';
import { fakeModalDialogs } from './modal-dialogs';
import { mountView } from './mount-view';

beforeAll(() => fakeModalDialogs());

const named = (name: string) => packages.find((p) => p.name === name);

describe('the list made at build time', () => {
  it('holds the shipped packages with their own licences, and no development tool', () => {
    expect(named('react')?.licence).toBe('MIT');
    expect(named('@citation-js/core')?.licence).toBe('MIT');
    expect(named('citeproc')?.licence).toMatch(/^CPAL-1\.0 OR AGPL/);
    expect(named('electron')?.licence).toBe('MIT');
    for (const dev of ['vitest', '@playwright/test', 'eslint', 'typescript', 'vite'])
      expect(named(dev)).toBeUndefined();
    expect(packages.every((p) => p.version.length > 0 && p.licence.length > 0)).toBe(true);
  });
});

describe('which licences need a decision', () => {
  it.each([
    ['CPAL-1.0 OR AGPL-1.0', true],
    ['GPL-3.0-only', true],
    ['(MIT OR GPL-3.0-or-later)', false],
    ['(MPL-2.0 OR Apache-2.0)', false],
    ['MIT', false],
    ['BlueOak-1.0.0', false],
    ['not stated', false],
  ])('%s: %s', (licence, expected) => {
    expect(needsDecision({ name: 'x', version: '1', licence })).toBe(expected);
  });

  it('takes citeproc under CPAL 1.0 only while its metadata offers what was decided on', () => {
    const citeproc = named('citeproc')!;
    expect(decisionFor(citeproc)?.taken).toBe('CPAL-1.0');
    expect(needsDecision(citeproc)).toBe(false);
    // A release under other terms is not covered by the decision: it must be taken again.
    expect(needsDecision({ ...citeproc, licence: 'AGPL-3.0-only' })).toBe(true);
    expect(decisionFor({ ...citeproc, licence: 'AGPL-3.0-only' })).toBeUndefined();
  });

  it('reads the alternatives of an SPDX expression', () => {
    expect(alternatives('(MIT OR GPL-3.0-or-later)')).toEqual(['MIT', 'GPL-3.0-or-later']);
  });
});

let unmount = (): void => undefined;
afterEach(() => unmount());

describe('the licences screen', () => {
  it('says which licence citeproc is taken under, with its attribution, and lists every package', async () => {
    const view = await mountView(
      createElement(LicencesDialog, { open: true, onClose: () => {} }),
      {},
    );
    unmount = view.unmount;
    const dialog = view.container.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('licences-title');
    const taken = dialog.querySelector('[aria-labelledby="licences-taken"]')?.textContent ?? '';
    expect(taken).toContain('citeproc');
    expect(taken).toContain('Common Public Attribution License 1.0');
    expect(taken).toContain('Copyright (c) 2009-2019 Frank Bennett');
    expect(taken).toContain('https://github.com/Juris-M/citeproc-js');
    expect(taken).not.toContain('jszip');
    // Its own LICENSE, read from the package when the list was built, not typed here.
    const notice = dialog.querySelector('[aria-labelledby="licences-taken"] pre')?.textContent;
    expect(notice).toBe(named('citeproc')?.notice);
    expect(notice).toMatch(/^Copyright \(c\) 2009-2019 Frank Bennett\n[\s\S]*either version 1 of/);
    // Nothing shipped is copyleft-only and undecided.
    expect(dialog.querySelector('[aria-labelledby="licences-decide"]')).toBeNull();
    expect(dialog.querySelectorAll('tbody tr')).toHaveLength(packages.length);
    expect(dialog.textContent).toContain('Creative Commons Attribution-ShareAlike 3.0');
  });
});
