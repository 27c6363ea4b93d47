// jsdom has <dialog> but not its modal methods: this gives them the behaviour the window's
// dialogs rely on (`open` follows the attribute, showModal sets it), so a test can mount a
// dialog and find its controls. Call it once per file, in beforeAll.

/** `withClose` also makes close() remove the attribute and fire 'close', as a browser does. */
export function fakeModalDialogs({ withClose = false }: { withClose?: boolean } = {}): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  Object.defineProperty(proto, 'open', {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute('open');
    },
  });
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  if (withClose)
    proto.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
}
