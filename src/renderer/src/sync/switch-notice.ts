// After a workspace switch the window starts again on the new workspace. It must not
// start where it was: the address (#/document/…) names a document of the old workspace,
// and reopening it only said "That link is to a document that is not in this workspace."
// So the window reloads without its route, and what happened is handed over in the
// session's storage and said once the new window is up.
import type { WorkbenchStore } from '../store/index';
import { showToast } from '../store/ui';

const NOTICE_KEY = 'workbench.switched';

type NoticeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The window's address with no route: the same page, at its start. */
export const addressWithoutRoute = (href: string): string => href.replace(/#.*$/s, '');

/** What the window says once it has opened `path`. */
export const switchedNotice = (path: string, created: boolean): string =>
  `${created ? 'Created' : 'Opened'} the workspace ${path}.`;

/** Reloads the window onto the new workspace at no document, to say `notice` there. */
export function restartWindow(
  notice: string,
  storage: NoticeStorage = window.sessionStorage,
): void {
  try {
    storage.setItem(NOTICE_KEY, notice);
  } catch {
    // Not said: the window still opens the new workspace.
  }
  window.location.replace(addressWithoutRoute(window.location.href));
}

/** Says, once, what the switch that started this window did. */
export function sayHowWindowStarted(
  store: WorkbenchStore,
  storage: NoticeStorage = window.sessionStorage,
): void {
  let notice: string | null = null;
  try {
    notice = storage.getItem(NOTICE_KEY);
    storage.removeItem(NOTICE_KEY);
  } catch {
    return;
  }
  if (notice) store.dispatch(showToast(notice));
}
