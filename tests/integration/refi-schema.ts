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
