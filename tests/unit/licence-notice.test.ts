// The licence decisions say what the packages themselves say: citeproc's copyright notice
// (naming its original developer) is the one in its LICENSE, which offers CPAL version 1
// or later; its source address is its package's repository; and NOTICE, which packaging
// ships beside the app, gives the same notice, developer, source and licence text address,
// and ends with the package's own LICENSE as it ships it (npm run notice writes it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LICENCE_DECISIONS } from '../../src/shared/concepts/licence-decisions';
import { noticeText } from '../../scripts/licences.mjs';

const ROOT = join(import.meta.dirname, '../..');
const notice = readFileSync(join(ROOT, 'NOTICE'), 'utf8');

describe('the licence decisions', () => {
  it.each(LICENCE_DECISIONS.map((d) => [d.name, d] as const))(
    '%s: attributed as the package does, and NOTICE says the same',
    (name, d) => {
      const dir = join(ROOT, 'node_modules', name);
      const licence = readFileSync(join(dir, 'LICENSE'), 'utf8');
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        license: string;
        repository: { url: string };
      };
      expect(meta.license).toBe(d.offered);
      expect(licence).toContain(d.copyright);
      // CPAL "version 1 of the CPAL, or (at your option) any later version": 1.0 may be taken.
      expect(licence).toMatch(/Common Public Attribution License \(CPAL\)[\s\S]*version 1 of/);
      expect(meta.repository.url.toLowerCase()).toContain(
        d.source.replace('https://', '').toLowerCase(),
      );
      for (const line of [d.copyright, d.source, d.licenceUrl, d.originalDeveloper])
        expect(notice).toContain(line);
    },
  );
});

describe('NOTICE', () => {
  it('carries each copyleft package’s own licence file, as the package ships it', () => {
    expect(notice).toBe(noticeText(ROOT));
    expect(notice).toMatch(/citeproc [\d.]+:\n {2}Copyright \(c\) 2009-2019 Frank Bennett\n/);
    expect(notice).toContain('3 of the AGPL, or (at your option) any later version.');
  });
});
