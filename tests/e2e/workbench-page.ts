// A page object for the workbench: finds every control by role and accessible name, the
// way a user (or a screen reader) does, so the tests also check that names exist.
import type { Locator, Page } from '@playwright/test';

export type Kind = 'quote' | 'claim' | 'evidence' | 'question';

export class WorkbenchPage {
  readonly reader: Locator;
  readonly toolbar: Locator;
  readonly details: Locator;
  readonly library: Locator;
  readonly entities: Locator;
  readonly toasts: Locator;
  readonly workspaceBanner: Locator;

  constructor(readonly page: Page) {
    this.reader = page.getByRole('article');
    this.toolbar = page.getByRole('toolbar', { name: 'Selection' });
    this.details = page.getByRole('complementary', { name: 'Details' });
    this.library = page.getByRole('complementary', { name: 'Library' });
    this.entities = this.library.getByRole('region', { name: 'Entities' });
    this.toasts = page.getByRole('log', { name: 'Notifications' });
    this.workspaceBanner = page.getByRole('status', { name: 'Workspace' });
  }

  /** The Undo button of the top bar; its name says what it would undo ("Undo Delete highlight"). */
  undoButton(): Locator {
    return this.page.getByRole('group', { name: 'History' }).getByRole('button', { name: /^Undo/ });
  }

  /** Deletes the highlight whose panel is open, confirming in the dialog. */
  async deleteOpenHighlight(): Promise<void> {
    await this.details.getByRole('button', { name: 'Delete highlight' }).click();
    await this.page
      .getByRole('dialog', { name: 'Delete this highlight?' })
      .getByRole('button', { name: 'Delete highlight' })
      .click();
  }

  /**
   * Selects the reader's text from the start of `from` to the end of `to` (or of `from`)
   * with the DOM Selection API, as a drag would; the texts may lie in different blocks.
   */
  async select(from: string, to: string = from): Promise<void> {
    await this.reader.evaluate(
      (root, [startText, endText]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const joined = nodes.map((n) => n.data).join('');
        const start = joined.indexOf(startText!);
        const end = joined.indexOf(endText!, start) + endText!.length;
        if (start < 0 || end < start + endText!.length)
          throw new Error(`text not found: ${startText}`);
        const locate = (offset: number, preferNext: boolean): [Text, number] => {
          let seen = 0;
          for (const node of nodes) {
            const fits = preferNext ? offset < seen + node.length : offset <= seen + node.length;
            if (fits) return [node, offset - seen];
            seen += node.length;
          }
          throw new Error('offset outside the reader');
        };
        const range = document.createRange();
        range.setStart(...locate(start, true));
        range.setEnd(...locate(end, false));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
      },
      [from, to],
    );
  }

  async highlight(from: string, to: string | undefined, kind: Kind): Promise<void> {
    await this.select(from, to);
    await this.toolbar.getByRole('button', { name: `Highlight as ${kind}` }).click();
    // Wait for the new highlight's panel, not a previous one that is still open.
    await this.details.getByRole('blockquote').filter({ hasText: from }).waitFor();
  }

  picker(): Locator {
    return this.details.getByRole('combobox', { name: 'Tag an entity' });
  }

  async tagNewEntity(name: string, type: string, aliases = ''): Promise<void> {
    await this.picker().fill(name);
    await this.details.getByRole('option', { name: `Create “${name}”…` }).click();
    const form = this.details.getByRole('form', { name: 'New entity' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption(type);
    if (aliases)
      await form.getByRole('textbox', { name: 'Aliases (comma-separated)' }).fill(aliases);
    await form.getByRole('button', { name: 'Create and tag' }).click();
    await this.details
      .getByRole('list', { name: 'Tagged entities' })
      .getByRole('button', { name, exact: true })
      .waitFor();
  }

  entityButton(name: string | RegExp): Locator {
    return this.entities.getByRole('button', { name });
  }

  highlightsIn(text: string): Locator {
    return this.reader.locator('mark.hl', { hasText: text });
  }
}
