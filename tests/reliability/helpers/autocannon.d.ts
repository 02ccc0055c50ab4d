// The part of autocannon 9's programmatic API the read-load test uses (it ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		timeout?: number;
		requests?: { method?: string; path: string; headers?: Record<string, string> }[];
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
		max: number;
	}
	interface Result {
		requests: Histogram & { total: number; sent: number };
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
		duration: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
