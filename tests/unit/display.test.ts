// `npm start` where no window can open: on Linux without DISPLAY or WAYLAND_DISPLAY it
// serves the workbench for a browser and says why, instead of Electron's own error.
import { describe, expect, it } from 'vitest';
import { noDisplayReason } from '../../scripts/display.mjs';

describe('noDisplayReason', () => {
  it('names the missing display on Linux, and nothing where a window can open', () => {
    expect(noDisplayReason('linux', {})).toMatch(/no display.*DISPLAY.*WAYLAND_DISPLAY/);
    expect(noDisplayReason('linux', { DISPLAY: '' })).toBeDefined();
    expect(noDisplayReason('linux', { DISPLAY: ':0' })).toBeUndefined();
    expect(noDisplayReason('freebsd', { WAYLAND_DISPLAY: 'wayland-0' })).toBeUndefined();
    expect(noDisplayReason('darwin', {})).toBeUndefined();
    expect(noDisplayReason('win32', {})).toBeUndefined();
  });
});
