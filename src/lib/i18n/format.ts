// Display formatting in the page's language. Dates reuse the domain's fixed-text formatters
// (identical on server and browser, so hydration never disagrees) and give Kiswahili its own
// month names from a fixed list rather than from ICU data that differs between runtimes.
import {
	formatDate as domainFormatDate,
	formatDateTime as domainFormatDateTime
} from '$lib/domain';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

/** Paraglide's locale → the BCP 47 tag Intl should use (Kenyan conventions for both). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-KE', sw: 'sw-KE' };

export function intlLocale(locale: Locale = getLocale()): string {
	return INTL_LOCALE[locale];
}

const SW_MONTHS: Record<string, string> = {
	Jan: 'Januari',
	Feb: 'Februari',
	Mar: 'Machi',
	Apr: 'Aprili',
	May: 'Mei',
	Jun: 'Juni',
	Jul: 'Julai',
	Aug: 'Agosti',
	Sep: 'Septemba',
	Oct: 'Oktoba',
	Nov: 'Novemba',
	Dec: 'Desemba'
};

function inLanguage(english: string, locale: Locale): string {
	if (locale !== 'sw') return english;
	return english.replace(/^(\d{1,2}) ([A-Z][a-z]{2}) /, (all, day: string, month: string) =>
		SW_MONTHS[month] ? `${day} ${SW_MONTHS[month]} ` : all
	);
}

/** '31 Mar 2026' in English, '31 Machi 2026' in Kiswahili. */
export function formatDate(iso: string, locale: Locale = getLocale()): string {
	return inLanguage(domainFormatDate(iso, 'en-KE'), locale);
}

/** '28 Nov 2026, 22:59' / '28 Novemba 2026, 22:59' (Nairobi time). */
export function formatDateTime(isoTimestamp: string, locale: Locale = getLocale()): string {
	return inLanguage(domainFormatDateTime(isoTimestamp, 'en-KE'), locale);
}

export function formatNumber(n: number, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale)).format(n);
}
