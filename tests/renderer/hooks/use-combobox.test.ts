// @vitest-environment jsdom
// The combobox every picker and the search box share: when the options change under the
// active one (results for the last letter typed arriving after an arrow key), Enter
// chooses an option the list still shows, never nothing.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useCombobox } from '../../../src/renderer/src/hooks/use-combobox';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Picker({ options, onChoose }: { options: string[]; onChoose: (o: string) => void }) {
  const { activeIn, inputProps, onKey } = useCombobox();
  const active = activeIn(options.length);
  return createElement(
    'div',
    null,
    createElement('input', {
      role: 'combobox',
      'aria-activedescendant': options.length > 0 ? `o-${active}` : undefined,
      ...inputProps,
      onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) =>
        onKey(e, options.length, (i) => {
          const option = options[i];
          if (option !== undefined) onChoose(option);
        }),
    }),
    ...options.map((o, i) =>
      createElement(
        'div',
        { key: o, id: `o-${i}`, role: 'option', 'aria-selected': i === active },
        o,
      ),
    ),
  );
}

let cleanup = (): void => undefined;
afterEach(() => cleanup());

function mount() {
  const chosen: string[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const render = (options: string[]): void =>
    act(() => root.render(createElement(Picker, { options, onChoose: (o) => chosen.push(o) })));
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  const input = (): HTMLInputElement => container.querySelector('input')!;
  const press = (key: string): void =>
    act(() => {
      input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
  return { chosen, render, press, input };
}

describe('the combobox', () => {
  it('moves through the options and chooses the active one', () => {
    const { chosen, render, press, input } = mount();
    render(['Geneva', 'Genesis', 'General']);
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe('o-2');
    press('ArrowUp');
    press('Enter');
    expect(chosen).toEqual(['Genesis']);
  });

  it('chooses an option still shown when the list grows shorter under the active one', () => {
    const { chosen, render, press, input } = mount();
    render(['Geneva minutes', 'Genesis', 'General', 'Germany']);
    press('ArrowDown');
    press('ArrowDown');
    // The results for the whole word arrive: one option.
    render(['Geneva minutes']);
    expect(input().getAttribute('aria-activedescendant')).toBe('o-0');
    press('Enter');
    expect(chosen).toEqual(['Geneva minutes']);
    // And the arrows move from where the list shows the active option.
    render(['Geneva minutes', 'Geneva report']);
    press('ArrowDown');
    press('Enter');
    expect(chosen).toEqual(['Geneva minutes', 'Geneva report']);
  });
});
