// The workspace module: read-only state and the repair report.
import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../src/shared/api';
import { initialState, reduce } from '../../../src/renderer/src/store/index';
import {
  selectRepairReport,
  selectWorkspaceReadOnly,
} from '../../../src/renderer/src/store/workspace';

const info: WorkspaceInfo = {
  path: '/home/researcher/Workbench',
  schemaVersion: 2,
  readOnly: true,
  readOnlyReason: 'Another Research Workbench has this workspace open.',
  lockedBy: {
    pid: 4121,
    host: 'desktop app',
    hostname: 'lab-laptop',
    since: '2026-11-24T09:00:00.000Z',
  },
  problems: [],
};

describe('workspace', () => {
  it('may be written until the core says otherwise', () => {
    expect(selectWorkspaceReadOnly(initialState)).toBe(false);
    expect(
      selectWorkspaceReadOnly(reduce(initialState, { type: 'workspace/infoLoaded', info })),
    ).toBe(true);
  });

  it('keeps the repair report until it is dismissed', () => {
    const report = {
      changes: ['documents/d1.json: removed annotations[3] (ann_x)'],
      remaining: [],
    };
    const state = reduce(initialState, { type: 'workspace/repaired', report });
    expect(selectRepairReport(state)).toBe(report);
    expect(
      selectRepairReport(reduce(state, { type: 'workspace/repaired', report: undefined })),
    ).toBeUndefined();
  });
});
