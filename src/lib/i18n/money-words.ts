// A commitment's money in words, the attributed amount first and the whole line as context:
// "KES 125 m attributed (indicative: 0.1% of a KES 125.3 bn budget line)". The numbers come
// from attributeFunding ($lib/domain/attributed-money.ts); this only says them.
import { formatKes, type AttributedMoney, type FundingStatus } from '$lib/domain';
import { label } from './labels';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

/** A part of a line as a percentage with up to two decimals: 0.001 → '0.1%', 0.0125 → '1.25%'. */
export function sharePercent(ratio: number): string {
	const hundredths = Math.round(ratio * 10_000);
	if (hundredths === 0 && ratio > 0) return '<0.01%';
	return `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** "indicative" or "earmarked". */
export function basisWord(basis: AttributedMoney['basis'], locale: Locale = getLocale()): string {
	const o = { locale };
	return basis === 'earmarked' ? m.money_basis_earmarked({}, o) : m.money_basis_indicative({}, o);
}

/** "(indicative: 0.1% of a KES 125.3 bn budget line)": what the attributed amount is a part of. */
export function lineContext(money: AttributedMoney, locale: Locale = getLocale()): string {
	const o = { locale };
	const basis = basisWord(money.basis, locale);
	const allocation = money.line.currentAllocation;
	if (!allocation || money.shareOfLine === null) {
		const share =
			money.share.kind === 'percent'
				? sharePercent(money.share.basisPoints / 10_000)
				: formatKes(money.share.amountKes);
		return m.money_context_no_allocation({ basis, share }, o);
	}
	const total = formatKes(allocation.amountKes);
	if (money.wholeLine) return m.money_context_whole({ basis, total }, o);
	const percent = sharePercent(money.shareOfLine);
	return money.share.kind === 'percent'
		? m.money_context_share({ basis, percent, total }, o)
		: m.money_context_fixed({ basis, percent, total }, o);
}

/** "KES 125 m attributed", or null when the line has no allocation to attribute. */
export function attributedAllocation(
	money: AttributedMoney,
	locale: Locale = getLocale()
): string | null {
	const a = money.attributed.currentAllocation;
	return a ? m.money_attributed({ amount: formatKes(a.amountKes) }, { locale }) : null;
}

/** The whole line's allocation, releases and spending (those recorded), said as context. */
export function wholeLineWords(money: AttributedMoney, locale: Locale = getLocale()): string {
	const o = { locale };
	const l = money.line;
	const figures: string[] = [];
	if (l.currentAllocation) {
		figures.push(m.money_line_allocated({ amount: formatKes(l.currentAllocation.amountKes) }, o));
	}
	if (l.released) {
		figures.push(m.money_line_released({ amount: formatKes(l.released.amountKes) }, o));
	}
	if (l.spent) figures.push(m.money_line_spent({ amount: formatKes(l.spent.amountKes) }, o));
	return figures.length === 0 ? '' : m.money_line_context({ figures: figures.join(', ') }, o);
}

/**
 * The money badge: the funding status, or, when every link is indicative, the line's status
 * named as the line's ("Line allocated; indicative share") rather than a bare "Allocated".
 */
export function fundingBadgeLabel(status: FundingStatus, indicativeOnly: boolean): string {
	const text = label('funding', status);
	return indicativeOnly ? m.money_badge_indicative({ status: text.toLowerCase() }) : text;
}
