// The README inside every evidence bundle: for a recipient who may never have heard of
// the workbench, what the bundle holds and the two ways to check it.
export function bundleReadme(createdAt: string): string {
  return `EVIDENCE BUNDLE
Made with Research Workbench on ${createdAt}.

WHAT IS IN IT
  originals/            every source file exactly as it was imported, named by its SHA-256
  texts/                the text the workbench read out of each source (UTF-8)
  records/              the workbench's own records of each document and its highlights
  annotations.jsonld    the highlights and their notes, as W3C Web Annotations
  notes.json            the researcher's free-standing notes
  custody.log           every change made, in order, each line chained to the one before
                        (present when the workspace kept one)
  manifest.json         what each document is: its title, its original, its text, hashes
  SHA256SUMS            the SHA-256 of every other file in this bundle

WHAT YOU CAN CHECK
  1. That nothing in the bundle was changed after it was made. Ask the sender, by another
     way than the one the bundle came by, for its fingerprint: the SHA-256 of SHA256SUMS.
  2. That every file is the one listed: each file's SHA-256 equals its line in SHA256SUMS.
  3. That each text and each highlight comes from its original: the original's SHA-256 is
     the one recorded when it was imported, each text is the one recorded for its
     revision, and each highlight's quote is the text at its place.
  4. That the history is whole: the custody log's lines chain, and the records in the
     bundle are what the log last says they were.

HOW TO CHECK IT
  With the workbench's command line (no network is used):
      npm run cli -- verify --bundle THIS-FILE.zip
  It names any file that does not match and exits with a non-zero status; otherwise it
  prints the fingerprint to compare with the sender's.

  With no workbench at all (checks 1 and 2): unzip the bundle, then
      sha256sum SHA256SUMS          (compare with the sender's fingerprint)
      sha256sum -c SHA256SUMS       (every line must say OK)
  On macOS use "shasum -a 256" in place of "sha256sum".
`;
}
