/**
 * The fixture page of the stored-XSS suite (e2e/security/stored-xss.spec.ts), in the security
 * range 99-0101.00 upward; listed in E2E_EXTRA_OCCUPATIONS (tests/support/e2e/e2e-datasets.ts).
 */
export const XSS_OCCUPATION = { code: "99-0101.00", title: "Test Payload Handlers", slug: "test-payload-handlers" } as const;
