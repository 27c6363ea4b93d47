// How a namespace of the API is written: a table of methods, each with its zod input
// schema and (as a phantom type) its output. Every method's name starts with its
// namespace, checked by the type of `namespace`, and the tables are joined by `joinTables`,
// which refuses a name given twice, so no method can be defined in two places.
import { z } from 'zod';
import { Id } from '../model';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom field: carries the output type, never set at run time. */
  output?: O;
}

/** `method<Output>()(inputSchema)`: one entry of a namespace's table. */
export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

/** A namespace's table: every key is `<namespace>.<verb>`. */
export function namespace<N extends string, T extends Record<`${N}.${string}`, MethodSpec>>(
  _name: N,
  table: T,
): T {
  return table;
}

type Joined<T extends readonly object[]> = T extends readonly [
  infer H,
  ...infer R extends readonly object[],
]
  ? H & Joined<R>
  : unknown;

/** One table from several; a method name in two of them is a programming error. */
export function joinTables<T extends readonly Record<string, MethodSpec>[]>(
  ...tables: T
): Joined<T> {
  const joined: Record<string, MethodSpec> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (Object.hasOwn(joined, name)) throw new Error(`API method "${name}" is defined twice`);
      joined[name] = spec;
    }
  }
  return joined as Joined<T>;
}

/** The input of a method that names one record. */
export const byId = z.strictObject({ id: Id });
