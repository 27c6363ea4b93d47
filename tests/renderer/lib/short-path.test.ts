// The top bar's workspace path keeps its end, which tells workspaces apart.
import { describe, expect, it } from 'vitest';
import { pathTail } from '../../../src/renderer/src/lib/short-path';

describe('pathTail', () => {
  it('keeps a short path whole', () => {
    expect(pathTail('/tmp/ws2')).toBe('/tmp/ws2');
  });

  it('cuts a long path at its start, keeping whole folder names', () => {
    const path = '/tmp/newuser-home/.config/Research Workbench/workspace';
    expect(pathTail(path)).toBe('…/Research Workbench/workspace');
    expect(pathTail(path).length).toBeLessThanOrEqual(36);
    expect(pathTail('C:\\Users\\maryam\\Documents\\Investigations\\Evin 2026')).toBe(
      '…\\Documents\\Investigations\\Evin 2026',
    );
  });

  it('keeps the end of one folder name longer than the room', () => {
    const tail = pathTail(`/x/${'a'.repeat(50)}-evin`, 20);
    expect(tail).toBe(`…${'a'.repeat(14)}-evin`);
    expect(tail).toHaveLength(20);
  });
});
