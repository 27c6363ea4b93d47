// @vitest-environment jsdom
// The tag picker of a highlight offers the entities its passage names first: opened with
// nothing typed, and still when a typed word finds others too (a more used entity, a
// better match of the word); a name the passage writes with a ZWNJ, the entity with a
// space, is still named. Enter takes the first offer.
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityPicker } from '../../src/renderer/src/features/entities/EntityPicker';
import type { EntityWithUsage } from '../../src/shared/api';
import { entity } from './builders';
import { mountView } from './mount-view';

const named = (id: string, name: string, usage: number, aliases: string[] = []) => ({
  ...entity(id, usage),
  name,
  aliases,
});

const ENTITIES: EntityWithUsage[] = [
  named('amnesty', 'Amnesty International', 40),
  named('evin', 'Evin prison', 12),
  named('raisi', 'Ebrahim Raisi', 1, ['Raisi']),
  named('ejei', 'Mohseni Ejei', 0, ['اژه ای']),
  named('ebadi', 'Shirin Ebadi', 30),
];
const PASSAGE =
  'In 1988 Raisi sat on the commission; in 2023 محسنی اژه‌ای chaired the session on the prisons.';

let unmount = (): void => undefined;
afterEach(() => unmount());

async function picker() {
  const picked: string[] = [];
  const view = await mountView(
    createElement(EntityPicker, {
      entities: ENTITIES,
      exclude: [],
      passage: PASSAGE,
      onPick: (id: string) => picked.push(id),
    }),
    {},
  );
  unmount = view.unmount;
  const input = view.container.querySelector<HTMLInputElement>('[role="combobox"]')!;
  const offers = (): string[] =>
    [...view.container.querySelectorAll('[role="option"] bdi')].map((o) => o.textContent ?? '');
  const type = (value: string): void =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  return { input, offers, type, picked };
}

describe('the tag picker', () => {
  it('offers the entities the passage names first, then the rest by use', async () => {
    const { input, offers } = await picker();
    act(() => input.focus());
    expect(offers()).toEqual([
      'Ebrahim Raisi',
      'Mohseni Ejei',
      'Amnesty International',
      'Shirin Ebadi',
      'Evin prison',
    ]);
  });

  it('keeps them first among what a typed word finds, and Enter takes the first', async () => {
    const { input, offers, type, picked } = await picker();
    act(() => input.focus());
    // "eb" starts "Ebadi" (used 30 times) and "Ebrahim": the passage names only Raisi.
    type('eb');
    expect(offers()).toEqual(['Ebrahim Raisi', 'Shirin Ebadi']);
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(picked).toEqual(['raisi']);
  });
});
