// A modal confirmation built on <dialog>: focus is trapped and Escape cancels, as users
// expect, and it reads the same under Electron and in a browser.
import { useEffect, useRef } from 'react';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

export function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest | null;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onClose={onClose}>
      {request && (
        <div>
          <h2 id="confirm-title">{request.title}</h2>
          <p>{request.message}</p>
          <div className="row end">
            <button type="button" autoFocus onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
