// The data model (W3C Web Annotation compatible) as zod schemas: the one definition used
// to validate files loaded from disk, payloads crossing IPC/HTTP, and to type the code.
// This is the one import path for it; the schemas live by idea in model/ beside it (the
// stored files and SCHEMA_VERSION are model/files.ts).
export * from './model/primitives';
export * from './model/documents';
export * from './model/entities';
export * from './model/annotations';
export * from './model/notes';
export * from './model/codebook';
export * from './model/files';
