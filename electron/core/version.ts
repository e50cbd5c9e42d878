// One place for the app's version: package.json, read at build time by the bundler and at
// run time by Node (CLI, preview) alike.
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
