// @vitest-environment jsdom
// Finding mentions, against a fake core: an entity's mentions from its dossier (counted,
// those tagged already marked and not offered, the rest accepted in one call with exactly
// their places) and every entity's at once in the dialog (grouped, chosen ones accepted).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import type { Input } from '../../src/shared/api';
import type { Mention } from '../../src/shared/methods/mentions';
import { AllMentionsDialog } from '../../src/renderer/src/features/entities/AllMentionsDialog';
import { MentionFinder } from '../../src/renderer/src/features/entities/MentionFinder';
import { mountView, text } from './mount-view';
import { named } from './research-builders';

beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const mention = (start: number, tagged: boolean): Mention => ({
  documentId: 'd1',
  documentTitle: 'Document d1',
  start,
  end: start + 4,
  exact: 'Ejei',
  matched: 'Ejei',
  tagged,
  before: 'Chief',
  after: 'chaired',
});

let view: Awaited<ReturnType<typeof mountView>> | undefined;
afterEach(() => view?.unmount());

describe('MentionFinder', () => {
  it('finds an entity’s mentions on asking, and accepts those not tagged yet', async () => {
    const accepted: Input<'mentions.accept'>[] = [];
    view = await mountView(createElement(MentionFinder, { entity: named('e_ejei', 'Ejei') }), {
      'mentions.find': () => [mention(10, true), mention(90, false), mention(200, false)],
      'mentions.accept': (input) => (accepted.push(input), { mentions: 2, created: 2, tagged: 0 }),
    });
    expect(view.called()).toEqual([]);
    await view.click(view.button('Find mentions'));
    expect(view.called()).toEqual(['mentions.find']);
    expect(text(view.container, '[role="status"]')).toBe('3 mentions of Ejei; 1 already tagged.');
    const boxes = [...view.container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.disabled)).toEqual([true, false, false]);
    expect(boxes[0]!.getAttribute('aria-label')).toBe('Already tagged: Ejei in Document d1');
    await view.click(view.button('Accept all 2'));
    expect(accepted).toEqual([
      {
        entityId: 'e_ejei',
        mentions: [
          { documentId: 'd1', start: 90, end: 94 },
          { documentId: 'd1', start: 200, end: 204 },
        ],
        // The setting's default: each mention becomes a highlight of its sentence.
        extent: 'sentence',
      },
    ]);
    expect(view.store.getState().ui.toasts.at(-1)?.message).toBe(
      '2 mentions tagged: 2 highlights made.',
    );
  });
});

describe('AllMentionsDialog', () => {
  it('groups every entity’s mentions and accepts the ones chosen', async () => {
    const accepted: Input<'mentions.acceptAll'>[] = [];
    view = await mountView(createElement(AllMentionsDialog, { open: true, onClose: () => {} }), {
      'mentions.findAll': () => ({
        groups: [
          {
            entityId: 'e_ejei',
            name: 'Ejei',
            mentions: [mention(10, false)],
            untagged: 1,
            overlapped: 0,
          },
          {
            entityId: 'e_sham',
            name: 'Shamkhani',
            mentions: [
              { ...mention(50, false), exact: 'Shamkhani' },
              { ...mention(300, true), exact: 'Shamkhani' },
            ],
            untagged: 1,
            overlapped: 0,
          },
        ],
        documentsScanned: 1,
        documentsTotal: 1,
        limit: 2000,
        truncated: false,
        overlapRule: 'A longer name wins where two overlap.',
      }),
      'mentions.acceptAll': (input) => (
        accepted.push(input),
        { mentions: 1, created: 1, tagged: 0, entities: 1 }
      ),
    });
    const dialog = view.container.querySelector('dialog')!;
    expect(text(dialog, '[role="status"]')).toBe(
      '3 mentions of 2 entities in 1 of 1 document; 1 already tagged.',
    );
    expect(
      [...dialog.querySelectorAll('h3')].map((h) => h.firstChild?.textContent?.trim()),
    ).toEqual(['Ejei', 'Shamkhani']);
    const choose = dialog.querySelector<HTMLInputElement>(
      'input[aria-label="Choose: Shamkhani in Document d1, for Shamkhani"]',
    )!;
    act(() => choose.click());
    await view.click(view.button('Accept selected (1)'));
    expect(accepted).toEqual([
      {
        mentions: [{ entityId: 'e_sham', documentId: 'd1', start: 50, end: 54 }],
        extent: 'sentence',
      },
    ]);
  });
});
