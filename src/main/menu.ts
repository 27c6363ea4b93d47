// The application menu: workspace commands plus the standard Edit and View entries, so
// copy, paste, undo and zoom work the way every desktop app's do.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ExportFormat } from '../shared/api';

export interface MenuActions {
  openWorkspace: () => void;
  revealWorkspace: () => void;
  importFiles: () => void;
  exportAs: (format: ExportFormat) => void;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.openWorkspace(),
        },
        { label: 'Reveal Workspace Folder', click: () => actions.revealWorkspace() },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
        {
          label: 'Export',
          submenu: [
            { label: 'Research Notes (Markdown)…', click: () => actions.exportAs('markdown') },
            { label: 'Spreadsheet (CSV)…', click: () => actions.exportAs('csv') },
            { label: 'Workspace Backup (JSON)…', click: () => actions.exportAs('json') },
            { label: 'W3C Web Annotations (JSON-LD)…', click: () => actions.exportAs('w3c') },
          ],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
