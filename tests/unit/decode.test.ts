// Legacy charsets declared by saved pages: windows-1252 is not ISO-8859-1 (its 0x80-0x9F
// are curly quotes, dashes, the euro sign), and windows-1256 carries Persian letters.
// The byte strings are written out by hand from the code pages, not produced by a decoder.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/importers/decode';
import { importBytes } from '../../src/core/importers';

const page = (charset: string, body: number[]): Uint8Array =>
  new Uint8Array([
    ...new TextEncoder().encode(
      `<html><head><meta charset="${charset}"><title>T</title></head><body><p>`,
    ),
    ...body,
    ...new TextEncoder().encode('</p></body></html>'),
  ]);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('declared legacy charsets', () => {
  it('reads windows-1252 punctuation as punctuation, not control characters', () => {
    // “Quoted” – dash — em dash … ellipsis ’ apostrophe € euro
    const body = [0x93, ...ascii('Quoted'), 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0x85, 0x92, 0x80];
    const text = decodeText(page('windows-1252', body), 'cp1252.html', true);
    expect(text).toContain('“Quoted” – — …’€');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('reads windows-1256 Persian, including the letters Arabic lacks', async () => {
    // زندان (prison), then پ گ چ ژ, which only the Persian additions to cp1256 have.
    const body = [0xd2, 0xe4, 0xcf, 0xc7, 0xe4, 0x20, 0x81, 0x20, 0x90, 0x20, 0x8d, 0x20, 0x8e];
    const doc = await importBytes(page('windows-1256', body), 'evin.html');
    expect(doc.text).toContain('زندان پ گ چ ژ');
  });

  it('refuses a charset it does not know, naming it', () => {
    expect(() => decodeText(page('x-klingon', [0xe9]), 'odd.html', true)).toThrow(
      /declares the character set "x-klingon", which is not supported/,
    );
  });
});
