// Bringing in annotations made elsewhere (a Hypothesis export, W3C JSON-LD): the file is
// read by the core first, so the user sees which page each group of annotations is on and
// which document here that is; for a page no document matches, the user picks one (or
// leaves those annotations out), chooses whether free-text tags become tags or entities,
// and then sees what became of every annotation.
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentListItem } from '../../../../shared/api';
import type {
  AnnotationsPreview,
  AnnotationsReport,
  TagMode,
} from '../../../../shared/methods/annotations';
import { plural } from '../../../../shared/text';
import { useView } from '../../hooks/use-view';
import { selectDocumentList } from '../../store/documents';
import { useCommands, useSelector } from '../../workbench/context';
import { ImportAnnotationsReport } from './ImportAnnotationsReport';
import { ImportProgress } from './ImportProgress';
import '../../styles/interchange.css';

export interface AnnotationsFile {
  name: string;
  json: string;
  /** Names this pick of the file: its preview is kept under it. */
  token: string;
}

/** After the preview: choosing, importing, or what became of the import. */
type Step =
  | { kind: 'choose' }
  | { kind: 'failed'; message: string }
  | { kind: 'importing'; jobId: string }
  | { kind: 'done'; report: AnnotationsReport };

const NO_DOCUMENTS: DocumentListItem[] = [];

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function ImportAnnotationsDialog({
  file,
  onClose,
}: {
  file: AnnotationsFile;
  onClose: () => void;
}): React.JSX.Element {
  const commands = useCommands();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const documents = useSelector(selectDocumentList) ?? NO_DOCUMENTS;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  // Read while the user chooses; the import that follows changes what it would say.
  const read = useView(
    'annotationsPreview',
    { token: file.token, json: file.json },
    { enabled: step.kind === 'choose' },
  );
  const preview = read.data;
  // What the user picked for each address; the preview's match until they pick.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [tags, setTags] = useState<TagMode>('tags');
  const chosen: Record<string, string> = Object.fromEntries(
    (preview?.targets ?? []).map((t) => [t.url, picked[t.url] ?? t.documentId ?? '']),
  );

  // Mounted for one file and gone when closed, so every file starts from "reading".
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const runImport = async (): Promise<void> => {
    // Names this import, so its progress can be asked for and it can be cancelled.
    const jobId = crypto.randomUUID();
    setStep({ kind: 'importing', jobId });
    try {
      const documents = Object.entries(chosen)
        .filter(([, documentId]) => documentId)
        .map(([url, documentId]) => ({ url, documentId }));
      const report = await commands.importAnnotations({
        json: file.json,
        documents,
        tags,
        jobId,
      });
      setStep({ kind: 'done', report });
    } catch (error) {
      setStep({ kind: 'failed', message: message(error) });
    }
  };
  const cancel = (jobId: string): void => {
    commands.cancelImport(jobId);
  };
  // Closing the dialog while it imports stops the import: nothing happens out of sight.
  const close = (): void => {
    if (step.kind === 'importing') cancel(step.jobId);
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="confirm interchange"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>Import annotations from {file.name}</h2>
      {step.kind === 'choose' && read.loading && <p role="status">Reading the file…</p>}
      {step.kind === 'importing' && (
        <ImportProgress jobId={step.jobId} onCancel={() => cancel(step.jobId)} />
      )}
      {(step.kind === 'failed' || (step.kind === 'choose' && read.error)) && (
        <p role="alert" className="interchange-error">
          {step.kind === 'failed' ? step.message : read.error}
        </p>
      )}
      {step.kind === 'choose' && preview && (
        <Choices
          preview={preview}
          documents={documents}
          chosen={chosen}
          onChoose={(url, id) => setPicked((c) => ({ ...c, [url]: id }))}
          tags={tags}
          onTags={setTags}
        />
      )}
      {step.kind === 'done' && <ImportAnnotationsReport report={step.report} />}
      <div className="row end">
        {step.kind !== 'importing' && (
          <button type="button" onClick={close}>
            {step.kind === 'choose' ? 'Cancel' : 'Close'}
          </button>
        )}
        {step.kind === 'choose' && preview && (
          <button
            type="button"
            className="primary"
            disabled={preview.total === 0}
            onClick={() => void runImport()}
          >
            Import {plural(preview.total, 'annotation')}
          </button>
        )}
      </div>
    </dialog>
  );
}

function Choices({
  preview,
  documents,
  chosen,
  onChoose,
  tags,
  onTags,
}: {
  preview: AnnotationsPreview;
  documents: DocumentListItem[];
  chosen: Record<string, string>;
  onChoose: (url: string, documentId: string) => void;
  tags: TagMode;
  onTags: (mode: TagMode) => void;
}): React.JSX.Element {
  const format = preview.format === 'hypothesis' ? 'Hypothesis' : 'W3C Web Annotation';
  return (
    <>
      <p>
        {plural(preview.total, 'annotation')} from {format}, on{' '}
        {plural(preview.targets.length, 'page')}. Each is placed by its quote; those no document
        here holds are reported, not imported.
      </p>
      <ul className="interchange-targets" aria-label="Pages the annotations are on">
        {preview.targets.map((t) => (
          <li key={t.url}>
            <span className="interchange-url">{t.title ? `${t.title} — ${t.url}` : t.url}</span> (
            {plural(t.count, 'annotation')})
            <label className="stack">
              {t.documentId ? 'Matched document' : 'No document has this address: choose one'}
              <select
                aria-label={`Document for ${t.url}`}
                value={chosen[t.url] ?? ''}
                onChange={(e) => onChoose(t.url, e.target.value)}
              >
                <option value="">Leave these out</option>
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>
          Free-text tags ({preview.tags.length ? preview.tags.join(', ') : 'none'}) become
        </legend>
        <label>
          <input
            type="radio"
            name="tag-mode"
            checked={tags === 'tags'}
            onChange={() => onTags('tags')}
          />{' '}
          Tags
        </label>{' '}
        <label>
          <input
            type="radio"
            name="tag-mode"
            checked={tags === 'entities'}
            onChange={() => onTags('entities')}
          />{' '}
          Entities (found by name, or created)
        </label>
      </fieldset>
      {preview.entities.length > 0 && (
        <p>
          Entity tags ({preview.entities.join(', ')}) become entities: found here by identifier or
          name, or created.
        </p>
      )}
    </>
  );
}
