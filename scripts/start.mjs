// `npm start`: install what is missing, build, migrate, load the demo data into an empty
// database, and serve the production build.
import { ensureBuilt, ensureInstalled, run, bin, serve } from './lib.mjs';

const env = { ...process.env };
env.PORT ??= '3000';
env.DATABASE_URL ??= 'data/ahadi.db';

ensureInstalled();
ensureBuilt();
console.log(`• Database: ${env.DATABASE_URL}`);
run(bin('tsx'), ['scripts/db.ts', 'migrate'], { env });
run(bin('tsx'), ['scripts/db.ts', 'seed', '--demo-if-empty'], { env });
const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost';
console.log(`\n✔ Ahadi is running at http://${host}:${env.PORT}/  (Ctrl+C to stop)\n`);
serve(env);
