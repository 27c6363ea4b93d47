// A field that names something new ("Add code", "Add kind", "Add relation") is emptied once
// the core has added it, but only if it still holds what was added: the researcher may
// have typed the next name while the first was on its way, and that must stay.
export const emptiedIfStill =
  (added: string) =>
  (current: string): string =>
    current.trim() === added ? '' : current;
