// The demo's sources (DOMAIN.md's seed facts) and the marks of what was invented to round it
// out, shared by the loader (demo.ts) and the commitments' data (demo-commitments.ts).
// Relative imports only: this module is also bundled into the SvelteKit server.

export const ILLUSTRATIVE = 'Illustrative figure for the demo';
export const ILLUSTRATIVE_EVIDENCE = 'Illustrative evidence for the demo';
export const ILLUSTRATIVE_UPDATE = '(Illustrative update for the demo.)';
export const CLERK = 'Committee clerk (demo)';

/** Sources named in DOMAIN.md's seed facts. URLs only where known. */
export const SRC = {
	sitting: {
		title: 'KBC report of the sitting, carried by the NNN news agency (Nairobi, 23 April 2025)',
		url: 'http://namnewsnetwork.org/?p=298344'
	},
	starUnits:
		'The Star, 21 March 2025: newly gazetted administrative units (KES 666 m in the FY2024/25 supplementary budget; a further KES 2.1 bn needed for 1,105 units: 24 sub-counties, 88 divisions, 318 locations, 675 sub-locations)',
	kenyansUnits:
		'Kenyans.co.ke: FY2025/26 Budget Policy Statement allocates KES 616 m to the newly gazetted units; 16 of 24 sub-counties operational; about KES 2.5 bn sought for the remaining 8 (date approximate)',
	tukio:
		'Tukio: security committee report on the FY2025/26 estimates of the State Department for Internal Security and National Administration (requirement KES 59,002.9 m against a Budget Policy Statement ceiling of KES 37,508.8 m; date approximate)',
	nationSupp:
		'Nation: FY2024/25 Supplementary Estimates II add KES 9.21 bn to the State Department for Internal Security and National Administration',
	nationNps:
		'Nation: National Police Service FY2025/26 budget estimates of KES 125.3 bn (estimates as reported, stored as the approved figure; recurrent and development combined; date approximate)',
	starReservists: 'The Star, 18 June 2024: police reservists receive a KES 5,000 monthly stipend',
	tip2019:
		'US Department of State, Trafficking in Persons Report 2019 (Kenya): KES 60 m from the budget for anti-trafficking efforts including the victim assistance fund (fiscal year approximate; vote not stated)',
	tip2024: {
		title: 'US Department of State, 2024 Trafficking in Persons Report: Kenya',
		url: 'https://www.state.gov/reports/2024-trafficking-in-persons-report/kenya/'
	}
};

/** A timestamp for a historical event on `date` (10:00 in Nairobi). */
export const at = (date: string) => `${date}T07:00:00.000Z`;
