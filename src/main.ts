// Action entry: run the review; any unexpected error fails the step with its message (never the token).
import * as core from '@actions/core';
import { runAction } from './github/action.js';
import { logLine } from './util/escape.js';

runAction().catch((err: unknown) => {
  const msg = err instanceof Error ? err.message : String(err);
  core.setFailed(`istio-review: ${logLine(msg)}`);
});
