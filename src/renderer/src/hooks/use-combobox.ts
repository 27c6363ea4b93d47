// The behaviour both comboboxes share (entity picker, search box): typing opens the list
// and resets the active option, arrow keys move it, Enter chooses it, Escape closes.
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

export interface Combobox {
  query: string;
  setQuery: (query: string) => void;
  open: boolean;
  setOpen: (open: boolean) => void;
  active: number;
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
  return {
    query,
    setQuery,
    open,
    setOpen,
    active,
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
      if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, optionCount - 1));
      else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
      else if (event.key === 'Enter' && optionCount > 0) choose(active);
      // A closed list lets Escape through, to close what holds the combobox.
      else if (event.key === 'Escape' && open) setOpen(false);
      else return;
      event.preventDefault();
    },
  };
}
