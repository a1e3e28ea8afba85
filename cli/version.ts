/** The CLI's version: package.json's, bundled in. */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
