// `npm start`: install what is missing, build, migrate, load the demo data into an empty
// database, and serve the production build.
import { ensureBuilt, ensureInstalled, run, bin, serve } from './lib.mjs';

const env = { ...process.env };
env.PORT ??= '3000';
env.DATABASE_URL ??= 'data/ahadi.db';
// adapter-node assumes https when ORIGIN is unset, which would break sign-in (Secure cookies,
// CSRF origin check) on a plain-http local run. Behind a proxy, set ORIGIN to the public URL.
const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost';
env.ORIGIN ??= `http://${host}:${env.PORT}`;
// adapter-node refuses request bodies over 512K by default; budget CSV uploads may be 20 MB.
env.BODY_SIZE_LIMIT ??= '25M';

ensureInstalled();
ensureBuilt();
console.log(`• Database: ${env.DATABASE_URL}`);
run(bin('tsx'), ['scripts/db.ts', 'migrate'], { env });
run(bin('tsx'), ['scripts/db.ts', 'seed', '--demo-if-empty'], { env });
console.log(`\n✔ Ahadi is running at ${env.ORIGIN}/  (Ctrl+C to stop)\n`);
serve(env);
