// The co-occurrence network readable at 7 and at 70 entities (issue 21): no two entity
// labels overlap once drawn, the counts on the links contrast with what is behind them in
// the light and the dark scheme, a legend names the colours, and axe passes. The graph is
// read from cytoscape's own instance on its container, as drawn.
import type { Page } from '@playwright/test';
import { call } from './api';
import { expectNoViolations } from './axe';
import { expect, test } from './fixtures';
import { screenshots } from './screenshots';

const TYPES = ['person', 'organization', 'place', 'event'];

/** `count` entities, tagged two by two on highlights of the sample (a chain: 1-2, 2-3, …),
 * made eight requests at a time (the core commits them one by one). */
async function chain(page: Page, count: number): Promise<void> {
  const [sample] = await call<{ id: string }[]>(page, 'documents.list', {});
  const inEights = async <T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    for (let from = 0; from < n; from += 8)
      out.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(8, n - from) }, (_, k) => make(from + k)),
        )),
      );
    return out;
  };
  const ids = await inEights(count, async (i) => {
    const name = `${['Ministry', 'Judge', 'Prison', 'Trial'][i % 4]} ${String(i + 1).padStart(2, '0')} of the inquiry`;
    return (await call<{ id: string }>(page, 'entities.create', { name, type: TYPES[i % 4] })).id;
  });
  await inEights(count - 1, (i) =>
    call(page, 'annotations.create', {
      documentId: sample!.id,
      start: 10 * i,
      end: 10 * i + 8,
      kind: 'quote',
      entityIds: [ids[i], ids[i + 1]],
    }),
  );
}

/** Pairs of entity labels whose boxes overlap, as cytoscape drew them. */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.locator('.graph').evaluate((element) => {
    type Box = { x1: number; x2: number; y1: number; y2: number };
    type Node = { data: (k: string) => string; boundingBox: (o: object) => Box };
    const cy = (element as unknown as { _cyreg: { cy: { nodes: () => Node[] } } })._cyreg.cy;
    const nodes = cy
      .nodes()
      .map((n) => ({ label: n.data('label'), box: n.boundingBox({ includeLabels: true }) }));
    const found: string[] = [];
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!.box;
        const b = nodes[j]!.box;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
          found.push(`${nodes[i]!.label} / ${nodes[j]!.label}`);
      }
    return found;
  });
}

/** The contrast of a link's count with its label's background, as WCAG computes it. */
async function countContrast(page: Page): Promise<number> {
  return page.locator('.graph').evaluate((element) => {
    type Edge = { style: (k: string) => string };
    const cy = (element as unknown as { _cyreg: { cy: { edges: () => Edge[] } } })._cyreg.cy;
    const edge = cy.edges()[0]!;
    const rgb = (css: string): number[] => {
      const probe = document.createElement('span');
      probe.style.color = css;
      document.body.append(probe);
      const out = getComputedStyle(probe)
        .color.match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
      probe.remove();
      return out;
    };
    const luminance = ([r, g, b]: number[]): number => {
      const f = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const [l1, l2] = [
      luminance(rgb(edge.style('color'))),
      luminance(rgb(edge.style('text-background-color'))),
    ];
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    // Labels apart at both sizes in the light scheme; the dark one checks the counts'
    // contrast and the legend on the small network (a 70-node layout is the same in both,
    // and drawing it twice cost CI most of a minute).
    for (const count of colorScheme === 'light' ? [7, 70] : [7]) {
      test(`a network of ${count} entities: labels apart, counts readable, a legend`, async ({
        workbench: wb,
        page,
      }) => {
        test.setTimeout(120_000);
        await wb.reader.locator('li').first().waitFor();
        await chain(page, count);
        await page.getByRole('tab', { name: 'Co-occurrence' }).click();
        const view = page.getByRole('region', { name: 'Co-occurrence' });
        await view.getByRole('radio', { name: 'highlight' }).check();
        const graph = view.getByRole('img', {
          name: new RegExp(`^Network of ${count} entities`),
        });
        await expect(graph).toBeVisible();
        await expect(view.getByText('Drawing the network…')).toHaveCount(0);
        const legend = view.getByRole('list', { name: 'Legend' });
        for (const type of ['People', 'Places']) await expect(legend).toContainText(type);
        expect(await overlappingLabels(page)).toEqual([]);
        expect(await countContrast(page)).toBeGreaterThanOrEqual(4.5);
        await expectNoViolations(page, `graph of ${count}`);
        await screenshots(page, `graph-${count}-${colorScheme}`, graph);
      });
    }
  });
}
