// The reader's text size and line length, behind one button above the text.
import { useId, useState } from 'react';
import { FONT_SIZE, MEASURE, selectLayout } from '../../store/layout';
import { useSelector, useWorkbench } from '../../workbench/context';

export function ReadingSettings(): React.JSX.Element {
  const { store } = useWorkbench();
  const { fontSize, measure } = useSelector(selectLayout);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="reading-settings">
      <button
        type="button"
        aria-expanded={open}
        {...(open ? { 'aria-controls': id } : {})}
        onClick={() => setOpen(!open)}
      >
        Reading settings
      </button>
      {open && (
        <div
          id={id}
          role="group"
          aria-label="Reading settings"
          className="reading-settings-panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setOpen(false);
          }}
        >
          <label className="stack">
            Text size ({fontSize} px)
            <input
              type="range"
              min={FONT_SIZE.min}
              max={FONT_SIZE.max}
              step={FONT_SIZE.step}
              value={fontSize}
              onChange={(e) =>
                store.dispatch({ type: 'layout/fontSize', fontSize: Number(e.target.value) })
              }
            />
          </label>
          <label className="stack">
            Line length ({measure} characters)
            <input
              type="range"
              min={MEASURE.min}
              max={MEASURE.max}
              step={MEASURE.step}
              value={measure}
              onChange={(e) =>
                store.dispatch({ type: 'layout/measure', measure: Number(e.target.value) })
              }
            />
          </label>
        </div>
      )}
    </div>
  );
}
