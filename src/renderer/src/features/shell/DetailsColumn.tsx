// The right column: the open highlight, the open entity, the new entity form or the open
// document's review queue, and below it the open document's highlights.
import { selectCurrentDocumentId, selectView } from '../../store/documents';
import { selectEntities, selectEntity } from '../../store/entities';
import { useView } from '../../hooks/use-view';
import {
  closePanel,
  selectOpenAnnotation,
  selectPanel,
  showEntity,
  showReview,
} from '../../store/selection';
import { selectHighlightList, setHighlightFilter } from '../../store/highlight-list';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { dropDrafts } from '../../store/drafts';
import { useConfirm } from '../../workbench/confirm';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';
import { plural } from '../../lib/labels';
import { AnnotationPanel } from '../highlights/AnnotationPanel';
import { EntityPanel } from '../entities/EntityPanel';
import { EntityForm, type EntityFields } from '../entities/EntityForm';
import { ReviewQueue } from '../reader/ReviewQueue';
import { HighlightList } from '../highlights/HighlightList';
import { quoteOf } from '../../../../shared/regions';

const EMPTY_ENTITY: EntityFields = {
  name: '',
  type: 'person',
  aliases: [],
  description: '',
  externalId: '',
};

export function DetailsColumn(): React.JSX.Element {
  const panel = useSelector(selectPanel);
  const view = useSelector(selectView);
  const annotation = useSelector(selectOpenAnnotation);
  const entityId = panel?.type === 'entity' ? panel.id : null;
  const entity = useSelector((s) => selectEntity(s, entityId));
  return (
    <div className="context">
      {annotation && <OpenHighlight key={annotation.id} />}
      {entity && <OpenEntity />}
      {panel?.type === 'new-entity' && <NewEntity />}
      {panel?.type === 'review' && view && <Review />}
      {view && <DocumentHighlights />}
    </div>
  );
}

function OpenHighlight(): React.JSX.Element | null {
  const { store } = useWorkbench();
  const commands = useCommands();
  const confirm = useConfirm();
  const annotation = useSelector(selectOpenAnnotation);
  const panel = useSelector(selectPanel);
  const entities = useSelector(selectEntities);
  const readOnly = useSelector(
    (s) => selectWorkspaceReadOnly(s) || (selectView(s)?.readOnly ?? false),
  );
  if (!annotation) return null;
  return (
    <AnnotationPanel
      annotation={annotation}
      entities={entities}
      readOnly={readOnly}
      intent={panel?.type === 'annotation' ? panel.intent : null}
      actions={{
        update: (patch) => commands.updateAnnotation(annotation.id, patch),
        createAndTag: (draft) => commands.createEntityAndTag(annotation, draft),
        remove: () =>
          confirm({
            title: 'Delete this highlight?',
            message: `“${quoteOf(annotation).slice(0, 120)}” and its note will be deleted.`,
            confirmLabel: 'Delete highlight',
            onConfirm: () => void commands.deleteHighlight(annotation.id),
          }),
        openEntity: (id) => store.dispatch(showEntity(id)),
        close: () => store.dispatch(closePanel()),
      }}
    />
  );
}

function OpenEntity(): React.JSX.Element | null {
  const { store } = useWorkbench();
  const commands = useCommands();
  const confirm = useConfirm();
  const panel = useSelector(selectPanel);
  const entityId = panel?.type === 'entity' ? panel.id : '';
  const entity = useSelector((s) => selectEntity(s, entityId));
  const passages = useView('entityPassages', entityId, { enabled: entityId !== '' }).data;
  const entities = useSelector(selectEntities);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  if (!entity) return null;
  const remove = (): void =>
    confirm({
      title: `Delete “${entity.name}”?`,
      message:
        entity.usage > 0
          ? `It is tagged on ${plural(entity.usage, 'highlight')}. The highlights are kept but lose this tag.`
          : 'No highlight is tagged to it.',
      confirmLabel: 'Delete entity',
      onConfirm: () => void commands.deleteEntity(entity.id, entity.usage),
    });
  return (
    <EntityPanel
      entity={entity}
      entities={entities}
      passages={passages}
      readOnly={readOnly}
      onSave={(fields) => commands.updateEntity(entity.id, fields)}
      onDelete={remove}
      onShowPassage={(p) => commands.showHighlight(p.annotation)}
      onOpenDossier={() => commands.openDossier(entity.id)}
      onClose={() => store.dispatch(closePanel())}
    />
  );
}

/** The draft of the entity being created: one at a time, kept like any other draft. */
const NEW_ENTITY_DRAFT = 'new-entity';

function NewEntity(): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const entities = useSelector(selectEntities);
  return (
    <section className="panel" aria-labelledby="new-entity-heading">
      <h2 id="new-entity-heading">New entity</h2>
      <EntityForm
        recordId={NEW_ENTITY_DRAFT}
        version=""
        initial={EMPTY_ENTITY}
        submitLabel="Create entity"
        readOnly={false}
        inUse={entities}
        similarActions={(s, fields) => (
          <>
            <button type="button" onClick={() => store.dispatch(showEntity(s.entity.id))}>
              Open “<bdi>{s.entity.name}</bdi>”
            </button>
            <button
              type="button"
              onClick={() =>
                void commands.addAliases(s.entity, [fields.name, ...fields.aliases]).then((ok) => {
                  if (!ok) return;
                  store.dispatch(dropDrafts(NEW_ENTITY_DRAFT));
                  store.dispatch(showEntity(s.entity.id));
                })
              }
            >
              Same: add the names to “<bdi>{s.entity.name}</bdi>”
            </button>
          </>
        )}
        onSubmit={commands.createEntity}
      />
    </section>
  );
}

function DocumentHighlights(): React.JSX.Element | null {
  const { store } = useWorkbench();
  const commands = useCommands();
  const view = useSelector(selectView);
  const documentId = useSelector(selectCurrentDocumentId);
  const entities = useSelector(selectEntities);
  const { filter, collapsed } = useSelector(selectHighlightList);
  const open = useSelector(selectOpenAnnotation);
  if (!view || documentId === null) return null;
  return (
    <HighlightList
      annotations={view.annotations}
      entities={entities}
      filter={filter}
      collapsed={collapsed}
      selectedId={open?.id ?? null}
      onFilter={(patch) => store.dispatch(setHighlightFilter(patch))}
      onCollapse={(value) => store.dispatch({ type: 'highlightList/collapsed', collapsed: value })}
      onOpen={(id) => commands.showHighlight({ id, documentId })}
    />
  );
}

function Review(): React.JSX.Element | null {
  const { store } = useWorkbench();
  const commands = useCommands();
  const confirm = useConfirm();
  const view = useSelector(selectView);
  const panel = useSelector(selectPanel);
  const readOnly = useSelector(
    (s) => selectWorkspaceReadOnly(s) || (selectView(s)?.readOnly ?? false),
  );
  if (!view) return null;
  const documentId = view.document.id;
  return (
    <ReviewQueue
      view={view}
      reattachId={panel?.type === 'review' ? panel.reattach : null}
      readOnly={readOnly}
      actions={{
        accept: (id) => void commands.acceptHighlight(id),
        startReattach: commands.startReattach,
        cancelReattach: commands.cancelReattach,
        remove: (a) =>
          confirm({
            title: 'Delete this highlight?',
            message: `“${quoteOf(a).slice(0, 120)}” and its note will be deleted.`,
            confirmLabel: 'Delete highlight',
            onConfirm: () =>
              void commands.deleteHighlight(a.id).then(() => store.dispatch(showReview())),
          }),
        show: (id) => {
          commands.showHighlight({ id, documentId });
          store.dispatch(showReview());
        },
        close: () => store.dispatch(closePanel()),
      }}
    />
  );
}
