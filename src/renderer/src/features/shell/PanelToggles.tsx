// The buttons that show and hide the side panels: columns in a wide window, drawers in a
// narrow one. Each says whether its side is shown.
import { selectSideShown, toggleSide, type Side } from '../../store/layout';
import { useSelector, useWorkbench } from '../../workbench/context';

const LABELS: Record<Side, string> = { library: 'Library', details: 'Details' };

export function PanelToggle({ side }: { side: Side }): React.JSX.Element {
  const { store } = useWorkbench();
  const shown = useSelector((s) => selectSideShown(s, side));
  return (
    <button
      type="button"
      id={`toggle-${side}`}
      className="panel-toggle"
      aria-expanded={shown}
      {...(shown ? { 'aria-controls': `${side}-panel` } : {})}
      title={`${shown ? 'Hide' : 'Show'} the ${side} panel`}
      onClick={() => store.dispatch(toggleSide(side))}
    >
      {LABELS[side]}
    </button>
  );
}
