// A modal confirmation built on <dialog>: focus is trapped and Escape cancels, as users
// expect, and it reads the same under Electron and in a browser.
import { useModalDialog } from '../../hooks/use-modal-dialog';

export interface ConfirmRequest {
  title: string;
  message: string;
  /** Items the message introduces, e.g. each change a repair would make. */
  details?: string[];
  confirmLabel: string;
  /** 'danger' (the default) for steps that remove something. */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
}

export function ConfirmDialog({
  request,
  onClose,
}: {
  request: ConfirmRequest | null;
  onClose: () => void;
}): React.JSX.Element {
  const ref = useModalDialog(request !== null);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onClose={onClose}>
      {request && (
        <div>
          <h2 id="confirm-title">{request.title}</h2>
          <p>{request.message}</p>
          {request.details && request.details.length > 0 && (
            <ul className="details">
              {request.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div className="row end">
            <button type="button" autoFocus onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className={request.tone ?? 'danger'}
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
