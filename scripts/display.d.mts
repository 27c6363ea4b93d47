// Types of display.mjs, for the tests that import it.
export function noDisplayReason(
  platform: string,
  env: Record<string, string | undefined>,
): string | undefined;
