// The handler registry: a method registered twice, under the wrong namespace, or not at
// all is refused when the workbench is put together, not when a user first calls it.
import { describe, expect, it } from 'vitest';
import { api, METHOD_NAMES, type NamespaceHandlers } from '../../src/shared/api';
import { joinTables, method, namespace } from '../../src/shared/methods/define';
import { workspaceMethods } from '../../src/shared/methods/workspace';
import { HandlerRegistry } from '../../src/core/registry';

const noop = (): Promise<never> => Promise.reject(new Error('not called'));
const workspace: NamespaceHandlers<'workspace'> = {
  'workspace.info': noop,
  'workspace.repair': noop,
  'workspace.verify': noop,
};

describe('the API table', () => {
  it('is joined from one table per namespace, each method named <namespace>.<verb>', () => {
    expect(METHOD_NAMES.length).toBe(Object.keys(api).length);
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('refuses a method defined in two namespaces', () => {
    const again = namespace('workspace', {
      'workspace.info': method<number>()(api['workspace.info'].input),
    });
    expect(() => joinTables(workspaceMethods, again)).toThrow('"workspace.info" is defined twice');
  });
});

describe('HandlerRegistry', () => {
  it('refuses a second handler for the same method', () => {
    const registry = new HandlerRegistry().add('workspace', workspace);
    expect(() => registry.add('workspace', workspace)).toThrow(
      'Two handlers for the API method "workspace.info"',
    );
  });

  it('refuses a handler filed under another namespace', () => {
    const misfiled = { 'workspace.info': noop } as unknown as NamespaceHandlers<'history'>;
    expect(() => new HandlerRegistry().add('history', misfiled)).toThrow(
      'registered under the "history" namespace',
    );
  });

  it('names every method left without a handler', () => {
    const registry = new HandlerRegistry().add('workspace', workspace);
    expect(() => registry.complete()).toThrow(/No handler for documents\.list, .*history\.redo/);
  });
});
