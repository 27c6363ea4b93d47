// The list of shipped packages and their licences, made at build time by
// scripts/licences.mjs (see lib/licences.ts).
declare module 'virtual:licences' {
  const packages: { name: string; version: string; licence: string; notice?: string }[];
  export default packages;
}
