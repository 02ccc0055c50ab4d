// `npm run lint:open-data` (CI runs it): the open data must pass the tools its users will run.
// 1. The OpenAPI document the server serves at /api/v1/openapi.json, from the same function,
//    linted by Redocly (redocly.yaml: recommended-strict, so any warning fails).
// 2. The Fiscal Data Package and its two CSV files, as served for the demo data in a fresh
//    in-memory database, validated offline with the Frictionless `datapackage` library.
// Exits 1 on any problem. The same checks run in `npm test` (tests/unit/openapi-lint.test.ts,
// tests/integration/open-data-package.test.ts).
import { seedDemo } from '../../db/seeds/demo';
import { createDb } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { openApiDocument } from '../../src/lib/server/open-data/openapi';
import { servedFiscalDataPackage, validateFiscalDataPackage } from './data-package';
import { lintOpenApi } from './openapi-lint';

// The served document names the request's origin as its server; a public one, as in production
// (Redocly warns about a localhost server).
const ORIGIN = 'https://ahadi.parliament.go.ke';

let failed = false;

const lint = lintOpenApi(openApiDocument(ORIGIN));
if (lint.errors + lint.warnings > 0) {
	failed = true;
	console.error(lint.report);
	console.error(`✖ OpenAPI: ${lint.errors} errors, ${lint.warnings} warnings (redocly lint)`);
} else {
	console.log('✓ OpenAPI document: redocly lint (recommended-strict) found no problem');
}

const db = createDb(':memory:');
try {
	await migrateToLatest(db);
	await seedDemo(db);
	const served = await servedFiscalDataPackage(db, ORIGIN);
	const problems = await validateFiscalDataPackage(served.descriptor, served.csv);
	if (problems.length > 0) {
		failed = true;
		for (const p of problems) console.error(`  ${p}`);
		console.error(`✖ Fiscal Data Package: ${problems.length} problems (datapackage)`);
	} else {
		const rows = Object.values(served.csv).map((c) => c.split('\r\n').length - 2);
		console.log(
			`✓ Fiscal Data Package: descriptor, fiscal profile, model and ${rows.join(' + ')} CSV rows valid`
		);
	}
} finally {
	await db.destroy();
}
process.exit(failed ? 1 : 0);
