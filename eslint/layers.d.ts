// Types for the local lint plugin, so the test that exercises it is typechecked.
import type { ESLint } from 'eslint';

export declare function layerOf(absolutePath: string): string | undefined;
export declare const RULES: Record<string, { layers: string[]; node: boolean; packages: string[] }>;
declare const plugin: ESLint.Plugin;
export default plugin;
