// "Open original" for a saved web page shows it without anything that can run or load:
// the core's tree (src/core/originals/web-page.ts) holds only allow-listed tags, safe
// links and images the file itself held. The window checks the tree again
// (tests/renderer/page-elements.test.ts). Pinned by scripts/check-guards.mjs.
import { describe, expect, it } from 'vitest';
import { renderWebPage } from '../../src/core/originals/web-page';
import { PAGE_TAGS, type PageNode } from '../../src/shared/page-tree';

const HOSTILE = `<!doctype html><html lang="en"><head><title>Raid <b>report</b></title>
<script>window.stolen = document.cookie</script><style>body{background:url(https://t.example/x)}</style>
<link rel="stylesheet" href="https://t.example/a.css"></head>
<body onload="alert(1)">
<h1 style="color:red" onclick="alert(2)">Raid on the office</h1>
<p>Witnesses saw <a href="javascript:alert(3)">the van</a> and <a href="https://example.org/r">the report</a>.</p>
<img src="https://t.example/track.png" alt="tracking pixel"><img src=x onerror="alert(4)">
<iframe src="https://t.example/frame"></iframe><object data="x.swf"></object><embed src="y.swf">
<form action="https://t.example/steal"><input name="q"><button>Send</button></form>
<svg onload="alert(5)"><a href="javascript:alert(6)"><text>svg</text></a></svg>
<math><mtext>maths</mtext></math>
<table><tr><th>Prison</th></tr><tr><td colspan="2">Evin</td></tr></table>
</body></html>`;

function tags(nodes: readonly PageNode[]): string[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n.tag, ...tags(n.children)]));
}

describe('a saved web page shown as its original', () => {
  it('keeps its text and structure and nothing that runs, loads or restyles', () => {
    const page = renderWebPage(new TextEncoder().encode(HOSTILE), 'raid.html');
    const json = JSON.stringify(page);
    expect(page.title).toBe('Raid report');
    expect(json).toContain('Witnesses saw');
    expect(json).toContain('Evin');
    // Only allow-listed tags reach the window, whatever DOMPurify lets through.
    const allowed = new Set<string>(PAGE_TAGS);
    expect(tags(page.body).filter((t) => !allowed.has(t))).toEqual([]);
    expect(tags(page.body)).toEqual(expect.arrayContaining(['h1', 'p', 'a', 'table', 'td']));
    for (const bad of ['javascript:', 't.example', 'onerror', 'onclick', 'onload', 'color:red'])
      expect(json, bad).not.toContain(bad);
    expect(json).toContain('https://example.org/r');
    expect(page.left.join(', ')).toMatch(/image/);
  });
});
