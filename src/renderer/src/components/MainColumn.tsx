// The middle column: tabs for the reader and the research views (an entity's dossier,
// co-occurrence, the timeline of events), and the view chosen.
import {
  selectDossierId,
  selectResearchView,
  showView,
  type ResearchView,
} from '../store/research';
import { useSelector, useWorkbench } from '../workbench/context';
import { CooccurrenceView } from './CooccurrenceView';
import { DossierView } from './DossierView';
import { ReadingColumn } from './ReadingColumn';
import { TimelineView } from './TimelineView';

const TABS: { view: ResearchView; label: string }[] = [
  { view: 'reader', label: 'Reader' },
  { view: 'dossier', label: 'Dossier' },
  { view: 'cooccurrence', label: 'Co-occurrence' },
  { view: 'timeline', label: 'Timeline' },
];

export function MainColumn(): React.JSX.Element {
  const { store } = useWorkbench();
  const view = useSelector(selectResearchView);
  const dossierId = useSelector(selectDossierId);
  return (
    <main className="main-column" tabIndex={-1}>
      <div role="tablist" aria-label="Views" className="view-tabs">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={`tab-${tab.view}`}
            aria-selected={view === tab.view}
            aria-controls="main-view"
            disabled={tab.view === 'dossier' && dossierId === null}
            title={
              tab.view === 'dossier' && dossierId === null
                ? 'Open an entity’s dossier from its panel'
                : undefined
            }
            onClick={() => store.dispatch(showView(tab.view))}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id="main-view" role="tabpanel" aria-labelledby={`tab-${view}`} className="main-view">
        {view === 'reader' && <ReadingColumn />}
        {view === 'dossier' && dossierId !== null && <DossierView entityId={dossierId} />}
        {view === 'cooccurrence' && <CooccurrenceView />}
        {view === 'timeline' && <TimelineView />}
      </div>
    </main>
  );
}
