// About → Licences: every package the app ships with its version and licence, as this
// build read them from the packages' own metadata (scripts/licences.mjs), loaded only when
// the screen opens. Above the list, said plainly: the packages whose every licence is
// copyleft (citeproc, which formats citations, is CPAL or AGPL while the app is MIT) and
// what the app does about them today, those that state no licence, and the citation
// styles' own licence.
import { useEffect, useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { needsDecision, statesNoLicence, type ShippedPackage } from '../../lib/licences';

function Citeproc({ p }: { p: ShippedPackage }): React.JSX.Element {
  return (
    <p>
      <strong>
        citeproc {p.version} ({p.licence})
      </strong>{' '}
      formats the citations of the research notes and bibliographies (through citation-js). Its
      package metadata says “{p.licence}”; its licence file says CPAL 1.0 or later, or the GNU
      Affero GPL 3 or later. The rest of this app is MIT. The app uses citeproc unmodified, as
      published on npm, loads it only when citations are formatted, and keeps its licence file with
      it. Whether the packaged app meets CPAL’s attribution terms or the AGPL’s, or should format
      citations with another library, has not been decided yet: it has to be before the app is given
      to others.
    </p>
  );
}

export function LicencesDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(open);
  const [packages, setPackages] = useState<ShippedPackage[] | null>(null);
  useEffect(() => {
    if (!open || packages) return;
    let live = true;
    void import('virtual:licences').then((m) => live && setPackages(m.default));
    return () => {
      live = false;
    };
  }, [open, packages]);
  const decide = packages?.filter(needsDecision) ?? [];
  const unstated = packages?.filter(statesNoLicence) ?? [];
  return (
    <dialog ref={ref} className="sheet licences" aria-labelledby="licences-title" onClose={onClose}>
      {open && (
        <>
          <header className="row spread">
            <h2 id="licences-title">Licences</h2>
            <button type="button" autoFocus onClick={onClose}>
              Close
            </button>
          </header>
          <p>
            Research Workbench is MIT-licensed. It ships the packages below, each under its own
            licence, as their metadata said when this build was made.
          </p>
          {!packages && <p className="muted">Reading the list…</p>}
          {decide.length > 0 && (
            <section aria-labelledby="licences-decide">
              <h3 id="licences-decide">Copyleft only: a decision before the app is shipped</h3>
              {decide.map((p) =>
                p.name === 'citeproc' ? (
                  <Citeproc key={p.name} p={p} />
                ) : (
                  <p key={`${p.name}@${p.version}`}>
                    <strong>
                      {p.name} {p.version}
                    </strong>{' '}
                    is offered only under {p.licence}.
                  </p>
                ),
              )}
            </section>
          )}
          {unstated.length > 0 && (
            <section aria-labelledby="licences-unstated">
              <h3 id="licences-unstated">No licence in the package’s metadata</h3>
              <p>
                {unstated.map((p) => `${p.name} ${p.version}`).join(', ')}: the package’s own
                metadata names no licence; read its files before shipping it.
              </p>
            </section>
          )}
          <section aria-labelledby="licences-csl">
            <h3 id="licences-csl">Citation styles</h3>
            <p>
              The citation styles and locales are from the Citation Style Language project
              (citationstyles.org), unmodified, under Creative Commons Attribution-ShareAlike 3.0.
            </p>
          </section>
          {packages && (
            <div className="licences-table" tabIndex={0} aria-label="Packages and licences">
              <table>
                <caption className="visually-hidden">
                  {packages.length} packages shipped with the app
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Package</th>
                    <th scope="col">Version</th>
                    <th scope="col">Licence</th>
                  </tr>
                </thead>
                <tbody>
                  {packages.map((p) => (
                    <tr key={`${p.name}@${p.version}`}>
                      <td>{p.name}</td>
                      <td>{p.version}</td>
                      <td>{p.licence}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
