// Imported first by chart-svg.ts, before React loads: React picks its development or production
// build from NODE_ENV when it is first required, and its development build (extra checks on
// every element) makes drawing the paper's charts about a third slower. An explicit NODE_ENV
// (tests set "test", developers "development") is left alone.
process.env.NODE_ENV ??= 'production';

export {};
