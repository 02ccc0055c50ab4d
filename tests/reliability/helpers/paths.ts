import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Temp databases and logs of the reliability run (git-ignored with test-results/). */
export const workDir = join(root, 'test-results', 'reliability');
/** The demo database every test copies (made once by global-setup.ts). */
export const templateDb = join(workDir, 'template.db');
