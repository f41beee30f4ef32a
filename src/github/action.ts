// The Action: read the inputs and the event, then run the review for a pull request or for a push.
import { chartDirOnDisk, pathFilter, toPosix, type PathFilter } from '../review/files.js';
import { readInputs } from './inputs.js';
import { readEnv } from './event.js';
import { runOnPullRequest } from './pull-request.js';
import { runOnPush } from './push.js';

export async function runAction(): Promise<void> {
  const inputs = readInputs();
  const env = readEnv();
  process.chdir(env.root);
  // The config file is never a manifest of the view (and under pull_request_target only the base's copy is read).
  const globs = pathFilter(inputs.paths, chartDirOnDisk(env.root));
  const configPath = toPosix(inputs.config);
  const filter: PathFilter = (p) => toPosix(p) !== configPath && globs(p);
  if (env.eventName === 'pull_request' || env.eventName === 'pull_request_target')
    return runOnPullRequest(inputs, env, filter);
  return runOnPush(inputs, env, filter);
}
