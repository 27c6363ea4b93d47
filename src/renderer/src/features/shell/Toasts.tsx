// Toasts at the bottom of the window: what was just done, with Undo (or Redo) when it can
// be taken back. Each stays for a while, longer while the pointer or focus is on it.
import { useEffect, useState } from 'react';
import { dismissToast, selectToasts, type Toast } from '../../store/ui';
import { useCommands, useSelector, useWorkbench } from '../../workbench/context';

const SHOW_MS = 8000;

function ToastView({ toast }: { toast: Toast }): React.JSX.Element {
  const { store } = useWorkbench();
  const commands = useCommands();
  const [held, setHeld] = useState(false);
  const dismiss = (): void => store.dispatch(dismissToast(toast.id));
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => store.dispatch(dismissToast(toast.id)), SHOW_MS);
    return () => clearTimeout(timer);
  }, [held, store, toast.id]);
  return (
    <div
      className="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="link"
          onClick={() => {
            dismiss();
            void (toast.action === 'undo' ? commands.undo() : commands.redo());
          }}
        >
          {toast.action === 'undo' ? 'Undo' : 'Redo'}
        </button>
      )}
      <button type="button" className="close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}

export function Toasts(): React.JSX.Element {
  const toasts = useSelector(selectToasts);
  // The live region is always there, so screen readers announce each toast as it comes.
  return (
    <div className="toasts" role="log" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
