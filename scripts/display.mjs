// Whether a window can open at all: on Linux and the BSDs a window needs an X or Wayland
// display, and without one (a server, a container, an SSH session) Electron stops with
// Chromium's own cryptic error. `npm start` asks this first and serves the workbench for
// a browser elsewhere instead, saying so in one line.

/**
 * Why no window can open here, or undefined when one can.
 * @param {string} platform process.platform
 * @param {Record<string, string | undefined>} env process.env
 * @returns {string | undefined}
 */
export function noDisplayReason(platform, env) {
  // macOS and Windows always have their window server when a user is logged in.
  if (platform === 'darwin' || platform === 'win32') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}
