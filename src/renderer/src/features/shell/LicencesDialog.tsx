// About → Licences: every package the app ships with its version and licence, as this
// build read them from the packages' own metadata (scripts/licences.mjs), loaded only when
// the screen opens. Above the list, said plainly: the copyleft packages the app takes under
// a licence chosen for them, with the attribution and source that licence asks for
// (citeproc, under CPAL 1.0: ../../lib/licences.ts), any copyleft-only package still
// undecided, those that state no licence, and the citation styles' own licence.
import { useEffect, useState } from 'react';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import {
  decisionFor,
  needsDecision,
  statesNoLicence,
  type LicenceDecision,
  type ShippedPackage,
} from '../../lib/licences';

function Taken({ p, d }: { p: ShippedPackage; d: LicenceDecision }): React.JSX.Element {
  return (
    <>
      <p>
        <strong>
          {p.name} {p.version}
        </strong>{' '}
        (offered as “{p.licence}”) is used under the{' '}
        <a href={d.licenceUrl} target="_blank" rel="noopener noreferrer">
          Common Public Attribution License 1.0
        </a>
        , unmodified. {d.copyright}; original developer {d.originalDeveloper}. Its source code is
        available under that licence, as published, at{' '}
        <a href={d.source} target="_blank" rel="noopener noreferrer">
          {d.source}
        </a>{' '}
        and on npm as “{p.name}”; the app ships its files unchanged, with its licence file.
      </p>
      {p.notice && (
        <details>
          <summary>{p.name}’s own licence notice</summary>
          <pre className="licence-notice">{p.notice}</pre>
        </details>
      )}
    </>
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
  const taken = (packages ?? []).flatMap((p) => {
    const d = decisionFor(p);
    return d ? [{ p, d }] : [];
  });
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
          {taken.length > 0 && (
            <section aria-labelledby="licences-taken">
              <h3 id="licences-taken">Copyleft, taken under a chosen licence</h3>
              {taken.map(({ p, d }) => (
                <Taken key={`${p.name}@${p.version}`} p={p} d={d} />
              ))}
            </section>
          )}
          {decide.length > 0 && (
            <section aria-labelledby="licences-decide">
              <h3 id="licences-decide">Copyleft only: a decision before the app is shipped</h3>
              {decide.map((p) => (
                <p key={`${p.name}@${p.version}`}>
                  <strong>
                    {p.name} {p.version}
                  </strong>{' '}
                  is offered only under {p.licence}.
                </p>
              ))}
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
