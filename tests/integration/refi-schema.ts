// The REFI-QDA Project schema for the tests, read where the team keeps it: Project.xsd
// (QDA-XML 1.0, 18 March 2019) is published by the Rotterdam Exchange Format Initiative
// (www.qdasoftware.org) with the REFI-QDA 1.5 specification, under the MIT licence; the
// team keeps one copy in shared/standards/refi-qda/ beside the repositories, and it is
// not copied into this project. Found from the repository upwards, or at $REFI_QDA_XSD.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const RELATIVE = 'shared/standards/refi-qda/Project.xsd';

export function findProjectXsd(): string | undefined {
  if (process.env.REFI_QDA_XSD && existsSync(process.env.REFI_QDA_XSD))
    return process.env.REFI_QDA_XSD;
  let dir = join(import.meta.dirname, '../..');
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** The schema's errors for `xml` (none when it is valid), by libxml2 in WebAssembly. */
export async function schemaErrors(xml: string, xsdPath: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [readFileSync(xsdPath, 'utf8')],
  });
  return result.errors.map((e) => e.rawMessage);
}

const CODEBOOK_ROOT =
  /^\s*(?:<\?xml[^>]*\?>\s*)?<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="[^"<>]*">/;

/**
 * A .qdc codebook as a project for Project.xsd to judge. The consortium's Codebook.xsd is
 * not among the team's standards, but a .qdc's `CodeBook` holds the same `Codes` tree as a
 * project's `CodeBook` element (CodeBookType), in the urn:QDA-XML:codebook:1.0 namespace
 * and with an `origin` attribute. So: check the root is exactly that (the namespace and
 * origin that only Codebook.xsd could judge), then move the same `Codes` into a minimal
 * project's `CodeBook`, in the project namespace, for the schema to check every `Code`.
 * Throws when the root is not a codebook's; a .qdc with `Sets` is refused (ours has none).
 */
export function codebookAsProject(qdc: string): string {
  const root = CODEBOOK_ROOT.exec(qdc);
  if (!root) throw new Error('not a codebook root with its namespace and origin');
  const body = qdc.slice(root[0].length);
  if (!/<\/CodeBook>\s*$/.test(body)) throw new Error('the codebook does not end the file');
  if (/<Sets[\s>]/.test(body)) throw new Error('Sets are not checked here');
  return `<Project xmlns="urn:QDA-XML:project:1.0" name="codebook check"><CodeBook>${body}</Project>`;
}
