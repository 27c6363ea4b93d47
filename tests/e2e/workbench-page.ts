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

  /**
   * Creates an entity with the library's New entity button; its panel opens. With
   * `anyway`, the name is like another entity's and the form's "same as …?" is answered no.
   */
  async createEntity(name: string, type: string, anyway = false): Promise<void> {
    await this.entities.getByRole('button', { name: 'New entity' }).click();
    const form = this.details.getByRole('region', { name: 'New entity' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('combobox', { name: 'Type' }).selectOption(type);
    await form.getByRole('button', { name: 'Create entity' }).click();
    if (anyway) await form.getByRole('button', { name: 'Create entity anyway' }).click();
    await this.details.getByRole('heading', { level: 2, name }).waitFor();
  }

  entityButton(name: string | RegExp): Locator {
    return this.entities.getByRole('button', { name });
  }

  /**
   * The highlighted runs of the reader's text as painted, in reading order, each with its
   * look: the kind and any edge, sorted ("claim overlap"), not a passing flash. Read from the ranges registered
   * with the Highlight API, or from the fallback's marks where the API is missing.
   */
  async runs(): Promise<{ text: string; paint: string }[]> {
    return this.reader.evaluate((root) => {
      const marks = [...root.querySelectorAll('mark.hl')];
      if (marks.length > 0 || typeof CSS === 'undefined' || !('highlights' in CSS))
        return marks.map((mark) => ({
          text: mark.textContent ?? '',
          paint: [...mark.classList]
            .filter((c) => c !== 'hl' && c !== 'flash')
            .map((c) => c.slice(3))
            .sort()
            .join(' '),
        }));
      const runs = new Map<AbstractRange, string[]>();
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('wb-')) continue;
        for (const range of highlight) {
          if (!root.contains(range.startContainer)) continue;
          runs.set(range, [...(runs.get(range) ?? []), name.slice(3)]);
        }
      }
      return [...runs]
        .map(([range, names]) => {
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          return { live, names };
        })
        .sort((a, b) => a.live.compareBoundaryPoints(Range.START_TO_START, b.live))
        .map(({ live, names }) => ({ text: live.toString(), paint: names.sort().join(' ') }));
    });
  }

  /** The look of each painted run whose text contains `text` (see runs()). */
  async paintOf(text: string): Promise<string[]> {
    return (await this.runs()).filter((run) => run.text.includes(text)).map((run) => run.paint);
  }

  /** A highlight's stop in the Tab order, found by its name (kind and quote). */
  highlightStop(quote: string | RegExp): Locator {
    const pattern = typeof quote === 'string' ? escapeRegExp(quote) : quote.source;
    return this.reader.getByRole('button', { name: new RegExp(`highlight: .*${pattern}`) });
  }

  /** Clicks the reader's text in the middle of the first occurrence of `text`, as a user does. */
  async clickText(text: string): Promise<void> {
    const point = await this.reader.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const middle = at + Math.floor(wanted.length / 2);
        const range = document.createRange();
        range.setStart(n, middle);
        range.setEnd(n, middle + 1);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      throw new Error(`text not found in one piece: ${wanted}`);
    }, text);
    await this.page.mouse.click(point.x, point.y);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Makes the page's engine look like one without the Highlight API, from its next load on,
 * so the reader takes its span-wrapping fallback.
 */
export async function withoutHighlightApi(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (CSS as { highlights?: unknown }).highlights;
    delete (window as { Highlight?: unknown }).Highlight;
  });
}

/**
 * A top-bar tool by its name, opening "More" first when the tool is under it (the tools
 * used now and then at every width, all but the panel toggles and search when narrow).
 */
export async function barButton(page: Page, name: string): Promise<Locator> {
  const button = page.getByRole('banner').getByRole('button', { name, exact: true });
  if (!(await button.isVisible())) await page.getByRole('button', { name: 'More' }).click();
  return button;
}
