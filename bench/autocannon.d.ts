/** The part of autocannon 9 (no published types) the robustness benchmark uses. */
declare module 'autocannon' {
  export interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly headers?: Record<string, string>;
  }
  export interface Histogram {
    readonly average: number;
    readonly p50: number;
    readonly p97_5: number;
    readonly p99: number;
    readonly max: number;
  }
  export interface Result {
    readonly requests: Histogram & { readonly total: number };
    readonly latency: Histogram & { readonly p90: number };
    readonly non2xx: number;
    readonly errors: number;
    readonly timeouts: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
