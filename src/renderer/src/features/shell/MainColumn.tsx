// The middle column: tabs for the reader, the notes and the research views (an entity's
// dossier, co-occurrence, the timeline of events, the highlights under a tag), and the
// view chosen.
import {
  selectDossierId,
  selectResearchView,
  selectTag,
  showView,
  type ResearchView,
} from '../../store/research';
import { useSelector, useWorkbench } from '../../workbench/context';
import { CooccurrenceView } from '../research/CooccurrenceView';
import { DossierView } from '../research/DossierView';
import { NotesView } from '../notes/NotesView';
import { ReadingColumn } from '../reader/ReadingColumn';
import { TagView } from '../research/TagView';
import { CodebookView } from '../codebook/CodebookView';
import { selectWorkspaceReadOnly } from '../../store/workspace';
import { TimelineView } from '../research/TimelineView';
import { ConflictsView } from '../team/ConflictsView';
import { selectShared } from '../../store/team';
import { ErrorBoundary } from './ErrorBoundary';

const TABS: { view: ResearchView; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'notes', label: 'Notes' },
  { view: 'dossier', label: 'Dossier' },
  { view: 'cooccurrence', label: 'Co-occurrence' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'tag', label: 'Tag' },
  { view: 'codebook', label: 'Codebook' },
  { view: 'conflicts', label: 'Conflicts' },
];

/** Why a tab cannot be chosen yet, if it cannot. */
function unavailable(view: ResearchView, dossierId: string | null, tag: string | null) {
  if (view === 'dossier' && dossierId === null) return 'Open an entity’s dossier from its panel';
  if (view === 'tag' && tag === null) return 'Choose a tag in the library';
  return undefined;
}

export function MainColumn(): React.JSX.Element {
  const { store } = useWorkbench();
  const view = useSelector(selectResearchView);
  const dossierId = useSelector(selectDossierId);
  const tag = useSelector(selectTag);
  const readOnly = useSelector(selectWorkspaceReadOnly);
  // The Conflicts tab belongs to a shared workspace (or one showing it already).
  const shared = useSelector(selectShared);
  const tabs = TABS.filter((t) => t.view !== 'conflicts' || shared || view === 'conflicts');
  return (
    <main className="main-column" tabIndex={-1}>
      <div role="tablist" aria-label="Views" className="view-tabs">
        {tabs.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={`tab-${tab.view}`}
            aria-selected={view === tab.view}
            aria-controls="main-view"
            disabled={unavailable(tab.view, dossierId, tag) !== undefined}
            title={unavailable(tab.view, dossierId, tag)}
            onClick={() => store.dispatch(showView(tab.view))}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id="main-view" role="tabpanel" aria-labelledby={`tab-${view}`} className="main-view">
        <ErrorBoundary
          name={`The ${TABS.find((t) => t.view === view)?.label ?? view} view`}
          resetKey={`${view}:${dossierId}:${tag}`}
        >
          {view === 'reader' && <ReadingColumn />}
          {view === 'dossier' && dossierId !== null && <DossierView entityId={dossierId} />}
          {view === 'cooccurrence' && <CooccurrenceView />}
          {view === 'timeline' && <TimelineView />}
          {view === 'notes' && <NotesView />}
          {view === 'tag' && tag !== null && <TagView tag={tag} />}
          {view === 'codebook' && <CodebookView readOnly={readOnly} />}
          {view === 'conflicts' && <ConflictsView />}
        </ErrorBoundary>
      </div>
    </main>
  );
}
