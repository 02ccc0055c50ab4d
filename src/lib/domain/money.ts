// Money is whole Kenya shillings (integers) everywhere it is stored or computed; only display
// turns it into short forms. Rounding is done on integers so that 2,050,000,000 shows as
// 'KES 2.1 bn' and not as whatever the binary float 2.05 happens to round to.

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };

const WHOLE_SHILLINGS_HINT = 'Enter a whole number of shillings, for example 616000000';

function groupThousands(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function assertFinite(amount: number): void {
	if (!Number.isFinite(amount)) throw new RangeError(`Not an amount of money: ${amount}`);
}

/** `tenths` is a count of 0.1 units: 21 → '2.1', 20 → '2'. */
function tenthsText(tenths: number): string {
	const whole = Math.floor(tenths / 10);
	const fraction = tenths % 10;
	return fraction === 0 ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
}

function shortPositive(shillings: number): string {
	if (shillings >= 1e9) return `KES ${tenthsText(Math.round(shillings / 1e8))} bn`;
	if (shillings >= 1e6) {
		if (shillings >= 1e8) {
			const millions = Math.round(shillings / 1e6);
			// 999.6 m rounds to 1,000 m, which reads better as the next unit up.
			return millions >= 1000 ? shortPositive(millions * 1e6) : `KES ${millions} m`;
		}
		return `KES ${tenthsText(Math.round(shillings / 1e5))} m`;
	}
	return `KES ${groupThousands(shillings)}`;
}

function withSign(amount: number, format: (shillings: number) => string): string {
	assertFinite(amount);
	const shillings = Math.round(Math.abs(amount));
	const text = format(shillings);
	return amount < 0 && shillings !== 0 ? `-${text}` : text;
}

/** Short form for headlines and charts: 'KES 2.1 bn', 'KES 666 m', 'KES 5.1 m', 'KES 5,000'. */
export function formatKes(amount: number): string {
	return withSign(amount, shortPositive);
}

/** Every shilling, for tables and exports: 'KES 37,508,800,000'. */
export function formatKesFull(amount: number): string {
	return withSign(amount, (shillings) => `KES ${groupThousands(shillings)}`);
}

/**
 * Reads an amount typed by a clerk or found in an import: '616,000,000', 'KES 616 000 000',
 * '616_000_000', '616000000.00'. Only whole shillings are accepted because cents are never
 * stored, and silently dropping them would misstate a figure.
 */
export function parseKesAmount(input: string): ParseResult {
	let text = String(input ?? '').trim();
	text = text.replace(/^(KES|KSHS?)\.?\s*/i, '');
	if (text === '') return { ok: false, error: `Enter an amount. ${WHOLE_SHILLINGS_HINT}` };
	if (/^-/.test(text)) return { ok: false, error: 'The amount cannot be negative.' };
	const m = /^(\d+(?:[,\s_]\d+)*)(?:\.(\d+))?$/.exec(text);
	if (!m) return { ok: false, error: WHOLE_SHILLINGS_HINT };
	const [, integerPart = '', fraction] = m;
	if (fraction !== undefined && !/^0{1,2}$/.test(fraction)) {
		return { ok: false, error: `Shillings only, no cents. ${WHOLE_SHILLINGS_HINT}` };
	}
	const digits = integerPart.replace(/[,\s_]/g, '').replace(/^0+(?=\d)/, '');
	const value = Number(digits);
	if (digits.length > 16 || !Number.isSafeInteger(value)) {
		return { ok: false, error: 'That amount is too large to be a budget figure.' };
	}
	return { ok: true, value };
}

/** A ratio as a percentage: 0.25 → '25%'. Null means the figure could not be computed. */
export function formatPercent(ratio: number | null, digits = 0): string {
	if (ratio === null || !Number.isFinite(ratio)) return 'not available';
	const text = (ratio * 100).toFixed(digits);
	// toFixed keeps the sign of tiny negatives ('-0'), which would read as a real decrease.
	return `${/^-0(\.0+)?$/.test(text) ? text.slice(1) : text}%`;
}
