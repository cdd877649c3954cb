/** Types of build-server.mjs, for the TypeScript that imports it (bench/start.bench.ts). */
export declare const SERVER_BUNDLE: string;
export declare function serverBundleStale(): boolean;
export declare function buildServer(): Promise<void>;
