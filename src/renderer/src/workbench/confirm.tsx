// Asking before a destructive step: any component calls useConfirm()(request) and the one
// ConfirmDialog shows it. Kept out of the store because a request carries a callback.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from '../features/shell/ConfirmDialog';

const ConfirmContext = createContext<(request: ConfirmRequest) => void>(() => undefined);

export function ConfirmProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  return (
    <ConfirmContext value={setRequest}>
      {children}
      <ConfirmDialog request={request} onClose={() => setRequest(null)} />
    </ConfirmContext>
  );
}

export const useConfirm = (): ((request: ConfirmRequest) => void) => useContext(ConfirmContext);
