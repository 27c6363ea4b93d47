// The application's version, as package.json gives it (a unit test pins the two equal):
// the custody log names the tool and version behind every change.
export const APP_VERSION = '0.1.0';
