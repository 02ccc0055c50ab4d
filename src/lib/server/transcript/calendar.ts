// Small date helpers on ISO dates (UTC, no time of day), and Kiswahili month names.

export const SWAHILI_MONTHS: Record<string, number> = {
	januari: 1,
	februari: 2,
	machi: 3,
	aprili: 4,
	mei: 5,
	juni: 6,
	julai: 7,
	agosti: 8,
	septemba: 9,
	oktoba: 10,
	novemba: 11,
	desemba: 12
};

export const SWAHILI_MONTH = `(${Object.keys(SWAHILI_MONTHS).join('|')})`;

export function isoOf(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function dateOf(iso: string): Date {
	return new Date(`${iso}T12:00:00Z`);
}

export function endOfMonth(year: number, month: number): string {
	return isoOf(new Date(Date.UTC(year, month, 0, 12)));
}

export function addUnits(iso: string, n: number, unit: 'day' | 'week' | 'month' | 'year'): string {
	const d = dateOf(iso);
	if (unit === 'day') d.setUTCDate(d.getUTCDate() + n);
	else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * n);
	else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
	else d.setUTCFullYear(d.getUTCFullYear() + n);
	return isoOf(d);
}

/** 30 June ending the Kenyan financial year (1 July – 30 June) that contains `iso`. */
export function endOfFiscalYear(iso: string): string {
	const d = dateOf(iso);
	const year = d.getUTCMonth() >= 6 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
	return `${year}-06-30`;
}
