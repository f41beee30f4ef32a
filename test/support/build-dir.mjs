// Jest's globalSetup and globalTeardown (jest.config.mjs): name one temporary directory per test run for the
// bundles that test/support/built.ts builds there on first use, and remove it at the end. Workers start after
// globalSetup, so they all see the same ISTIO_REVIEW_TEST_BUILD.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function setup() {
  process.env.ISTIO_REVIEW_TEST_BUILD = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-test-build-'));
}

export async function teardown() {
  const dir = process.env.ISTIO_REVIEW_TEST_BUILD;
  if (dir && path.basename(dir).startsWith('istio-review-test-build-'))
    fs.rmSync(dir, { recursive: true, force: true });
}
