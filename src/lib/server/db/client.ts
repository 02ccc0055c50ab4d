import { createDb } from './index';

/** The application's database handle, opened once per process from DATABASE_URL. */
export const db = createDb();
