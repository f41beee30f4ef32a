// Action entry: read inputs and the event, run the pipeline, publish, exit.
import * as core from '@actions/core';

async function run(): Promise<void> {
  core.setFailed('istio-review: the pull-request review is not built yet');
}

void run();
