import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import sw from '../../messages/sw.json';
import {
	BUDGET_PHASES,
	DELIVERY_STATUSES,
	FUNDING_STATUSES,
	MILESTONE_STATUSES,
	PROCEDURAL_STATUSES,
	budgetPhaseLabel,
	deliveryStatusLabel,
	fundingStatusLabel,
	milestoneStatusLabel,
	proceduralStatusLabel
} from '$lib/domain';
import { formatDate, formatDateTime, intlLocale } from '$lib/i18n/format';
import { label } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';
import { reroute } from '../../src/hooks';

describe('messages', () => {
	it('has the same keys in English and Kiswahili', () => {
		expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
		expect(Object.keys(en).length).toBeGreaterThan(100);
	});

	it('has no empty or untranslated-looking Kiswahili strings', () => {
		// Names and patterns that read the same in both languages; anything else the same as the
		// English was left untranslated.
		const SAME_IN_BOTH = new Set([
			'evidence_hansard',
			'data_group_api',
			'data_dl_fdp',
			'bq_money_fact',
			'mr_sha256',
			// A language's own name.
			'alerts_lang_sw'
		]);
		const english = en as Record<string, unknown>;
		for (const [key, value] of Object.entries(sw)) {
			if (key === '$schema') continue;
			expect(JSON.stringify(value), key).not.toBe('""');
			if (!SAME_IN_BOTH.has(key)) {
				expect(JSON.stringify(value), `${key} is the English text`).not.toBe(
					JSON.stringify(english[key])
				);
			}
		}
	});

	it('renders each language on request, with parameters and plurals', () => {
		expect(m.dashboard_overdue_heading({}, { locale: 'en' })).toBe('Overdue now');
		expect(m.dashboard_overdue_heading({}, { locale: 'sw' })).toBe('Zilizochelewa sasa');
		expect(m.explorer_count_match({ count: 1 }, { locale: 'en' })).toBe('1 commitment match');
		expect(m.explorer_count_match({ count: 3 }, { locale: 'en' })).toBe('3 commitments match');
		expect(m.explorer_count({ count: 3 }, { locale: 'sw' })).toBe('ahadi 3');
		expect(m.progress_of_milestones({ count: 1 }, { locale: 'en' })).toBe('of 1 milestone');
		expect(m.badge_overdue_days({ days: 12 }, { locale: 'sw' })).toBe('Imechelewa siku 12');
		// Outside a request the base language applies.
		expect(m.nav_sign_in()).toBe('Sign in');
	});
});

describe('labels', () => {
	it('are the domain labels, word for word, in English', () => {
		for (const s of DELIVERY_STATUSES) expect(label('delivery', s)).toBe(deliveryStatusLabel[s]);
		for (const s of PROCEDURAL_STATUSES) {
			expect(label('procedural', s)).toBe(proceduralStatusLabel[s]);
		}
		for (const s of FUNDING_STATUSES) expect(label('funding', s)).toBe(fundingStatusLabel[s]);
		for (const s of MILESTONE_STATUSES) expect(label('milestone', s)).toBe(milestoneStatusLabel[s]);
		for (const s of BUDGET_PHASES) expect(label('phase', s)).toBe(budgetPhaseLabel[s]);
	});

	it('are in Kiswahili on request', () => {
		expect(label('delivery', 'on_track', 'sw')).toBe('Inaendelea vizuri');
		expect(label('delivery', 'not_started', 'sw')).toBe('Haijaanza');
		expect(label('delivery', 'completed', 'sw')).toBe('Imekamilika');
		expect(label('funding', 'spent', 'sw')).toBe('Imetumika');
	});
});

describe('URLs', () => {
	it('maps paths both ways, English without a prefix', () => {
		expect(localizeHref('/commitments', { locale: 'sw' })).toBe('/sw/commitments');
		expect(localizeHref('/', { locale: 'sw' })).toBe('/sw');
		expect(localizeHref('/commitments', { locale: 'en' })).toBe('/commitments');
		expect(localizeHref('/sw/commitments?q=1', { locale: 'en' })).toBe('/commitments?q=1');
		expect(deLocalizeUrl(new URL('http://x/sw/commitments/2')).pathname).toBe('/commitments/2');
	});

	it('routes /sw/... to the same route as the English page', () => {
		const rerouted = (path: string) =>
			reroute({ url: new URL(path, 'http://x'), fetch } as Parameters<typeof reroute>[0]);
		expect(rerouted('/sw/commitments/DCAIS%2F2025%2F004')).toBe('/commitments/DCAIS%2F2025%2F004');
		expect(rerouted('/sw')).toBe('/');
		expect(rerouted('/commitments')).toBe('/commitments');
		expect(rerouted('/swahili')).toBe('/swahili');
	});
});

describe('formatting', () => {
	it('keeps English dates as they were and writes Kiswahili months in full', () => {
		expect(formatDate('2026-03-31', 'en')).toBe('31 Mar 2026');
		expect(formatDate('2026-03-31', 'sw')).toBe('31 Machi 2026');
		expect(formatDate('2026-11-05', 'sw')).toBe('5 Novemba 2026');
		expect(formatDate('not a date', 'sw')).toBe('not a date');
		expect(formatDateTime('2026-11-28T19:59:00Z', 'sw')).toBe('28 Novemba 2026, 22:59');
		expect(formatDateTime('2026-11-28T19:59:00Z', 'en')).toBe('28 Nov 2026, 22:59');
	});

	it('uses Kenyan Intl locales', () => {
		expect(intlLocale('en')).toBe('en-KE');
		expect(intlLocale('sw')).toBe('sw-KE');
	});
});
