// The workbench window: documents and entities on the left, the reader in the middle, and
// the highlight or entity being worked on at the right. State comes from the core through
// the WorkbenchApi and is refreshed on every change event the core emits.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { DocumentListItem, EntityPassage } from '../../shared/api';
import type { AnnotationKind } from '../../shared/model';
import { createClient, WorkbenchError } from './api/client';
import { AnnotationPanel } from './components/AnnotationPanel';
import { Banners } from './components/Banners';
import { ConfirmDialog, type ConfirmRequest } from './components/ConfirmDialog';
import { EntitiesPanel } from './components/EntitiesPanel';
import { EntityForm, EntityPanel, type EntityFields } from './components/EntityPanel';
import { Reader, type ReaderFocus } from './components/Reader';
import { LibraryActions } from './components/LibraryActions';
import { SearchBox } from './components/SearchBox';
import { importFiles, type FileOutcome } from './lib/import-files';
import type { SearchHit } from '../../shared/search';
import type { SelectionIntent } from './components/SelectionToolbar';
import { DocumentList, HighlightList } from './components/Sidebar';
import { plural } from './lib/labels';
import { useQuery } from './lib/use-query';

type Panel =
  | { type: 'annotation'; id: string; intent: 'tag' | 'note' | null }
  | { type: 'entity'; id: string }
  | { type: 'new-entity' }
  | null;

const EMPTY_ENTITY: EntityFields = {
  name: '',
  type: 'person',
  aliases: [],
  description: '',
  externalId: '',
};

export function App(): React.JSX.Element {
  const client = useMemo(() => createClient(), []);
  const { api } = client;
  const [version, refresh] = useReducer((n: number) => n + 1, 0);
  const [docId, setDocId] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [focus, setFocus] = useState<ReaderFocus | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  useEffect(() => client.onEvent(() => refresh()), [client]);

  const info = useQuery(() => api['workspace.info']({}), [version]);
  const documents = useQuery(() => api['documents.list']({}), [version]);
  const entities = useQuery(() => api['entities.list']({}), [version]);
  const currentId = docId ?? documents.data?.find((d) => !d.problem)?.id ?? null;
  const view = useQuery(
    () => api['documents.get']({ id: currentId ?? '' }),
    [currentId, version],
    currentId !== null,
  );
  const entityId = panel?.type === 'entity' ? panel.id : null;
  const passages = useQuery(
    () => api['annotations.byEntity']({ entityId: entityId ?? '' }),
    [entityId, version],
    entityId !== null,
  );

  /** Runs a change; the UI shows it once the core has written it to disk. */
  const run = useCallback(async <T,>(change: () => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await change();
      setError(null);
      refresh();
      return result;
    } catch (e) {
      setError(e instanceof WorkbenchError || e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, []);

  const createHighlight = useCallback(
    (range: { start: number; end: number }, kind: AnnotationKind, intent: SelectionIntent) => {
      if (!currentId) return;
      void run(() => api['annotations.create']({ documentId: currentId, ...range, kind })).then(
        (created) => {
          if (created)
            setPanel({
              type: 'annotation',
              id: created.id,
              intent: intent === 'highlight' ? null : intent,
            });
        },
      );
    },
    [api, currentId, run],
  );

  const showPassage = (passage: EntityPassage): void => {
    setDocId(passage.annotation.documentId);
    setPanel({ type: 'annotation', id: passage.annotation.id, intent: null });
    setFocus({
      documentId: passage.annotation.documentId,
      annotationId: passage.annotation.id,
      nonce: Date.now(),
    });
  };

  const openHit = (hit: SearchHit): void => {
    if (hit.kind === 'entity') return setPanel({ type: 'entity', id: hit.id });
    if (!hit.documentId) return;
    setDocId(hit.documentId);
    if (hit.kind === 'highlight') {
      setPanel({ type: 'annotation', id: hit.id, intent: null });
      setFocus({ documentId: hit.documentId, annotationId: hit.id, nonce: Date.now() });
    } else {
      setPanel(null);
      if (hit.start !== undefined && hit.end !== undefined) {
        setFocus({ documentId: hit.documentId, start: hit.start, end: hit.end, nonce: Date.now() });
      }
    }
  };

  const imported = (results: FileOutcome[]): void => {
    setOutcomes(results);
    refresh();
    const opened = results.findLast((r) => r.documentId)?.documentId;
    if (opened) {
      setDocId(opened);
      setPanel(null);
    }
  };

  const entityList = entities.data ?? [];
  const readOnly = (info.data?.readOnly ?? false) || (view.data?.readOnly ?? false);
  const annotation =
    panel?.type === 'annotation'
      ? view.data?.annotations.find((a) => a.id === panel.id)
      : undefined;
  const entity = entityId ? entityList.find((e) => e.id === entityId) : undefined;

  const deleteEntity = (id: string): void => {
    const target = entityList.find((e) => e.id === id);
    if (!target) return;
    setConfirm({
      title: `Delete “${target.name}”?`,
      message:
        target.usage > 0
          ? `It is tagged on ${plural(target.usage, 'highlight')}. The highlights are kept but lose this tag.`
          : 'No highlight is tagged to it.',
      confirmLabel: 'Delete entity',
      onConfirm: () =>
        void run(() => api['entities.delete']({ id, confirmUsage: target.usage })).then(
          (done) => done && setPanel(null),
        ),
    });
  };

  const deleteDocument = (doc: DocumentListItem): void =>
    setConfirm({
      title: `Delete “${doc.title}”?`,
      message:
        `${plural(doc.annotationCount, 'highlight')} will be deleted with it. ` +
        'Its file is moved to the workspace’s trash folder, where it can be recovered.',
      confirmLabel: 'Delete document',
      onConfirm: () =>
        void run(() =>
          api['documents.delete']({ id: doc.id, confirmHighlights: doc.annotationCount }),
        ).then((done) => {
          if (!done) return;
          if (doc.id === currentId) setDocId(null);
          setPanel(null);
        }),
    });

  const saveEntity = async (id: string, fields: EntityFields): Promise<void> => {
    await run(() => api['entities.update']({ id, patch: fields }));
  };

  return (
    <div
      className={dragging ? 'app dragging' : 'app'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        if (files.length && !info.data?.readOnly) void importFiles(api, files).then(imported);
      }}
    >
      <header className="topbar">
        <span className="brand">Research Workbench</span>
        <SearchBox
          api={api}
          version={version}
          currentDocumentId={currentId}
          entities={entityList}
          onOpen={openHit}
        />
        <LibraryActions
          api={api}
          readOnly={info.data?.readOnly ?? false}
          onImported={imported}
          onError={setError}
        />
        <span className="muted workspace-path" title={info.data?.path}>
          {info.data?.path}
        </span>
      </header>
      <Banners
        outcomes={outcomes}
        info={info.data}
        error={error}
        onDismissOutcomes={() => setOutcomes([])}
        onDismissError={() => setError(null)}
      />
      <div className="columns">
        <aside className="library" aria-label="Library">
          <DocumentList
            documents={documents.data ?? []}
            currentId={currentId}
            onOpen={(id) => {
              setDocId(id);
              setPanel(null);
            }}
            {...(info.data?.readOnly ? {} : { onDelete: deleteDocument })}
          />
          <EntitiesPanel
            entities={entityList}
            selectedId={entityId}
            readOnly={info.data?.readOnly ?? false}
            onOpen={(id) => setPanel({ type: 'entity', id })}
            onNew={() => setPanel({ type: 'new-entity' })}
          />
        </aside>
        <main className="reading">
          {view.data ? (
            <Reader
              view={view.data}
              selectedId={annotation?.id ?? null}
              focus={focus}
              onSelectAnnotation={(id) => setPanel({ type: 'annotation', id, intent: null })}
              onCreate={createHighlight}
            />
          ) : (
            <p className="muted empty">
              {view.error?.message ??
                (documents.data?.length === 0 ? 'No documents yet.' : 'Loading…')}
            </p>
          )}
        </main>
        <aside className="context" aria-label="Details">
          {annotation && (
            <AnnotationPanel
              key={annotation.id}
              annotation={annotation}
              entities={entityList}
              readOnly={readOnly}
              intent={panel?.type === 'annotation' ? panel.intent : null}
              actions={{
                update: async (patch) =>
                  void (await run(() => api['annotations.update']({ id: annotation.id, patch }))),
                createAndTag: async (draft) => {
                  const created = await run(() => api['entities.create'](draft));
                  if (created) {
                    await run(() =>
                      api['annotations.update']({
                        id: annotation.id,
                        patch: { entityIds: [...annotation.entityIds, created.id] },
                      }),
                    );
                  }
                },
                remove: () =>
                  setConfirm({
                    title: 'Delete this highlight?',
                    message: `“${annotation.target.quote.exact.slice(0, 120)}” and its note will be deleted.`,
                    confirmLabel: 'Delete highlight',
                    onConfirm: () =>
                      void run(() => api['annotations.delete']({ id: annotation.id })).then(() =>
                        setPanel(null),
                      ),
                  }),
                openEntity: (id) => setPanel({ type: 'entity', id }),
                close: () => setPanel(null),
              }}
            />
          )}
          {entity && (
            <EntityPanel
              entity={entity}
              passages={passages.data}
              readOnly={info.data?.readOnly ?? false}
              onSave={(fields) => saveEntity(entity.id, fields)}
              onDelete={() => deleteEntity(entity.id)}
              onShowPassage={showPassage}
              onClose={() => setPanel(null)}
            />
          )}
          {panel?.type === 'new-entity' && (
            <section className="panel" aria-labelledby="new-entity-heading">
              <h2 id="new-entity-heading">New entity</h2>
              <EntityForm
                initial={EMPTY_ENTITY}
                submitLabel="Create entity"
                readOnly={false}
                onSubmit={async (fields) => {
                  const created = await run(() => api['entities.create'](fields));
                  if (created) setPanel({ type: 'entity', id: created.id });
                }}
              />
            </section>
          )}
          {!annotation && !entity && panel?.type !== 'new-entity' && view.data && (
            <HighlightList
              annotations={view.data.annotations}
              onOpen={(id) => {
                setPanel({ type: 'annotation', id, intent: null });
                if (currentId)
                  setFocus({ documentId: currentId, annotationId: id, nonce: Date.now() });
              }}
            />
          )}
        </aside>
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </div>
  );
}
