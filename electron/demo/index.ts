// The synthetic council generator's public API, for the command line, the import and measures
// benchmarks and tests.
export { generateCouncil, type Council } from './council';
export { writeDemoExports, type DemoManifest, type DemoManifestFile, type DemoWriteOptions } from './write';
export { DEMO_LAYOUTS, type DemoLayout } from './layouts';
export type { CalibrationTargets, DemoOptions } from './options';
