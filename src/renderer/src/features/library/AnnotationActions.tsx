// The annotation tools used now and then, kept out of the top bar's row (they sit under
// its "More" menu): import annotations made elsewhere (previewed before anything is
// stored) and verify every quote against its document's text.
import { useRef, useState } from 'react';
import { ImportAnnotationsDialog, type AnnotationsFile } from './ImportAnnotationsDialog';
import { VerifyDialog } from './VerifyDialog';
import { showError } from '../../store/ui';
import { useWorkbench } from '../../workbench/context';

/** Counts the annotations files picked, so each pick is previewed afresh. */
let picks = 0;

export function AnnotationActions({ readOnly }: { readOnly: boolean }): React.JSX.Element {
  const { store } = useWorkbench();
  const annotationsInput = useRef<HTMLInputElement>(null);
  const [annotations, setAnnotations] = useState<AnnotationsFile | null>(null);
  const [verifying, setVerifying] = useState(false);
  return (
    <div className="row annotation-actions">
      {!readOnly && (
        <>
          <button type="button" onClick={() => annotationsInput.current?.click()}>
            Import annotations…
          </button>
          <input
            ref={annotationsInput}
            type="file"
            hidden
            aria-label="Annotations file to import"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              file.text().then(
                (json) =>
                  setAnnotations({ name: file.name, json, token: `${file.name}:${++picks}` }),
                (error: unknown) =>
                  store.dispatch(showError(`${file.name} could not be read: ${String(error)}`)),
              );
            }}
          />
        </>
      )}
      <button type="button" onClick={() => setVerifying(true)}>
        Verify quotes
      </button>
      {annotations && (
        <ImportAnnotationsDialog file={annotations} onClose={() => setAnnotations(null)} />
      )}
      {verifying && <VerifyDialog onClose={() => setVerifying(false)} />}
    </div>
  );
}
