// Undo and redo as buttons, named by what they would do ("Undo Delete highlight"), for
// those who do not know the keys and so that screen readers hear what is at stake.
import { selectHistory } from '../../store/history';
import { useCommands, useSelector } from '../../workbench/context';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

export function HistoryButtons(): React.JSX.Element {
  const history = useSelector(selectHistory);
  const commands = useCommands();
  return (
    <div className="row history" role="group" aria-label="History">
      <button
        type="button"
        disabled={!history.canUndo}
        aria-label={history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo'}
        title={`${history.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo'} (${MOD}Z)`}
        onClick={() => void commands.undo()}
      >
        ↶
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        aria-label={history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo'}
        title={`${history.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo'} (${MOD}Shift+Z)`}
        onClick={() => void commands.redo()}
      >
        ↷
      </button>
    </div>
  );
}
