/**
 * Okabe–Ito colours: distinguishable with the common forms of colour blindness. Several of them
 * are light against white, so every bar is drawn with a dark outline (3:1 or more against the
 * page, WCAG 1.4.11), and no chart tells things apart by colour alone: each bar has its label
 * beside it, and the funding chart's series differ in pattern and position too.
 */
export const PALETTE = {
	blue: '#0072B2',
	orange: '#E69F00',
	sky: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	vermillion: '#D55E00',
	purple: '#CC79A7',
	grey: '#6b7680',
	black: '#000000'
} as const;
