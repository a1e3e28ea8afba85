/**
 * zod compiles a fast parser for a schema the first time it is used (new Function); a CLI
 * run checks each schema once or a few times, so compiling costs more than it saves.
 * (Imported by name, not as a dynamic import of zod, so the bundle keeps only what is used.)
 */
import { config } from 'zod/mini';

config({ jitless: true });
