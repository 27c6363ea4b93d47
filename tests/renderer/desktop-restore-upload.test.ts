// The desktop window's side of a .zip chosen in Import files…: the file read a slice at a
// time (never whole) and sent to main in order, begin to finish; a refused part stops the
// upload, tells main to drop what it has, and the refusal reaches the import report.
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, WorkbenchBridge } from '../../src/shared/api';
import { RESTORE_CHUNK_BYTES, type RestoreUploadStep } from '../../src/shared/backup-archive';
import { createClient } from '../../src/renderer/src/api/client';

const restored = {
  restored: true,
  outcome: { kind: 'backup', fileName: 'case.zip', documents: 1, entities: 0, highlights: 0 },
};

/** A bridge whose upload channel records each step and answers as `answer` says. */
function desktop(answer: (step: RestoreUploadStep) => Envelope<unknown>): RestoreUploadStep[] {
  const steps: RestoreUploadStep[] = [];
  const bridge = {
    onEvent: () => () => undefined,
    restoreArchiveUpload: (step: RestoreUploadStep) => {
      steps.push(step);
      return Promise.resolve(answer(step));
    },
  } as unknown as WorkbenchBridge;
  (globalThis as { window?: unknown }).window = { workbench: bridge };
  return steps;
}
afterEach(() => delete (globalThis as { window?: unknown }).window);

const id = 'A'.repeat(22);
const file = new File([new Uint8Array(RESTORE_CHUNK_BYTES + 10).fill(7)], 'case.zip');

describe('a .zip chosen in the desktop window', () => {
  it('goes to main in order, a chunk at a time, and answers with the restore', async () => {
    const steps = desktop((s) =>
      s.step === 'begin'
        ? { ok: true, value: { id } }
        : s.step === 'finish'
          ? { ok: true, value: restored }
          : { ok: true, value: { received: 0 } },
    );
    expect(await createClient().restoreBackupArchive(file)).toEqual(restored);
    expect(
      steps.map((s) => (s.step === 'chunk' ? [s.step, s.offset, s.data.byteLength] : [s.step])),
    ).toEqual([
      ['begin'],
      ['chunk', 0, RESTORE_CHUNK_BYTES],
      ['chunk', RESTORE_CHUNK_BYTES, 10],
      ['finish'],
    ]);
    expect(steps[0]).toEqual({
      step: 'begin',
      fileName: 'case.zip',
      size: RESTORE_CHUNK_BYTES + 10,
    });
  });

  it('stops at a refused part and tells main to drop the rest', async () => {
    const steps = desktop((s) =>
      s.step === 'begin'
        ? { ok: true, value: { id } }
        : s.step === 'chunk'
          ? { ok: false, error: { code: 'INVALID_INPUT', message: 'case.zip: no room left.' } }
          : { ok: true, value: { received: 0 } },
    );
    await expect(createClient().restoreBackupArchive(file)).rejects.toThrow(
      'case.zip: no room left.',
    );
    expect(steps.map((s) => s.step)).toEqual(['begin', 'chunk', 'abort']);
  });
});
