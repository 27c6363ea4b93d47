// @vitest-environment jsdom
// Team sharing in the window, against a fake core: Share and Join say what is wrong with a
// typed address or key before anything is sent, send exactly what was typed, show the
// core's refusal inside the dialog, and forget the key; the Conflicts view lists each value
// with who wrote it and keeps the one chosen; the name is saved; the status line follows.
import { act, createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Input, SyncConflict, SyncStatus } from '../../src/shared/api';
import { WorkbenchError } from '../../src/shared/errors';
import { JoinDialog } from '../../src/renderer/src/features/team/JoinDialog';
import { ShareDialog } from '../../src/renderer/src/features/team/ShareDialog';
import { ConflictsView } from '../../src/renderer/src/features/team/ConflictsView';
import { SyncStatus as StatusButton } from '../../src/renderer/src/features/team/SyncStatus';
import { TeamDialog } from '../../src/renderer/src/features/team/TeamDialog';
import { initialTeam, statusLabel } from '../../src/renderer/src/store/team';
import { initialState } from '../../src/renderer/src/store/index';
import { mountView, text } from './mount-view';

beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const KEY = 'the-team-key-0123456789';
const UNSHARED: SyncStatus = {
  state: 'unshared',
  shareId: null,
  server: null,
  folder: null,
  waiting: 0,
  lastSync: null,
  conflicts: 0,
  refused: 0,
  displayName: '',
  problem: null,
  revision: '',
};
const SHARED: SyncStatus = {
  ...UNSHARED,
  state: 'synced',
  shareId: '2c5pWsQ8VbNmPxHdvSyNeD4J7F1r',
  server: 'ws://127.0.0.1:8787',
  lastSync: '2026-12-07T10:00:00.000Z',
  revision: 'a1',
};

let view: Awaited<ReturnType<typeof mountView>> | undefined;
afterEach(() => view?.unmount());

/** Types into the field labelled `label`, as React hears a user type. */
function type(label: string, value: string): void {
  const field = [...view!.container.querySelectorAll('label')]
    .find((l) => l.firstChild?.textContent?.trim() === label)
    ?.querySelector('input');
  if (!field) throw new Error(`no field ${label}`);
  act(() => {
    // Through the prototype's setter: React watches the element's own and would not see it.
    Reflect.set(HTMLInputElement.prototype, 'value', value, field);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const hint = (label: string): string => {
  const field = [...view!.container.querySelectorAll('label')].find(
    (l) => l.firstChild?.textContent?.trim() === label,
  );
  return field?.querySelector('span')?.textContent ?? '';
};

const withTeam = (status: SyncStatus, more: Partial<typeof initialTeam> = {}) => ({
  team: { ...initialTeam, status, ...more },
});

describe('ShareDialog', () => {
  it('says what is wrong with the address and the key before sending anything', async () => {
    view = await mountView(createElement(ShareDialog), {}, withTeam(UNSHARED, { dialog: 'share' }));
    type('Relay address', 'http://relay.example.org');
    type('Team key', 'short');
    expect(hint('Relay address')).toMatch(
      /starts with http:\/\/; a relay address starts with ws:\/\//,
    );
    expect(hint('Team key')).toBe('The team key is at least 16 characters.');
    expect(view.button('Share').disabled).toBe(true);
    type('Relay address', 'wss://relay.example.org');
    type('Team key', KEY);
    expect(view.button('Share').disabled).toBe(false);
    expect(view.called()).toEqual([]);
  });

  it('shows the relay’s refusal in the dialog, then the share id once shared', async () => {
    const sent: Input<'sync.share'>[] = [];
    let refuse = true;
    view = await mountView(
      createElement(ShareDialog),
      {
        'sync.share': (input) => {
          sent.push(input);
          if (refuse) throw new WorkbenchError('FORBIDDEN', 'The relay refused the team key.');
          return SHARED;
        },
      },
      withTeam(UNSHARED, { dialog: 'share' }),
    );
    type('Relay address', ' ws://127.0.0.1:8787 ');
    type('Team key', `${KEY}-wrong`);
    await view.click(view.button('Share'));
    expect(text(view.container, '[role="alert"]')).toBe('The relay refused the team key.');
    refuse = false;
    type('Team key', KEY);
    await view.click(view.button('Share'));
    expect(sent.at(-1)).toEqual({ server: 'ws://127.0.0.1:8787', key: KEY });
    expect(text(view.container, '[role="status"]')).toMatch(
      /^Shared through ws:\/\/127\.0\.0\.1:8787/,
    );
    const id = view.container.querySelector<HTMLInputElement>('input[readonly]');
    expect(id?.value).toBe(SHARED.shareId);
    // The key is in no field any more, and not in the store.
    expect(view.container.querySelector('input[type="password"]')).toBeNull();
    expect(JSON.stringify(view.store.getState())).not.toContain(KEY);
    await view.click(view.button('Done'));
    expect(view.store.getState().team.dialog).toBeNull();
  });
});

describe('sharing through a folder', () => {
  const radio = (name: string): HTMLInputElement => {
    const label = [...view!.container.querySelectorAll('label')].find((l) =>
      l.textContent?.includes(name),
    );
    const input = label?.querySelector<HTMLInputElement>('input[type="radio"]');
    if (!input) throw new Error(`no choice ${name}`);
    return input;
  };

  it('checks the folder’s path as typed, then sends it alone (no key, no relay)', async () => {
    const sent: Input<'sync.share'>[] = [];
    view = await mountView(
      createElement(ShareDialog),
      {
        'sync.share': (input) => (
          sent.push(input),
          { ...SHARED, server: null, folder: '/srv/team' }
        ),
      },
      withTeam(UNSHARED, { dialog: 'share' }),
    );
    type('Team key', KEY);
    await view.click(radio('a shared folder'));
    expect(radio('a shared folder').checked).toBe(true);
    expect(view.container.querySelector('fieldset legend')?.textContent).toBe(
      'The team meets through',
    );
    type('Shared folder', 'Sync/team');
    expect(hint('Shared folder')).toBe(
      'The folder is a full path, starting with / or a drive letter.',
    );
    expect(view.button('Share').disabled).toBe(true);
    type('Shared folder', ' /srv/team ');
    await view.click(view.button('Share'));
    expect(sent).toEqual([{ folder: '/srv/team' }]);
    expect(text(view.container, '[role="status"]')).toMatch(
      /^Shared through the folder \/srv\/team\. Give each teammate this share id/,
    );
  });

  it('joins through a folder with the share id', async () => {
    const sent: Input<'sync.join'>[] = [];
    view = await mountView(
      createElement(JoinDialog),
      { 'sync.join': (input) => (sent.push(input), SHARED) },
      withTeam(UNSHARED, { dialog: 'join' }),
    );
    type('Share id', SHARED.shareId!);
    await view.click(radio('a shared folder'));
    type('Shared folder', 'C:\\Users\\mina\\Team');
    await view.click(view.button('Join'));
    expect(sent).toEqual([{ shareId: SHARED.shareId, folder: 'C:\\Users\\mina\\Team' }]);
  });
});

describe('JoinDialog', () => {
  it('checks the share id, sends what was typed, and closes once joined', async () => {
    const sent: Input<'sync.join'>[] = [];
    view = await mountView(
      createElement(JoinDialog),
      { 'sync.join': (input) => (sent.push(input), SHARED) },
      withTeam(UNSHARED, { dialog: 'join' }),
    );
    type('Share id', 'not an id!');
    expect(hint('Share id')).toBe('A share id is letters and digits, as Share printed it.');
    type('Share id', ` ${SHARED.shareId} `);
    type('Relay address', SHARED.server!);
    type('Team key', KEY);
    await view.click(view.button('Join'));
    expect(sent).toEqual([{ shareId: SHARED.shareId, server: SHARED.server, key: KEY }]);
    expect(view.store.getState().team.dialog).toBeNull();
    expect(view.store.getState().team.status).toEqual(SHARED);
    expect(view.store.getState().ui.toasts.at(-1)?.message).toMatch(/^Joined/);
  });

  it('keeps the dialog open with the core’s reason when joining is refused', async () => {
    const reason =
      'This workspace has 2 entities and 0 notes of its own, which joining would give to the team. Join from a new, empty workspace.';
    view = await mountView(
      createElement(JoinDialog),
      {
        'sync.join': () => {
          throw new WorkbenchError('CONFLICT', reason);
        },
      },
      withTeam(UNSHARED, { dialog: 'join' }),
    );
    type('Share id', SHARED.shareId!);
    type('Relay address', SHARED.server!);
    type('Team key', KEY);
    await view.click(view.button('Join'));
    expect(text(view.container, '[role="alert"]')).toBe(reason);
    expect(view.store.getState().team.dialog).toBe('join');
  });
});

const clash: SyncConflict = {
  kind: 'entities',
  id: 'e_ada',
  field: 'name',
  label: 'Countess Lovelace',
  values: [
    { text: 'Countess Lovelace', by: 'Amira (you)', shown: true },
    { text: 'Augusta Ada', by: 'Bruno', shown: false },
  ],
};

describe('ConflictsView', () => {
  it('lists each value with who wrote it, and keeps the one chosen', async () => {
    const chosen: Input<'sync.choose'>[] = [];
    let open = [clash];
    view = await mountView(
      createElement(ConflictsView),
      {
        'sync.choose': (input) => (chosen.push(input), (open = []), { ...SHARED, revision: 'a2' }),
        'sync.conflicts': () => open,
      },
      withTeam({ ...SHARED, conflicts: 1 }, { conflicts: [clash] }),
    );
    expect(text(view.container, '.conflict h2')).toBe('Entity “Countess Lovelace”, name');
    expect(
      [...view.container.querySelectorAll('.conflict-value')].map((li) =>
        [...li.children].map((c) => c.textContent).join(' | '),
      ),
    ).toEqual([
      'Countess Lovelace | by Amira (you) · shown now | Keep this',
      'Augusta Ada | by Bruno | Keep this',
    ]);
    await view.click(view.button('Keep “Augusta Ada” by Bruno'));
    expect(chosen).toEqual([
      { kind: 'entities', id: 'e_ada', field: 'name', index: 1, expected: 'Augusta Ada' },
    ]);
    expect(text(view.container, '.conflicts-view p')).toMatch(/^No open conflicts/);
    expect(view.store.getState().ui.toasts.at(-1)).toMatchObject({
      message: 'Kept “Augusta Ada”.',
      action: 'undo',
    });
  });
});

describe('a highlight’s conflict and its team history', () => {
  it('names the highlight by its document, and lists who changed it when asked', async () => {
    const onNote: SyncConflict = {
      kind: 'highlights',
      id: 'h_1',
      field: 'note',
      label: 'a highlight in “Minutes”',
      values: [
        { text: 'Seen twice', by: 'Bruno', shown: true },
        { text: 'Check the date', by: 'Amira (you)', shown: false },
      ],
    };
    const asked: Input<'sync.history'>[] = [];
    view = await mountView(
      createElement(ConflictsView),
      {
        'sync.history': (input) => (
          asked.push(input),
          [
            { at: '2026-12-07T10:00:00.000Z', by: 'Amira (you)', action: 'created', fields: [] },
            { at: '2026-12-07T10:05:00.000Z', by: 'Bruno', action: 'changed', fields: ['note'] },
          ]
        ),
      },
      withTeam({ ...SHARED, conflicts: 1 }, { conflicts: [onNote] }),
    );
    expect(text(view.container, '.conflict h2')).toBe('A highlight in “Minutes”, note');
    await view.click(view.button('Team history'));
    expect(asked).toEqual([{ kind: 'highlights', id: 'h_1' }]);
    const list = view.container.querySelector('ol[aria-label]');
    expect(list?.getAttribute('aria-label')).toBe('Team history of A highlight in “Minutes”, note');
    expect([...list!.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual([
      'Bruno changed note',
      'Amira (you) created it',
    ]);
  });
});

describe('the team’s details and status', () => {
  it('saves the name the team sees', async () => {
    const names: string[] = [];
    view = await mountView(
      createElement(TeamDialog),
      {
        'sync.setDisplayName': ({ name }) => (names.push(name), { ...SHARED, displayName: name }),
      },
      withTeam(SHARED, { dialog: 'team' }),
    );
    expect(view.button('Save name').disabled).toBe(true);
    type('Your name in the team', 'Amira');
    await view.click(view.button('Save name'));
    expect(names).toEqual(['Amira']);
    expect(view.store.getState().team.status?.displayName).toBe('Amira');
  });

  it('shows in the top bar only once shared, and opens the details', async () => {
    view = await mountView(createElement(StatusButton), {}, withTeam(UNSHARED));
    expect(view.container.querySelector('button')).toBeNull();
    view.unmount();
    view = await mountView(
      createElement(StatusButton),
      {},
      withTeam({ ...SHARED, state: 'offline', waiting: 3, conflicts: 1 }),
    );
    const button = view.button(/^Offline/);
    expect(button.textContent).toMatch(/^Offline · 3 changes waiting · last sync .+ · 1 conflict$/);
    await view.click(button);
    expect(view.store.getState().team.dialog).toBe('team');
  });

  it('names each file the shared folder held that was not taken, and why', async () => {
    view = await mountView(
      createElement(StatusButton),
      {},
      withTeam({
        ...SHARED,
        folder: '/media/stick/team',
        server: null,
        refusedFiles: [
          { file: 'garbage.am', reason: 'it is not an Automerge document, or is cut short' },
          { file: 'huge.am', reason: 'it is larger than 64 MB' },
        ],
      }),
    );
    expect(text(view.container, 'details > summary')).toBe('2 files refused');
    const list = view.container.querySelector(
      'ul[aria-label="Files refused from the shared folder"]',
    );
    expect([...list!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'garbage.am was not taken from the shared folder: it is not an Automerge document, or is cut short.',
      'huge.am was not taken from the shared folder: it is larger than 64 MB.',
    ]);
    // Open, as a user opens it, then axe on it (jsdom computes no colours: contrast is not
    // checked here; the list uses the bar's --surface, --text and --danger).
    view.container.querySelector('details')!.open = true;
    const axe = (await import('axe-core')).default;
    const found = await axe.run(view.container, {
      resultTypes: ['violations'],
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(found.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('words each state', () => {
    const now = new Date('2026-12-07T10:05:30.000Z');
    expect(statusLabel(SHARED, now)).toBe('Synced');
    expect(statusLabel({ ...SHARED, state: 'offline', waiting: 1 }, now)).toBe(
      'Offline · 1 change waiting · last sync 5 min ago',
    );
    expect(statusLabel({ ...SHARED, state: 'offline', lastSync: null }, now)).toBe(
      'Offline · never synced',
    );
    expect(statusLabel({ ...SHARED, state: 'refused' }, now)).toBe('Key refused by the relay');
    expect(initialState.team.status).toBeNull();
  });
});
