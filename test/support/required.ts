// Some tests need things outside npm (poppler, qpdf, ../shared beside the checkout). On a
// developer's machine without them those tests are skipped; in CI (.ci/run sets
// SCRUTINY_REQUIRE_TOOLS=1) a missing one fails the run instead of passing silently.
export function requiredInCi(available: boolean, what: string): boolean {
  if (!available && process.env.SCRUTINY_REQUIRE_TOOLS === '1') {
    throw new Error(`${what} is required here (SCRUTINY_REQUIRE_TOOLS=1) but is missing.`);
  }
  return available;
}
