// Types of the GitHub API stand-in. Field names follow GitHub's REST JSON (snake_case) where the object is
// also what the REST API returns, and GraphQL's names (camelCase) for review threads.

export type Level = 'none' | 'read' | 'write';

/** What a token may do. Unlisted scopes default to 'write' (a default GITHUB_TOKEN with write permissions). */
export interface TokenPermissions {
  contents?: Level;
  pullRequests?: Level;
  issues?: Level;
  checks?: Level;
  statuses?: Level;
  /** GraphQL thread/comment mutations (resolveReviewThread, minimizeComment…) allowed; default true. false answers
   * FORBIDDEN even with pull-requests: write (reported for some tokens, so the Action must degrade). */
  graphqlMutations?: boolean;
  /** The login writes made with this token are attributed to. Default 'github-actions[bot]'. */
  login?: string;
}

export interface RefInfo {
  sha: string;
  ref: string;
  /** owner/name of the repository the branch lives in; defaults to the base repository (or a fork's when `fork`). */
  repo?: string;
}

export interface PullRequest {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  user: { login: string };
  head: RefInfo;
  base: RefInfo;
  /** true when the head branch lives in a fork (head.repo ≠ base repo). */
  fork: boolean;
  /** SHA that GET /compare/{base}...{head} reports as merge_base_commit; defaults to base.sha. */
  mergeBaseSha?: string;
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PrFile {
  filename: string;
  status: FileStatus;
  /** Unified-diff hunks as GitHub's `patch` field; absent for binary or too-large files (no addressable lines). */
  patch?: string;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
  changes?: number;
  /** Blob SHA of the head version; computed from `contents[head.sha][filename]` when absent. */
  sha?: string;
}

export interface UserRef {
  login: string;
  type: 'Bot' | 'User';
}

export interface Review {
  id: number;
  node_id: string;
  user: UserRef;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING' | 'DISMISSED';
  commit_id: string;
  submitted_at: string | null;
}

export interface ReviewComment {
  id: number;
  node_id: string;
  pull_request_review_id: number | null;
  in_reply_to_id?: number;
  user: UserRef;
  body: string;
  path: string;
  /** null when the thread is outdated or the comment is file-level. */
  line: number | null;
  side: 'LEFT' | 'RIGHT' | null;
  start_line: number | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  original_line: number | null;
  original_start_line: number | null;
  commit_id: string;
  original_commit_id: string;
  diff_hunk: string;
  subject_type: 'line' | 'file';
  created_at: string;
  updated_at: string;
  /** GraphQL minimizeComment state. */
  isMinimized: boolean;
  minimizedReason: string | null;
}

export interface ReviewThread {
  /** GraphQL node id, e.g. 'PRRT_kwDO1'. */
  id: string;
  isResolved: boolean;
  /** login of who resolved it. */
  resolvedBy: string | null;
  isOutdated: boolean;
  /** ids of its review comments, root first. */
  commentIds: number[];
  path: string;
}

export interface IssueComment {
  id: number;
  node_id: string;
  user: UserRef;
  body: string;
  created_at: string;
  updated_at: string;
  /** GraphQL minimizeComment state. */
  isMinimized: boolean;
  minimizedReason: string | null;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  node_id: string;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  /** every annotation received, across the create and all updates. */
  annotations: Annotation[];
  /** by whom */
  app: { slug: string };
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
}

export interface StandInState {
  owner: string;
  repo: string;
  pull: PullRequest;
  files: PrFile[];
  /** file texts by ref (branch name or commit SHA) and path. */
  contents: Record<string, Record<string, string>>;
  reviews: Review[];
  reviewComments: ReviewComment[];
  threads: ReviewThread[];
  issueComments: IssueComment[];
  checkRuns: CheckRun[];
  statuses: CommitStatus[];
}

export interface RecordedCall {
  method: string;
  /** path without the prefix and without the query string, e.g. '/repos/o/r/pulls/1/files' */
  path: string;
  /** the query string parameters */
  query: Record<string, string>;
  /** the matched route, e.g. 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 'POST /graphql', or null */
  route: string | null;
  status: number;
  /** parsed JSON request body (undefined when none) */
  body: unknown;
  /** GraphQL operation name when route is 'POST /graphql' */
  operationName?: string | null;
  token: string | null;
  /** a fault that answered this call, if any */
  fault?: Fault['kind'];
}

export type FaultKind =
  /** run the request (the object IS created/changed) but answer 502 Bad Gateway */
  | 'bad-gateway-after-write'
  /** answer 403 secondary rate limit with `retry-after` without running the request */
  | 'secondary-rate-limit'
  /** answer 403 "API rate limit exceeded…" with x-ratelimit-remaining: 0 and a reset `retryAfter` seconds ahead */
  | 'rate-limit'
  /** answer 500 without running the request */
  | 'server-error'
  /** answer `status` with `message` without running the request */
  | 'status'
  /** wait `delayMs` (default 1000), then serve the request normally */
  | 'delay';

export interface Fault {
  kind: FaultKind;
  /** Route template as in Octokit ('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews'), or a RegExp tested on
   * `${METHOD} ${path}` (path without prefix and query), e.g. /^POST .*\/reviews$/. GraphQL: 'POST /graphql'. */
  route: string | RegExp;
  /** how many matching calls it answers (default 1) */
  times?: number;
  /** matching calls to let through before the fault starts (default 0) */
  after?: number;
  /** GraphQL: only calls with this operation name (e.g. 'IstioReviewResolve') */
  operationName?: string;
  /** 'secondary-rate-limit': the retry-after value; 'rate-limit': seconds until x-ratelimit-reset (default 1) */
  retryAfter?: number;
  /** 'delay': milliseconds */
  delayMs?: number;
  /** 'status': the status to answer; 'secondary-rate-limit': 403 (default) or 429 */
  status?: number;
  message?: string;
}

export interface StandInOptions {
  owner?: string;
  repo?: string;
  pull?: Partial<PullRequest>;
  files?: PrFile[];
  contents?: Record<string /* ref or sha */, Record<string /* path */, string>>;
  /** token → permissions. When absent every token is accepted with write permissions. */
  tokens?: Record<string, TokenPermissions>;
  faults?: Fault[];
  /** GHES-style prefix, e.g. '/api/v3' (GraphQL is then served at '/api/graphql'). */
  prefix?: string;
  /** Repository setting "Allow GitHub Actions to create and approve pull requests" (default false). */
  allowActionsToApprove?: boolean;
  /** Validate REST request bodies against GitHub's OpenAPI description (default true). */
  validateBodies?: boolean;
  /** Complete REST answers with every field the OpenAPI description requires (default true). */
  completeResponses?: boolean;
  /** How many files `GET /pulls/{n}/files` lists at most (GitHub: 3000; lower it to test truncation cheaply).
   * `changed_files` of the pull request still counts them all. */
  maxFiles?: number;
  /** GraphQL `Blob.text` longer than this many characters is cut there and `isTruncated` is true (GitHub cuts
   * large blobs); default: never cut. `GET /git/blobs/{sha}` always returns the whole text. */
  blobTextLimit?: number;
}

export interface SeedReviewComment {
  path: string;
  line?: number | null;
  start_line?: number | null;
  side?: 'LEFT' | 'RIGHT';
  body: string;
  /** default 'github-actions[bot]' */
  user?: string;
  /** make it a reply in the thread of this comment */
  in_reply_to?: number;
  commit_id?: string;
  subject_type?: 'line' | 'file';
  /** thread state (root comments only) */
  isResolved?: boolean;
  resolvedBy?: string;
  isOutdated?: boolean;
  review_id?: number;
}

export interface SeedCheckRun {
  name: string;
  /** default: the PR head */
  head_sha?: string;
  status?: CheckRun['status'];
  conclusion?: string;
  details_url?: string;
  external_id?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: Annotation[] };
  /** the app that made it (default 'github-actions') */
  app?: string;
}

export interface StandIn {
  apiUrl: string;
  graphqlUrl: string;
  state: StandInState;
  calls: RecordedCall[];
  addFault(f: Fault): void;
  close(): Promise<void>;
  /** Seed an existing review comment (a thread root, or a reply with in_reply_to). Returns it. A current (not outdated)
   * line comment must sit on a valid anchor of the diff at its commit, else this throws. */
  seedReviewComment(c: SeedReviewComment): ReviewComment;
  /** Seed a review (and its comments). */
  seedReview(r: {
    user?: string;
    body?: string;
    state?: Review['state'];
    commit_id?: string;
    comments?: SeedReviewComment[];
  }): Review;
  /** Seed an existing issue (conversation) comment. */
  seedIssueComment(c: { body: string; user?: string }): IssueComment;
  /** Seed an existing check run (e.g. another workflow's, or a previous run's). */
  seedCheckRun(c: SeedCheckRun): CheckRun;
  /** The thread a review comment belongs to. */
  threadOf(commentId: number): ReviewThread | undefined;
  /** The non-GET calls and GraphQL mutations, in order. */
  writes(): RecordedCall[];
  /** Simulate a push: new head SHA, files and head contents. A current comment follows its line when the push left
   * it unchanged (new line number, commit_id = new head); otherwise its thread becomes outdated (line → null). */
  pushCommit(p: { sha: string; files: PrFile[]; contents?: Record<string, string> }): void;
}
