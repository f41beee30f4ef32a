// `istio-review review --base REF`: the pull-request pipeline on a local git repository.
// (Filled in by the review-bot work; until then it says so instead of pretending.)
import type { LoadedSettings } from '../settings-loader.js';
import type { FailOn } from '../types.js';
import { UsageError } from '../settings-loader.js';

export interface ReviewCommandArgs {
  base: string | null;
  paths: string[];
  loaded: LoadedSettings;
  failOn: FailOn;
  format: 'text' | 'json' | 'sarif';
}

export async function runReviewCommand(_args: ReviewCommandArgs): Promise<number> {
  throw new UsageError('review is not available yet');
}
