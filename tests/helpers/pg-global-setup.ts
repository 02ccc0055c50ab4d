// Global set-up of the "integration-postgres" Vitest project: migrates one template database
// that every test database is cloned from (CREATE DATABASE ... TEMPLATE, much faster than
// migrating each), and drops it and anything a crashed worker left behind at the end.
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		pgTemplate: string;
		pgPrefix: string;
	}
}

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('The PostgreSQL test project needs TEST_DATABASE_URL');
	const prefix = `ahadi_t${Date.now().toString(36)}`;
	const template = `${prefix}_template`;
	const admin = createDb(url);
	await sql`create database ${sql.id(template)}`.execute(admin);
	const target = new URL(url);
	target.pathname = `/${template}`;
	const db = createDb(target.toString());
	await migrateToLatest(db);
	await db.destroy();
	project.provide('pgTemplate', template);
	project.provide('pgPrefix', prefix);

	return async () => {
		const rows = await sql<{ datname: string }>`
			select datname from pg_database where datname like ${prefix + '%'}`.execute(admin);
		for (const { datname } of rows.rows) {
			await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(admin);
		}
		await admin.destroy();
	};
}
