// Every GitHub call the review makes (the exact GraphQL documents are listed in README.md here).
// Octokit's retry plugin retries 5xx and the throttling plugin honours retry-after; POSTs that create
// something are sent without automatic retries and retried here only after checking they did not land.
// Lists are read with octokit.paginate (REST, following the link header) and octokit.graphql.paginate (cursors).
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { GraphqlResponseError } from '@octokit/graphql';
import { RequestError } from '@octokit/request-error';
import Bottleneck from 'bottleneck/light.js';
import { changedFile, type ChangeSet, type ChangeStatus } from '../review/diff.js';
import type { ExistingThread } from '../review/threads.js';
import { fingerprintsIn, hasRunMarker, isSummaryBody } from '../review/markdown.js';
import type { InlineComment } from '../review/placement.js';

/** octokit.graphql posts to the runner's GraphQL endpoint (GITHUB_GRAPHQL_URL) rather than to baseUrl + /graphql.
 *  The URL is a template filled from a parameter, as the hand-written POST had it, so the throttling plugin
 *  classifies these requests exactly as before (as writes; its GraphQL-only path, chosen by a URL path starting
 *  /graphql, has never applied to this Action and is not taken on now). Listed before paginateGraphQL, which adds
 *  `paginate` to whichever octokit.graphql it finds. */
function graphqlEndpoint(
  octokit: Pick<Octokit, 'graphql'>,
  options: { [option: string]: unknown },
): Partial<Pick<Octokit, 'graphql'>> {
  return typeof options.graphqlUrl === 'string' && options.graphqlUrl !== ''
    ? { graphql: octokit.graphql.defaults({ url: '{+graphqlEndpoint}', graphqlEndpoint: options.graphqlUrl }) }
    : {};
}

const ReviewOctokit = Octokit.plugin(retry, throttling, graphqlEndpoint, paginateGraphQL);
export type Client = InstanceType<typeof ReviewOctokit>;

export interface ApiLog {
  warning(msg: string): void;
  info(msg: string): void;
}

/** How long one HTTP request may take before it is abandoned (and retried, for reads): a hung call must not hold the
 *  run, and with it the required check, forever. ISTIO_REVIEW_REQUEST_TIMEOUT_MS overrides it. */
export function requestTimeoutMs(): number {
  const v = Number.parseInt(process.env.ISTIO_REVIEW_REQUEST_TIMEOUT_MS ?? '', 10);
  return Number.isFinite(v) && v > 0 ? v : 30_000;
}

/** The pacing of the calls, in milliseconds. By default Octokit's throttling spaces writes (and GraphQL queries)
 *  1 s apart and writes that notify people 3 s apart, as GitHub asks of integrations; ISTIO_REVIEW_WRITE_SPACING_MS
 *  sets both. A failed request is retried after 1, 4 and 9 times, and a create POST that answered 5xx re-sent after
 *  1 and 2 times, ISTIO_REVIEW_RETRY_DELAY_MS (1000). The end-to-end tests set both low: their stand-in of GitHub
 *  asks for no pacing, and `retry-after` answers are still waited out as GitHub says. */
export interface Pacing {
  /** null: Octokit's own spacing (1 s, 3 s for writes that notify). */
  writeSpacingMs: number | null;
  retryDelayMs: number;
}

export function pacing(env: NodeJS.ProcessEnv = process.env): Pacing {
  const ms = (name: string) => {
    const v = Number.parseInt(env[name] ?? '', 10);
    return Number.isFinite(v) && v >= 0 ? v : null;
  };
  return {
    writeSpacingMs: ms('ISTIO_REVIEW_WRITE_SPACING_MS'),
    retryDelayMs: ms('ISTIO_REVIEW_RETRY_DELAY_MS') ?? 1000,
  };
}

/** The throttling plugin's limiters for writes spaced `ms` apart, one write at a time as by default. */
function writeLimiters(ms: number): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  const group = (id: string) => new Bottleneck.Group({ id, maxConcurrent: 1, minTime: ms, timeout: 120_000 });
  return { write: group('istio-review-write'), notifications: group('istio-review-notifications') };
}

function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

export function makeClient(
  token: string,
  baseUrl: string,
  graphqlUrl: string,
  log: ApiLog,
  pace: Pacing = pacing(),
): Client {
  return new ReviewOctokit({
    auth: token,
    baseUrl,
    graphqlUrl,
    userAgent: 'istio-review',
    request: { fetch: fetchWithTimeout(requestTimeoutMs()) },
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: () => {} },
    throttle: {
      ...(pace.writeSpacingMs === null ? {} : writeLimiters(pace.writeSpacingMs)),
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        options: { method: string; url: string },
        _o: unknown,
        retryCount: number,
      ) => {
        log.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retryAfterBaseValue: pace.retryDelayMs },
  });
}

/** A write not sent because an earlier one showed that this token may not write (see Publisher.write). */
export class ReadOnlyTokenError extends Error {
  constructor() {
    super('read-only token');
  }
}

/** The HTTP status GitHub answered (timeouts and network failures are 500, as Octokit reports them). */
export function statusOf(err: unknown): number | null {
  return err instanceof RequestError ? err.status : null;
}

/** What went wrong, in GitHub's words when it gave some: the response's message, or the GraphQL errors' messages. */
export function messageOf(err: unknown): string {
  if (err instanceof GraphqlResponseError) return err.errors?.map((e) => e.message).join('; ') ?? err.message;
  if (err instanceof RequestError) {
    const m = (err.response?.data as { message?: unknown } | undefined)?.message;
    return typeof m === 'string' ? m : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** A write the token is not allowed to make (fork PRs, Dependabot, restricted default permissions). */
export function isForbidden(err: unknown): boolean {
  if (err instanceof ReadOnlyTokenError) return true;
  const s = statusOf(err);
  return (s === 403 && !/rate limit/i.test(messageOf(err))) || s === 401;
}

/** A GraphQL mutation the token may not make (GitHub's error type FORBIDDEN, or its wording), or a refused request. */
export function isGraphqlForbidden(err: unknown): boolean {
  if (err instanceof GraphqlResponseError)
    return (
      (err.errors ?? []).some((e) => e.type === 'FORBIDDEN') || /not (have permission|accessible)/i.test(messageOf(err))
    );
  return isForbidden(err);
}

export const THREADS_QUERY = `query IstioReviewThreads($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line originalLine
          resolvedBy { login }
          comments(first: 50) { nodes { databaseId body author { login } } }
        }
      }
    }
  }
}`;

export const RESOLVE_MUTATION = `mutation IstioReviewResolve($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

export function blobsQuery(n: number): string {
  const vars = Array.from({ length: n }, (_, i) => `$e${i}: String!`).join(', ');
  const fields = Array.from(
    { length: n },
    (_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { oid text isBinary isTruncated } }`,
  ).join('\n    ');
  return `query IstioReviewBlobs($owner: String!, $repo: String!, ${vars}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`;
}

export const VIEWER_QUERY = 'query IstioReviewViewer { viewer { login } }';

/** One account, however GitHub spells it: REST says `github-actions[bot]`, GraphQL authors say `github-actions`. */
export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return typeof a === 'string' && typeof b === 'string' && a !== '' && norm(a) === norm(b);
}

interface ThreadNode {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  line: number | null;
  originalLine: number | null;
  resolvedBy: { login: string } | null;
  comments: { nodes: { databaseId: number | null; body: string; author: { login: string } | null }[] };
}

type ThreadsPage = {
  viewer: { login: string } | null;
  repository: {
    pullRequest: {
      reviewThreads: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ThreadNode[] };
    } | null;
  };
};

export class GitHubApi {
  /** Requests made (retries by the plugins not counted), for the log. */
  calls = 0;

  /** `retryDelayMs`: the first wait before re-sending a create POST that answered 5xx (the second is twice that). */
  constructor(
    readonly client: Client,
    readonly ref: { owner: string; repo: string },
    private readonly retryDelayMs = 1000,
  ) {
    // Registered after the plugins' hooks, so it wraps them: one count per request Octokit is asked to make.
    client.hook.before('request', () => {
      this.calls++;
    });
  }

  /** PR files (paginated, up to GitHub's 3000-file cap). `expected` is the pull request's `changed_files`: fewer
   *  listed than that means the list is incomplete. */
  async listPullFiles(number: number, expected: number | null = null): Promise<ChangeSet> {
    const listed = await this.client.paginate(this.client.rest.pulls.listFiles, {
      ...this.ref,
      pull_number: number,
      per_page: 100,
    });
    const files = listed.map((f) => {
      const status: ChangeStatus = f.status;
      const basePath = status === 'added' ? null : (f.previous_filename ?? f.filename);
      return changedFile(f.filename, basePath, status, f.patch);
    });
    return { files, truncated: files.length >= 3000 || (expected !== null && files.length < expected) };
  }

  /** The merge base GitHub diffs a pull request against (what the files API's patches start from). */
  async mergeBase(base: string, head: string): Promise<string | null> {
    const res = await this.client.rest.repos.compareCommitsWithBasehead({
      ...this.ref,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    return res.data.merge_base_commit?.sha ?? null;
  }

  /** Every file of a commit's tree: path → blob SHA. null when GitHub truncated the listing (a huge tree). */
  async treeFiles(sha: string): Promise<Map<string, string> | null> {
    const res = await this.client.rest.git.getTree({ ...this.ref, tree_sha: sha, recursive: 'true' });
    if (res.data.truncated) return null;
    const out = new Map<string, string>();
    for (const e of res.data.tree)
      if (e.type === 'blob' && typeof e.path === 'string' && typeof e.sha === 'string') out.set(e.path, e.sha);
    return out;
  }

  /** One blob's whole text by its SHA (for blobs GraphQL cut short); null when it is not UTF-8 text. */
  async blobText(sha: string): Promise<string | null> {
    const res = await this.client.rest.git.getBlob({ ...this.ref, file_sha: sha });
    const bytes = Buffer.from(res.data.content ?? '', res.data.encoding === 'base64' ? 'base64' : 'utf8');
    if (typeof res.data.size === 'number' && bytes.length !== res.data.size) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }

  /** Who this token writes as (GraphQL `viewer`), for telling the bot's own comments from everyone else's. */
  async viewerLogin(): Promise<string | null> {
    const data = await this.client.graphql<{ viewer: { login: string } | null }>(VIEWER_QUERY);
    return data.viewer?.login || null;
  }

  /** The bot's review threads: those whose first comment the token's own account wrote and whose trailing marker
   *  line carries a fingerprint. A thread anyone else opened is never ours, whatever its text says. */
  async listThreads(number: number): Promise<{ viewer: string | null; threads: ExistingThread[] }> {
    const out: ExistingThread[] = [];
    let viewer: string | null = null;
    let pages = 0;
    for await (const data of this.client.graphql.paginate.iterator<ThreadsPage>(THREADS_QUERY, {
      ...this.ref,
      number,
      cursor: null,
    })) {
      viewer ??= data.viewer?.login || null;
      if (!viewer) throw new Error('GitHub did not say which account this token writes as (GraphQL viewer)');
      for (const n of data.repository.pullRequest?.reviewThreads.nodes ?? []) {
        const first = n.comments.nodes[0];
        if (!first || !sameLogin(first.author?.login, viewer)) continue; // not ours
        const fps = fingerprintsIn(first.body);
        if (fps.length === 0) continue;
        out.push({
          id: n.id,
          isResolved: n.isResolved,
          isOutdated: n.isOutdated,
          path: n.path,
          line: n.line,
          originalLine: n.originalLine,
          resolvedByBot: n.isResolved && sameLogin(n.resolvedBy?.login, viewer),
          fingerprints: fps,
          commentId: first.databaseId,
          commentBody: first.body,
        });
      }
      if (++pages >= 50) break;
    }
    return { viewer, threads: out };
  }

  /** Many file versions in one GraphQL query per 50 files: expressions are "sha:path". */
  async readBlobs(exprs: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (let i = 0; i < exprs.length; i += 50) {
      const chunk = exprs.slice(i, i + 50);
      const vars: Record<string, unknown> = { ...this.ref };
      chunk.forEach((e, j) => {
        vars[`e${j}`] = e;
      });
      type Blob = { oid?: string; text: string | null; isBinary: boolean; isTruncated?: boolean } | null;
      const data = await this.client.graphql<{ repository: Record<string, Blob> }>(blobsQuery(chunk.length), vars);
      const answers = new Map(Object.entries(data.repository ?? {}));
      for (const [j, e] of chunk.entries()) {
        const b = answers.get(`f${j}`) ?? null;
        if (!b || b.isBinary || typeof b.text !== 'string') {
          out.set(e, null);
          continue;
        }
        // GraphQL cuts large blobs short: a cut text is never reviewed as if it were the file. Read it whole by SHA.
        if (b.isTruncated) out.set(e, typeof b.oid === 'string' ? await this.blobText(b.oid).catch(() => null) : null);
        else out.set(e, b.text);
      }
    }
    return out;
  }

  async resolveThread(threadId: string): Promise<void> {
    await this.client.graphql(RESOLVE_MUTATION, { threadId });
  }

  async editReviewComment(id: number, body: string): Promise<void> {
    await this.client.rest.pulls.updateReviewComment({ ...this.ref, comment_id: id, body });
  }

  /** One review (event COMMENT) with every inline comment. A 5xx may still have created it: look for
   *  this run's marker before trying again, so the review is never posted twice. */
  async createReview(
    number: number,
    headSha: string,
    body: string,
    comments: readonly InlineComment[],
    runId: string,
    bot: string | null,
  ): Promise<string | null> {
    const payload = {
      ...this.ref,
      pull_number: number,
      commit_id: headSha,
      event: 'COMMENT' as const,
      body,
      comments: comments.map((c) => ({
        path: c.path,
        body: c.body,
        line: c.line,
        side: 'RIGHT' as const,
        ...(c.startLine !== undefined && c.startLine < c.line
          ? { start_line: c.startLine, start_side: 'RIGHT' as const }
          : {}),
      })),
      request: { retries: 0 },
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.client.rest.pulls.createReview(payload);
        return res.data.user?.login ?? null;
      } catch (err) {
        const s = statusOf(err);
        if (s === null || s < 500 || attempt >= 2) throw err;
        const found = await this.reviewWithRunMarker(number, runId, bot);
        if (found) return found;
        await sleep(this.retryDelayMs * (attempt + 1));
      }
    }
  }

  /** The author of a review carrying this run's marker (by `bot` when known), else null. */
  private async reviewWithRunMarker(number: number, runId: string, bot: string | null): Promise<string | null> {
    let pages = 0;
    for await (const res of this.client.paginate.iterator(this.client.rest.pulls.listReviews, {
      ...this.ref,
      pull_number: number,
      per_page: 100,
    })) {
      const r = res.data.find((x) => hasRunMarker(x.body, runId) && (bot === null || sameLogin(x.user?.login, bot)));
      if (r) return r.user?.login ?? bot ?? '';
      if (++pages >= 19) break;
    }
    return null;
  }

  /** The bot's sticky summary: a comment written by the bot's own account whose trailing marker line says it is the
   *  summary. `bot` is asked only when some comment looks like a summary (most runs then need no identity call). */
  async findSummaryComment(
    number: number,
    bot: () => Promise<string | null>,
  ): Promise<{ id: number; body: string } | null> {
    let pages = 0;
    for await (const res of this.client.paginate.iterator(this.client.rest.issues.listComments, {
      ...this.ref,
      issue_number: number,
      per_page: 100,
    })) {
      const candidates = res.data.filter((x) => isSummaryBody(x.body));
      if (candidates.length > 0) {
        const login = await bot();
        const c = login ? candidates.find((x) => sameLogin(x.user?.login, login)) : undefined;
        if (c) return { id: c.id, body: c.body ?? '' };
      }
      if (++pages >= 49) break;
    }
    return null;
  }

  async updateSummaryComment(id: number, body: string): Promise<void> {
    await this.client.rest.issues.updateComment({ ...this.ref, comment_id: id, body });
  }

  /** Posts the summary; returns the login GitHub attributes it to. */
  async createSummaryComment(number: number, body: string, runId: string, bot: string | null): Promise<string | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.client.rest.issues.createComment({
          ...this.ref,
          issue_number: number,
          body,
          request: { retries: 0 },
        });
        return res.data.user?.login ?? null;
      } catch (err) {
        const s = statusOf(err);
        if (s === null || s < 500 || attempt >= 2 || !bot) throw err;
        const found = await this.findSummaryComment(number, async () => bot);
        if (found && hasRunMarker(found.body, runId)) return bot;
        await sleep(this.retryDelayMs * (attempt + 1));
      }
    }
  }

  /** A completed check run; annotations beyond the first 50 are appended by updates (50 per request). */
  async createCheckRun(run: {
    name: string;
    headSha: string;
    conclusion: 'success' | 'failure' | 'neutral';
    title: string;
    summary: string;
    detailsUrl: string | null;
    externalId: string;
    annotations: CheckAnnotation[];
  }): Promise<void> {
    const first = run.annotations.slice(0, 50);
    const res = await this.client.rest.checks.create({
      ...this.ref,
      name: run.name,
      head_sha: run.headSha,
      status: 'completed',
      conclusion: run.conclusion,
      external_id: run.externalId,
      ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
      output: { title: run.title, summary: run.summary, annotations: first },
    });
    for (let i = 50; i < run.annotations.length; i += 50) {
      await this.client.rest.checks.update({
        ...this.ref,
        check_run_id: res.data.id,
        output: { title: run.title, summary: run.summary, annotations: run.annotations.slice(i, i + 50) },
      });
    }
  }
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
