// entities.similar on a real workspace: before creating or renaming, every host can ask
// which entities the name may duplicate (one name by search's folding, or a few edits
// apart, on names and aliases), most alike and most used first, never the entity itself.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../integration/helpers';
import { createPerson, sampleWorkspaceEachTest } from './sample-workspace';

const sample = sampleWorkspaceEachTest();

const create = (name: string, aliases: string[] = []) => createPerson(sample.wb, name, aliases);
const similar = async (name: string, extra: { aliases?: string[]; exceptId?: string } = {}) =>
  unwrap(await sample.wb.call('entities.similar', { name, ...extra })).map((s) => [
    s.entity.name,
    s.matched,
    s.typed,
    s.reason,
  ]);

describe('entities.similar', () => {
  it('names one spelled two ways, by name and by alias', async () => {
    await create('Hamid Noury', ['حمید نوری']);
    await create('Gholam-Hossein Mohseni-Ejei', ['اژه‌ای']);
    await create('Iraq');
    expect(await similar('Hamid Nouri')).toEqual([
      ['Hamid Noury', 'Hamid Noury', 'Hamid Nouri', 'close'],
    ]);
    expect(await similar('اژه ای')).toEqual([
      ['Gholam-Hossein Mohseni-Ejei', 'اژه‌ای', 'اژه ای', 'same'],
    ]);
    expect(await similar('Someone', { aliases: ['Gholamhossein Mohseni Ejei'] })).toEqual([
      [
        'Gholam-Hossein Mohseni-Ejei',
        'Gholam-Hossein Mohseni-Ejei',
        'Gholamhossein Mohseni Ejei',
        'same',
      ],
    ]);
    // Short names need to be the same name: Iran is not Iraq.
    expect(await similar('Iran')).toEqual([]);
  });

  it('leaves out the entity being renamed, and puts the same name before a close one', async () => {
    const noury = await create('Hamid Noury');
    await create('Hamid Nouri');
    await create('hamid  NOURY');
    expect(await similar('Hamid Noury', { exceptId: noury })).toEqual([
      ['hamid  NOURY', 'hamid  NOURY', 'Hamid Noury', 'same'],
      ['Hamid Nouri', 'Hamid Nouri', 'Hamid Noury', 'close'],
    ]);
  });

  it('refuses a name that is not one', async () => {
    const answer = await sample.wb.call('entities.similar', { name: '   ' });
    expect(answer.ok).toBe(false);
  });
});
