// The core's handlers, one module per API namespace, joined here. Registering a method
// twice is refused, and the joined table is checked against the API table at start, so a
// method without a handler (or a handler without a method) fails the first open, not a
// user's click.
import {
  METHOD_NAMES,
  type MethodName,
  type Namespace,
  type NamespaceHandlers,
  type WorkbenchHandlers,
} from '../shared/api';

export class HandlerRegistry {
  private readonly table = new Map<string, unknown>();

  /** Adds one namespace's handlers; every name must be in that namespace and new. */
  add<N extends Namespace>(namespace: N, handlers: NamespaceHandlers<N>): this {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!name.startsWith(`${namespace}.`))
        throw new Error(`Handler "${name}" is registered under the "${namespace}" namespace`);
      if (this.table.has(name)) throw new Error(`Two handlers for the API method "${name}"`);
      this.table.set(name, handler);
    }
    return this;
  }

  /** The whole table, once every method of the API has exactly one handler. */
  complete(): WorkbenchHandlers {
    const missing = METHOD_NAMES.filter((name) => !this.table.has(name));
    if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`);
    const unknown = [...this.table.keys()].filter(
      (name) => !(METHOD_NAMES as string[]).includes(name),
    );
    if (unknown.length)
      throw new Error(`Handlers for methods the API has not: ${unknown.join(', ')}`);
    return Object.fromEntries(this.table) as WorkbenchHandlers;
  }

  has(name: MethodName): boolean {
    return this.table.has(name);
  }
}
