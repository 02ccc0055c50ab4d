import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** `%`, `_` and the escape character itself are literal in a search term. */
function likePattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * `column` contains `term`, ignoring case. lower() on both sides and an explicit ESCAPE give the
 * same meaning in SQLite and PostgreSQL (SQLite's LIKE alone ignores ASCII case, PostgreSQL's
 * does not).
 */
export function containsIgnoringCase(
	column: Expression<string>,
	term: string
): RawBuilder<SqlBool> {
	return sql<SqlBool>`lower(${column}) like lower(${likePattern(term)}) escape '\\'`;
}
