// The behaviour both comboboxes share (entity picker, search box): typing opens the list
// and resets the active option, arrow keys move it, Enter chooses it, Escape closes. The
// options can change under the active one (search results arriving after a key press):
// the active option is always read within the options shown, so Enter never chooses
// nothing, or an option the list no longer has, because the list grew shorter.
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

export interface Combobox {
  query: string;
  setQuery: (query: string) => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The active option's index among `count` options shown. */
  activeIn: (count: number) => number;
  inputProps: {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onFocus: () => void;
  };
  /** Handles a key in the input, given the options shown and how to choose one. */
  onKey: (
    event: KeyboardEvent<HTMLInputElement>,
    optionCount: number,
    choose: (index: number) => void,
  ) => void;
}

export function useCombobox(): Combobox {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const activeIn = (count: number): number => Math.max(0, Math.min(active, count - 1));
  return {
    query,
    setQuery,
    open,
    setOpen,
    activeIn,
    inputProps: {
      value: query,
      onChange: (event) => {
        setQuery(event.target.value);
        setActive(0);
        setOpen(true);
      },
      onFocus: () => setOpen(true),
    },
    onKey: (event, optionCount, choose) => {
      const current = activeIn(optionCount);
      if (event.key === 'ArrowDown') setActive(Math.max(0, Math.min(current + 1, optionCount - 1)));
      else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
      else if (event.key === 'Enter' && optionCount > 0) choose(current);
      // A closed list lets Escape through, to close what holds the combobox.
      else if (event.key === 'Escape' && open) setOpen(false);
      else return;
      event.preventDefault();
    },
  };
}
