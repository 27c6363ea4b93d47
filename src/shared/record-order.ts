// A record with its keys in its schema's order. Loading a file through the schema gives
// every record that order, so a record built in another order (a field added by a spread
// after `updatedAt`, say) would be written with other bytes by the next session, though
// it did not change, and undoing that session's command would not give the file back.
type Shaped = { shape: Readonly<Record<string, unknown>> };

export function inSchemaOrder<T extends object>(schema: Shaped, record: T): T {
  const source = record as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) if (key in source) ordered[key] = source[key];
  // Keys the schema does not know stay, last: loading reports them rather than drop them.
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return ordered as T;
}
