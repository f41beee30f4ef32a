// The GitHub API stand-in: an HTTP server on 127.0.0.1 (port 0) serving the REST and GraphQL calls the review Action
// makes, with GitHub's anchoring rules for review comments, its error texts, permissions, pagination and injectable
// faults. See README.md in this folder.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkRunJson,
  commentJson,
  issueCommentJson,
  pullJson,
  renderFile,
  repoJson,
  reviewJson,
  now,
  userRef,
} from './render.js';
import { checkAnchor, REVIEW_TEXT, SINGLE_ERROR, type AnchorResult, type CommentAnchor } from './anchors.js';
import { diffHunkFor, gitBlobSha, hunkIndexOf, mapLine, parseHunks, type Hunk } from './diff.js';
import { executeGraphql } from './graphql.js';
import { completeResponse, validateBody } from './openapi.js';
import type {
  Annotation,
  CheckRun,
  Fault,
  IssueComment,
  Level,
  PrFile,
  PullRequest,
  RecordedCall,
  Review,
  ReviewComment,
  ReviewThread,
  SeedCheckRun,
  SeedReviewComment,
  StandIn,
  StandInOptions,
  StandInState,
  TokenPermissions,
  UserRef,
} from './types.js';

export const BOT_LOGIN = 'github-actions[bot]';
const DOCS = 'https://docs.github.com/rest';
const MAX_BODY = 65536;
const MAX_FILES = 3000;

/** Ready-made permission sets. */
export const PERMISSIONS = {
  write: { contents: 'read', pullRequests: 'write', issues: 'write', checks: 'write', statuses: 'write' },
  /** a fork's or Dependabot's pull_request token */
  readOnly: { contents: 'read', pullRequests: 'read', issues: 'read', checks: 'read', statuses: 'read' },
  /** pull-requests: write but no checks: write */
  noChecks: { contents: 'read', pullRequests: 'write', issues: 'write', checks: 'none', statuses: 'write' },
} satisfies Record<string, TokenPermissions>;

type Scope = 'contents' | 'pullRequests' | 'issues' | 'checks' | 'statuses';

interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** non-JSON response body */
  text?: string;
}

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingMessage['headers'];
  token: string;
  perms: Required<Omit<TokenPermissions, 'login'>> & { login: string };
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  /** permission needed: scope and level; an array means any of them */
  need: Array<[Scope, Level]>;
  handler: (c: RequestContext) => Result;
}

const err = (status: number, message: string, extra: Record<string, unknown> = {}): Result => ({
  status,
  body: { message, ...extra, documentation_url: DOCS, status: String(status) },
});
const notFound = (): Result => err(404, 'Not Found');
const unprocessable = (errors: string[]): Result => err(422, 'Unprocessable Entity', { errors });

function base64Lines(text: string): string {
  const b = Buffer.from(text, 'utf8').toString('base64');
  return (b.match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}

function levelOk(have: Level, need: Level): boolean {
  const rank = { none: 0, read: 1, write: 2 } as const;
  return rank[have] >= rank[need];
}

function routeMatches(f: Fault, method: string, path: string, template: string | null): boolean {
  if (f.route instanceof RegExp) return f.route.test(`${method} ${path}`);
  return f.route === `${method} ${template}` || f.route === `${method} ${path}`;
}

class StandInServer {
  readonly state: StandInState;
  readonly calls: RecordedCall[] = [];
  private readonly faults: Array<{ f: Fault; seen: number; fired: number }> = [];
  private readonly routes: Route[] = [];
  private readonly prefix: string;
  private readonly tokens?: Record<string, TokenPermissions>;
  private readonly allowApprove: boolean;
  private readonly validate: boolean;
  private readonly complete: boolean;
  private readonly maxFiles: number;
  private readonly blobTextLimit: number;
  /** The timers of `delay` faults still holding an answer back: close() clears them, so that a 60 s delay does not
   *  keep the test process alive after its test is over. */
  private readonly delays = new Set<ReturnType<typeof setTimeout>>();
  private nextId = 1000;
  private origin = '';
  /** files of earlier head commits (pushCommit), by head SHA */
  private readonly filesAt = new Map<string, PrFile[]>();
  private readonly shaCache = new Map<string, string>();

  constructor(opts: StandInOptions) {
    const owner = opts.owner ?? 'acme';
    const repo = opts.repo ?? 'mesh-config';
    const p = opts.pull ?? {};
    const fork = p.fork ?? false;
    const pull: PullRequest = {
      number: p.number ?? 7,
      title: p.title ?? 'Update mesh config',
      body: p.body ?? null,
      state: p.state ?? 'open',
      draft: p.draft ?? false,
      merged: p.merged ?? false,
      user: p.user ?? { login: 'octocat' },
      head: { sha: 'b'.repeat(40), ref: 'feature', ...p.head },
      base: { sha: 'a'.repeat(40), ref: 'main', ...p.base },
      fork,
      ...(p.mergeBaseSha ? { mergeBaseSha: p.mergeBaseSha } : {}),
    };
    pull.base.repo ??= `${owner}/${repo}`;
    pull.head.repo ??= fork ? `${pull.user.login}/${repo}` : `${owner}/${repo}`;
    this.state = {
      owner,
      repo,
      pull,
      files: (opts.files ?? []).map((f) => ({ ...f })),
      contents: structuredClone(opts.contents ?? {}),
      reviews: [],
      reviewComments: [],
      threads: [],
      issueComments: [],
      checkRuns: [],
      statuses: [],
    };
    this.prefix = (opts.prefix ?? '').replace(/\/$/, '');
    this.tokens = opts.tokens;
    this.allowApprove = opts.allowActionsToApprove ?? false;
    this.validate = opts.validateBodies ?? true;
    this.complete = opts.completeResponses ?? true;
    this.maxFiles = opts.maxFiles ?? MAX_FILES;
    this.blobTextLimit = opts.blobTextLimit ?? Infinity;
    for (const f of opts.faults ?? []) this.addFault(f);
    this.defineRoutes();
  }

  addFault(f: Fault): void {
    this.faults.push({ f, seen: 0, fired: 0 });
  }

  get graphqlPath(): string {
    return this.prefix === '' ? '/graphql' : this.prefix.replace(/\/v3$/, '') + '/graphql';
  }

  listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `stand-in crashed: ${String((e as Error)?.stack ?? e)}` }));
      });
    });
    this.server = server;
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  server?: ReturnType<typeof createServer>;

  get apiUrl(): string {
    return this.origin + this.prefix;
  }

  get graphqlUrl(): string {
    return this.origin + this.graphqlPath;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      for (const timer of this.delays) clearTimeout(timer);
      this.delays.clear();
      if (!this.server) return resolve();
      this.server.closeAllConnections?.();
      this.server.close((e) => (e ? reject(e) : resolve()));
    });
  }

  // ------------------------------------------------------------------------------------------------ dispatch

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams.entries());
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it encoded
    }
    const call: RecordedCall = { method, path, query, route: null, status: 0, body: undefined, token: null };
    this.calls.push(call);
    const send = (r: Result): void => {
      call.status = r.status;
      const headers: Record<string, string> = {
        'x-github-request-id': `STANDIN:${this.calls.length}`,
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': String(Math.max(0, 1000 - this.calls.length)),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': call.route === 'POST /graphql' ? 'graphql' : 'core',
        ...r.headers,
      };
      if (r.text !== undefined) {
        res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        res.end(r.text);
      } else if (r.body === undefined) {
        res.writeHead(r.status, headers);
        res.end();
      } else {
        res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(r.body));
      }
    };

    if (raw !== '') {
      try {
        call.body = JSON.parse(raw);
      } catch {
        return send(err(400, 'Problems parsing JSON'));
      }
    }
    const isGraphql = method === 'POST' && (path === this.graphqlPath || path === `${this.prefix}/graphql`);
    if (!isGraphql) {
      if (!path.startsWith(this.prefix + '/')) return send(notFound());
      path = path.slice(this.prefix.length);
      call.path = path;
    }

    // Auth.
    const auth = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m) return send(err(401, 'Requires authentication'));
    const token = m[1]!;
    call.token = token;
    let granted: TokenPermissions | undefined = PERMISSIONS.write;
    if (this.tokens) granted = this.tokens[token];
    if (!granted) return send(err(401, 'Bad credentials'));
    const perms = { ...PERMISSIONS.write, ...granted, login: granted.login ?? BOT_LOGIN } as RequestContext['perms'];

    let route: Route | undefined;
    let params: Record<string, string> = {};
    if (isGraphql) {
      call.route = 'POST /graphql';
      const b = (call.body ?? {}) as { operationName?: string };
      const q = (call.body as { query?: string } | undefined)?.query ?? '';
      call.operationName = b.operationName ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(q)?.[1] ?? null;
    } else {
      for (const r of this.routes) {
        if (r.method !== method) continue;
        const mm = r.regex.exec(path);
        if (!mm) continue;
        route = r;
        params = Object.fromEntries(r.keys.map((k, i) => [k, mm[i + 1]!]));
        break;
      }
      if (!route)
        return send(
          err(404, 'Not Found', {
            standIn: `no route for ${method} ${path} (see test/support/github-stand-in/README.md)`,
          }),
        );
      call.route = `${method} ${route.template}`;
    }

    // Faults.
    let afterWrite: Fault | undefined;
    for (const slot of this.faults) {
      if (slot.fired >= (slot.f.times ?? 1)) continue;
      if (!routeMatches(slot.f, method, path, call.route?.slice(method.length + 1) ?? null)) continue;
      if (slot.f.operationName !== undefined && slot.f.operationName !== call.operationName) continue;
      slot.seen++;
      if (slot.seen <= (slot.f.after ?? 0)) continue;
      slot.fired++;
      call.fault = slot.f.kind;
      if (slot.f.kind === 'bad-gateway-after-write') {
        afterWrite = slot.f;
        break;
      }
      if (slot.f.kind === 'delay') {
        await new Promise<void>((r) => {
          const timer = setTimeout(() => {
            this.delays.delete(timer);
            r();
          }, slot.f.delayMs ?? 1000);
          this.delays.add(timer);
        });
        break;
      }
      if (slot.f.kind === 'secondary-rate-limit') {
        return send({
          ...err(
            slot.f.status ?? 403,
            slot.f.message ??
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID STANDIN.',
          ),
          headers: { 'retry-after': String(slot.f.retryAfter ?? 1) },
        });
      }
      if (slot.f.kind === 'rate-limit') {
        return send({
          ...err(slot.f.status ?? 403, slot.f.message ?? 'API rate limit exceeded for installation ID 1000001.'),
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '1000',
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (slot.f.retryAfter ?? 1)),
          },
        });
      }
      if (slot.f.kind === 'server-error') return send(err(500, slot.f.message ?? 'Server Error'));
      return send(err(slot.f.status ?? 500, slot.f.message ?? 'Injected fault'));
    }

    let result: Result;
    if (isGraphql) {
      const b = (call.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
      const out = executeGraphql(
        typeof b.query === 'string' ? b.query : '',
        (b.variables ?? {}) as Record<string, unknown>,
        typeof b.operationName === 'string' ? b.operationName : null,
        {
          state: this.state,
          login: perms.login,
          canWritePulls: levelOk(perms.pullRequests, 'write') && granted.graphqlMutations !== false,
          canReadPulls: levelOk(perms.pullRequests, 'read'),
          blobTextLimit: this.blobTextLimit,
          textAt: (rev, p) => this.textAt(rev, p),
          blob: (sha) => this.blobBySha(sha),
          isCommit: (rev) => this.resolveRef(rev) !== null,
          resolveRef: (rev) => this.resolveRef(rev),
          threadOf: (id) => this.threadOf(id),
        },
      );
      result = { status: out.status ?? 200, body: out.body };
    } else {
      const r = route!;
      if (params.owner !== this.state.owner || params.repo !== this.state.repo) return send(notFound());
      if (!r.need.some(([scope, level]) => levelOk(perms[scope], level))) {
        return send(err(403, 'Resource not accessible by integration'));
      }
      // GitHub's own length checks answer before the schema's maxLength does.
      const early =
        r.template.includes('/check-runs') && method !== 'GET'
          ? this.checkOutput((call.body as { output?: never } | undefined)?.output)
          : null;
      if (early) return send(early);
      if (this.validate && call.body !== undefined && method !== 'GET') {
        const check = validateBody(`${method} ${r.template}`, call.body, this.routeNames());
        if (!check.ok) {
          return send(err(422, `Invalid request.\n\n${check.message}`, { errors: check.errors }));
        }
      }
      result = r.handler({ method, path, params, query, body: call.body, headers: req.headers, token, perms });
    }
    if (afterWrite) return send(err(502, afterWrite.message ?? 'Server Error'));
    if (this.complete && route && result.body !== undefined && result.status < 300) {
      result = {
        ...result,
        body: completeResponse(`${method} ${route.template}`, result.status, result.body, this.routeNames()),
      };
    }
    return send(result);
  }

  private routeNames(): string[] {
    return this.routes.map((x) => `${x.method} ${x.template}`);
  }

  private on(
    method: string,
    template: string,
    need: Array<[Scope, Level]>,
    handler: (c: RequestContext) => Result,
  ): void {
    const keys: string[] = [];
    const src = template.replace(/\{(\w+)\}/g, (_m, k: string) => {
      keys.push(k);
      if (k === 'path') return '(.+)';
      if (/(_number|_id)$/.test(k)) return '(\\d+)';
      return '([^/]+)';
    });
    this.routes.push({ method, template, regex: new RegExp(`^${src}/?$`), keys, need, handler });
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private id(): number {
    return this.nextId++;
  }

  private user(login: string): UserRef {
    return userRef(login);
  }

  private pullOk(c: RequestContext, key = 'pull_number'): boolean {
    return Number(c.params[key]) === this.state.pull.number;
  }

  blobSha(text: string): string {
    let s = this.shaCache.get(text);
    if (!s) {
      s = gitBlobSha(text);
      this.shaCache.set(text, s);
    }
    return s;
  }

  /** The commit SHA a ref names, or the ref itself when it is a key of `contents`; null when unknown. */
  resolveRef(rev: string): string | null {
    const { pull, contents } = this.state;
    if (rev === pull.head.ref || rev === `refs/heads/${pull.head.ref}`) return pull.head.sha;
    if (rev === pull.base.ref || rev === `refs/heads/${pull.base.ref}`) return pull.base.sha;
    if (
      rev === pull.head.sha ||
      rev === pull.base.sha ||
      rev === pull.mergeBaseSha ||
      rev in contents ||
      this.filesAt.has(rev)
    )
      return rev;
    return null;
  }

  private treeAt(rev: string): Record<string, string> | undefined {
    const { pull, contents } = this.state;
    if (contents[rev]) return contents[rev];
    const sha = this.resolveRef(rev);
    if (sha && contents[sha]) return contents[sha];
    // a branch name key for a SHA
    if (sha === pull.head.sha) return contents[pull.head.ref];
    if (sha === pull.base.sha) return contents[pull.base.ref];
    return undefined;
  }

  textAt(rev: string, path: string): string | undefined {
    return this.treeAt(rev)?.[path];
  }

  blobBySha(sha: string): string | undefined {
    for (const tree of Object.values(this.state.contents)) {
      for (const text of Object.values(tree)) if (this.blobSha(text) === sha) return text;
    }
    return undefined;
  }

  private filesFor(commit: string): PrFile[] {
    return commit === this.state.pull.head.sha ? this.state.files : (this.filesAt.get(commit) ?? this.state.files);
  }

  private fullDiff(): Result {
    const { files } = this.state;
    if (files.length > 300) {
      return err(
        406,
        "Sorry, the diff exceeded the maximum number of files (300). Consider using 'List pull requests files' API or locally cloning the repository instead.",
        {
          errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
        },
      );
    }
    const parts: string[] = [];
    let lines = 0;
    for (const f of files) {
      const from = f.previous_filename ?? f.filename;
      parts.push(`diff --git a/${from} b/${f.filename}`);
      if (f.status === 'added') parts.push('new file mode 100644');
      if (f.status === 'removed') parts.push('deleted file mode 100644');
      if (f.status === 'renamed') parts.push(`rename from ${from}`, `rename to ${f.filename}`);
      if (f.patch) {
        parts.push(
          f.status === 'added' ? '--- /dev/null' : `--- a/${from}`,
          f.status === 'removed' ? '+++ /dev/null' : `+++ b/${f.filename}`,
        );
        parts.push(f.patch);
        lines += f.patch.split('\n').length;
      }
    }
    if (lines > 20000) {
      return err(
        406,
        "Sorry, the diff exceeded the maximum number of lines (20000). Consider using 'List pull requests files' API or locally cloning the repository instead.",
        {
          errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
        },
      );
    }
    return { status: 200, text: parts.join('\n') + '\n' };
  }

  /** One page of `items` with GitHub's Link header. */
  private page<T>(c: RequestContext, items: T[], map: (t: T) => unknown): Result {
    const per = Math.min(100, Math.max(1, Number(c.query.per_page ?? 30) || 30));
    const pageNo = Math.max(1, Number(c.query.page ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const slice = items.slice((pageNo - 1) * per, pageNo * per);
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams({ ...c.query, per_page: String(per), page: String(p) });
      return `<${this.apiUrl}${c.path}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNo > 1) links.push(link(pageNo - 1, 'prev'));
    if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
    if (pageNo > 1) links.push(link(1, 'first'));
    return { status: 200, body: slice.map(map), headers: links.length ? { link: links.join(', ') } : {} };
  }

  /** The anchor check of a comment against the PR diff at `commit` (see anchors.ts). */
  private anchor(c: CommentAnchor, commit: string): AnchorResult {
    return checkAnchor(
      this.filesFor(commit).find((f) => f.filename === c.path),
      c,
    );
  }

  private newThreadFor(comment: ReviewComment, extra: Partial<ReviewThread> = {}): ReviewThread {
    const t: ReviewThread = {
      id: `PRRT_kwDOstandin${comment.id}`,
      isResolved: false,
      resolvedBy: null,
      isOutdated: comment.line === null && comment.subject_type === 'line',
      commentIds: [comment.id],
      path: comment.path,
      ...extra,
    };
    this.state.threads.push(t);
    return t;
  }

  threadOf(commentId: number): ReviewThread | undefined {
    return this.state.threads.find((t) => t.commentIds.includes(commentId));
  }

  private makeComment(p: {
    reviewId: number | null;
    login: string;
    body: string;
    path: string;
    commit: string;
    line: number | null;
    side: 'LEFT' | 'RIGHT' | null;
    start_line: number | null;
    start_side: 'LEFT' | 'RIGHT' | null;
    hunks: Hunk[];
    subject_type: 'line' | 'file';
    in_reply_to?: number;
  }): ReviewComment {
    const id = this.id();
    const t = now();
    const c: ReviewComment = {
      id,
      node_id: `PRRC_kwDOstandin${id}`,
      pull_request_review_id: p.reviewId,
      user: this.user(p.login),
      body: p.body,
      path: p.path,
      line: p.line,
      side: p.side,
      start_line: p.start_line,
      start_side: p.start_side,
      original_line: p.line,
      original_start_line: p.start_line,
      commit_id: p.commit,
      original_commit_id: p.commit,
      diff_hunk: p.line !== null && p.side ? diffHunkFor(p.hunks, p.line, p.side) : '',
      subject_type: p.subject_type,
      created_at: t,
      updated_at: t,
      isMinimized: false,
      minimizedReason: null,
    };
    if (p.in_reply_to !== undefined) c.in_reply_to_id = p.in_reply_to;
    this.state.reviewComments.push(c);
    if (p.commit !== this.state.pull.head.sha && p.line !== null && p.side) {
      if (!this.stillCurrent(p.path, p.line, p.side, p.commit)) {
        c.line = null;
        c.start_line = null;
      }
    }
    return c;
  }

  /** Whether `line` of `path` on `side` at commit `from` is still the same line in the current diff. */
  private stillCurrent(path: string, line: number, side: 'LEFT' | 'RIGHT', from: string): boolean {
    const before = this.filesFor(from).find((f) => f.filename === path);
    const after = this.state.files.find((f) => f.filename === path);
    if (!before || !after) return false;
    const find = (f: PrFile) =>
      parseHunks(f.patch)
        .flatMap((h) => h.lines)
        .find((l) => (side === 'RIGHT' ? l.newNo === line : l.oldNo === line));
    const a = find(before);
    const b = find(after);
    return !!a && !!b && a.text === b.text && a.kind === b.kind;
  }

  /** GitHub's deprecated diff `position` of a line. */
  positionOf(path: string, line: number, side: 'LEFT' | 'RIGHT', commit: string): number | null {
    const f = this.filesFor(commit).find((x) => x.filename === path);
    const at = parseHunks(f?.patch)
      .flatMap((h) => h.lines)
      .find((l) => (side === 'RIGHT' ? l.newNo === line : l.oldNo === line));
    return at?.position ?? null;
  }

  private newReview(login: string, body: string, state: Review['state'], commit: string): Review {
    const id = this.id();
    const r: Review = {
      id,
      node_id: `PRR_kwDOstandin${id}`,
      user: this.user(login),
      body,
      state,
      commit_id: commit,
      submitted_at: state === 'PENDING' ? null : now(),
    };
    this.state.reviews.push(r);
    return r;
  }

  private knownCommit(sha: string): boolean {
    return sha === this.state.pull.head.sha || this.filesAt.has(sha);
  }

  // ------------------------------------------------------------------------------------------------ seeding

  seedReviewComment(s: SeedReviewComment): ReviewComment {
    const login = s.user ?? BOT_LOGIN;
    const commit = s.commit_id ?? this.state.pull.head.sha;
    const file = this.filesFor(commit).find((f) => f.filename === s.path);
    const hunks = parseHunks(file?.patch);
    if (s.in_reply_to !== undefined) {
      const parent = this.state.reviewComments.find((c) => c.id === s.in_reply_to);
      if (!parent) throw new Error(`seedReviewComment: no comment ${s.in_reply_to}`);
      const rootId = this.threadOf(parent.id)!.commentIds[0]!;
      const root = this.state.reviewComments.find((c) => c.id === rootId)!;
      const c = this.makeComment({
        reviewId: s.review_id ?? this.newReview(login, '', 'COMMENTED', commit).id,
        login,
        body: s.body,
        path: root.path,
        commit: root.commit_id,
        line: root.line,
        side: root.side,
        start_line: root.start_line,
        start_side: root.start_side,
        hunks: [],
        subject_type: root.subject_type,
        in_reply_to: rootId,
      });
      c.diff_hunk = root.diff_hunk;
      c.original_line = root.original_line;
      this.threadOf(rootId)!.commentIds.push(c.id);
      return c;
    }
    const fileLevel = s.subject_type === 'file' || s.line === undefined || s.line === null;
    if (!fileLevel && !s.isOutdated) {
      // A current thread can only sit where GitHub would have let it: catch impossible fixtures early.
      const a = this.anchor(
        { path: s.path, line: s.line, side: s.side, start_line: s.start_line ?? undefined },
        commit,
      );
      if (a.errors.length) {
        throw new Error(
          `seedReviewComment: ${s.path}:${String(s.line)} is not a valid anchor at ${commit} (${a.errors.join(', ')}); seed it with isOutdated: true or subject_type: 'file'`,
        );
      }
    }
    const c = this.makeComment({
      reviewId: s.review_id ?? this.newReview(login, '', 'COMMENTED', commit).id,
      login,
      body: s.body,
      path: s.path,
      commit,
      line: fileLevel ? null : s.line!,
      side: fileLevel ? null : (s.side ?? 'RIGHT'),
      start_line: s.start_line ?? null,
      start_side: s.start_line ? (s.side ?? 'RIGHT') : null,
      hunks,
      subject_type: fileLevel ? 'file' : 'line',
    });
    if (s.isOutdated) {
      c.line = null;
      c.start_line = null;
    }
    this.newThreadFor(c, {
      isResolved: s.isResolved ?? false,
      resolvedBy: s.isResolved ? (s.resolvedBy ?? login) : null,
      isOutdated: s.isOutdated ?? false,
    });
    return c;
  }

  seedReview(r: {
    user?: string;
    body?: string;
    state?: Review['state'];
    commit_id?: string;
    comments?: SeedReviewComment[];
  }): Review {
    const login = r.user ?? BOT_LOGIN;
    const review = this.newReview(login, r.body ?? '', r.state ?? 'COMMENTED', r.commit_id ?? this.state.pull.head.sha);
    for (const c of r.comments ?? [])
      this.seedReviewComment({ ...c, user: c.user ?? login, review_id: review.id, commit_id: review.commit_id });
    return review;
  }

  seedIssueComment(c: { body: string; user?: string }): IssueComment {
    const id = this.id();
    const t = now();
    const ic: IssueComment = {
      id,
      node_id: `IC_kwDOstandin${id}`,
      user: this.user(c.user ?? BOT_LOGIN),
      body: c.body,
      created_at: t,
      updated_at: t,
      isMinimized: false,
      minimizedReason: null,
    };
    this.state.issueComments.push(ic);
    return ic;
  }

  pushCommit(p: { sha: string; files: PrFile[]; contents?: Record<string, string> }): void {
    const old = this.state.pull.head.sha;
    this.filesAt.set(old, this.state.files);
    this.state.pull.head = { ...this.state.pull.head, sha: p.sha };
    this.state.files = p.files.map((f) => ({ ...f }));
    if (p.contents) this.state.contents[p.sha] = { ...p.contents };
    for (const t of this.state.threads) {
      const root = this.state.reviewComments.find((c) => c.id === t.commentIds[0]);
      if (!root || root.subject_type === 'file' || t.isOutdated || root.line === null || !root.side) continue;
      const comments = t.commentIds
        .map((id) => this.state.reviewComments.find((x) => x.id === id))
        .filter((c): c is ReviewComment => !!c);
      const moved = this.follow(root, p.sha);
      if (moved) {
        for (const c of comments) Object.assign(c, moved, { commit_id: p.sha });
        continue;
      }
      t.isOutdated = true;
      for (const c of comments) {
        c.line = null;
        c.start_line = null;
      }
    }
  }

  /**
   * The new anchor of a current comment after a push, or null when it becomes outdated. With both head texts known,
   * a RIGHT-side line follows its text across the push (it must be unchanged and still inside a hunk of the new diff);
   * otherwise the line must be the same line of the same hunk text. LEFT-side lines keep their number (the base did not
   * change) while they are still in the diff.
   */
  private follow(c: ReviewComment, newSha: string): { line: number; start_line: number | null } | null {
    const file = this.state.files.find((f) => f.filename === c.path);
    if (!file || c.line === null || !c.side) return null;
    const hunks = parseHunks(file.patch);
    const inDiff = (line: number, side: 'LEFT' | 'RIGHT') => hunkIndexOf(hunks, line, side);
    if (c.side === 'RIGHT') {
      const before = this.textAt(c.commit_id, c.path);
      const after = this.textAt(newSha, c.path);
      if (before !== undefined && after !== undefined) {
        const line = mapLine(before, after, c.line);
        const start = c.start_line === null ? null : mapLine(before, after, c.start_line);
        if (line === null || (c.start_line !== null && start === null)) return null;
        const h = inDiff(line, 'RIGHT');
        if (h < 0 || (start !== null && inDiff(start, c.start_side ?? 'RIGHT') !== h)) return null;
        return { line, start_line: start };
      }
    }
    return this.stillCurrent(c.path, c.line, c.side, c.commit_id) ? { line: c.line, start_line: c.start_line } : null;
  }

  // ------------------------------------------------------------------------------------------------ routes

  private defineRoutes(): void {
    const R = '/repos/{owner}/{repo}';
    const PR_READ: Array<[Scope, Level]> = [['pullRequests', 'read']];
    const PR_WRITE: Array<[Scope, Level]> = [['pullRequests', 'write']];
    const ISSUE_READ: Array<[Scope, Level]> = [
      ['issues', 'read'],
      ['pullRequests', 'read'],
    ];
    const ISSUE_WRITE: Array<[Scope, Level]> = [
      ['issues', 'write'],
      ['pullRequests', 'write'],
    ];
    const CONTENTS: Array<[Scope, Level]> = [['contents', 'read']];

    this.on('GET', R, CONTENTS, () => ({
      status: 200,
      body: repoJson(this, `${this.state.owner}/${this.state.repo}`, false),
    }));

    this.on('GET', `${R}/pulls/{pull_number}`, PR_READ, (c) => {
      if (!this.pullOk(c)) return notFound();
      const accept = String(c.headers.accept ?? '');
      if (/\.diff|\bdiff\b/.test(accept)) return this.fullDiff();
      return { status: 200, body: pullJson(this) };
    });

    this.on('GET', `${R}/pulls/{pull_number}/files`, PR_READ, (c) => {
      if (!this.pullOk(c)) return notFound();
      return this.page(c, this.state.files.slice(0, this.maxFiles), (f) => renderFile(this, f));
    });

    this.on('GET', `${R}/contents/{path}`, CONTENTS, (c) => {
      const ref = c.query.ref ?? this.state.pull.base.ref;
      const tree = this.treeAt(ref);
      if (!tree) return err(404, `No commit found for the ref ${ref}`);
      const path = c.params.path!.replace(/\/$/, '');
      const text = tree[path];
      const { owner, repo } = this.state;
      if (text === undefined) {
        const entries = Object.keys(tree).filter((p) => p.startsWith(path + '/'));
        if (entries.length === 0) return notFound();
        const names = new Map<string, 'file' | 'dir'>();
        for (const p of entries) {
          const rest = p.slice(path.length + 1);
          const i = rest.indexOf('/');
          names.set(i < 0 ? rest : rest.slice(0, i), i < 0 ? 'file' : 'dir');
        }
        return {
          status: 200,
          body: [...names].sort().map(([name, type]) => ({
            type,
            name,
            path: `${path}/${name}`,
            sha: type === 'file' ? this.blobSha(tree[`${path}/${name}`]!) : gitBlobSha(`tree ${path}/${name}`),
            size: type === 'file' ? Buffer.byteLength(tree[`${path}/${name}`]!) : 0,
          })),
        };
      }
      if (/\.raw\b|\braw\b/.test(String(c.headers.accept ?? ''))) return { status: 200, text };
      const size = Buffer.byteLength(text);
      const big = size > 1024 * 1024;
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: big ? 'none' : 'base64',
          size,
          name: path.split('/').pop(),
          path,
          content: big ? '' : base64Lines(text),
          sha: this.blobSha(text),
          url: `${this.apiUrl}/repos/${owner}/${repo}/contents/${path}?ref=${ref}`,
          git_url: `${this.apiUrl}/repos/${owner}/${repo}/git/blobs/${this.blobSha(text)}`,
          html_url: `https://github.com/${owner}/${repo}/blob/${ref}/${path}`,
          download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`,
        },
      };
    });

    this.on('GET', `${R}/git/blobs/{file_sha}`, CONTENTS, (c) => {
      const text = this.blobBySha(c.params.file_sha!);
      if (text === undefined) return notFound();
      if (/\.raw\b|\braw\b/.test(String(c.headers.accept ?? ''))) return { status: 200, text };
      return {
        status: 200,
        body: {
          sha: c.params.file_sha,
          node_id: `B_standin${c.params.file_sha}`,
          size: Buffer.byteLength(text),
          url: `${this.apiUrl}${c.path}`,
          content: base64Lines(text),
          encoding: 'base64',
        },
      };
    });

    this.on('GET', `${R}/git/trees/{tree_sha}`, CONTENTS, (c) => {
      const tree = this.treeAt(c.params.tree_sha!);
      if (!tree) return notFound();
      const recursive = c.query.recursive !== undefined && c.query.recursive !== '0' && c.query.recursive !== 'false';
      const entries: Array<Record<string, unknown>> = [];
      const dirs = new Set<string>();
      for (const [p, text] of Object.entries(tree)) {
        const parts = p.split('/');
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
        if (recursive || parts.length === 1) {
          entries.push({
            path: p,
            mode: '100644',
            type: 'blob',
            sha: this.blobSha(text),
            size: Buffer.byteLength(text),
          });
        }
      }
      for (const d of dirs) {
        if (recursive || !d.includes('/'))
          entries.push({ path: d, mode: '040000', type: 'tree', sha: gitBlobSha(`tree ${d}`) });
      }
      entries.sort((a, b) => ((a.path as string) < (b.path as string) ? -1 : 1));
      return {
        status: 200,
        body: { sha: c.params.tree_sha, url: `${this.apiUrl}${c.path}`, tree: entries, truncated: false },
      };
    });

    this.on('GET', `${R}/compare/{basehead}`, CONTENTS, (c) => {
      const m = /^(.+?)\.\.\.(.+)$/.exec(c.params.basehead!);
      if (!m) return notFound();
      const base = this.resolveRef(m[1]!);
      const head = this.resolveRef(m[2]!);
      if (!base || !head) return notFound();
      const { pull } = this.state;
      const mergeBase = pull.mergeBaseSha ?? pull.base.sha;
      const files = head === pull.head.sha ? this.state.files.slice(0, 300).map((f) => renderFile(this, f)) : [];
      return {
        status: 200,
        body: {
          status: head === base ? 'identical' : 'ahead',
          ahead_by: head === base ? 0 : 1,
          behind_by: 0,
          total_commits: head === base ? 0 : 1,
          base_commit: { sha: base },
          merge_base_commit: { sha: head === base ? base : mergeBase },
          commits: head === base ? [] : [{ sha: head }],
          files,
        },
      };
    });

    // Reviews.
    this.on('GET', `${R}/pulls/{pull_number}/reviews`, PR_READ, (c) => {
      if (!this.pullOk(c)) return notFound();
      return this.page(c, this.state.reviews, (r) => reviewJson(this, r));
    });

    this.on('GET', `${R}/pulls/{pull_number}/reviews/{review_id}`, PR_READ, (c) => {
      const r = this.state.reviews.find((x) => x.id === Number(c.params.review_id));
      if (!this.pullOk(c) || !r) return notFound();
      return { status: 200, body: reviewJson(this, r) };
    });

    this.on('GET', `${R}/pulls/{pull_number}/reviews/{review_id}/comments`, PR_READ, (c) => {
      const id = Number(c.params.review_id);
      if (!this.pullOk(c) || !this.state.reviews.some((r) => r.id === id)) return notFound();
      return this.page(
        c,
        this.state.reviewComments.filter((x) => x.pull_request_review_id === id),
        (x) => commentJson(this, x),
      );
    });

    this.on('POST', `${R}/pulls/{pull_number}/reviews`, PR_WRITE, (c) => this.createReview(c));

    this.on('POST', `${R}/pulls/{pull_number}/reviews/{review_id}/events`, PR_WRITE, (c) => {
      const r = this.state.reviews.find((x) => x.id === Number(c.params.review_id));
      if (!this.pullOk(c) || !r) return notFound();
      if (r.state !== 'PENDING') return unprocessable(['Can not submit a non-pending review']);
      const b = c.body as { event: string; body?: string };
      if (b.event === 'APPROVE' && !this.allowApprove && r.user.type === 'Bot')
        return unprocessable(['GitHub Actions is not permitted to approve pull requests.']);
      r.state = b.event === 'APPROVE' ? 'APPROVED' : b.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'COMMENTED';
      if (b.body !== undefined) r.body = b.body;
      r.submitted_at = now();
      return { status: 200, body: reviewJson(this, r) };
    });

    // Review comments.
    this.on('GET', `${R}/pulls/{pull_number}/comments`, PR_READ, (c) => {
      if (!this.pullOk(c)) return notFound();
      let list = [...this.state.reviewComments];
      if (c.query.since) list = list.filter((x) => x.updated_at >= c.query.since!);
      if (c.query.direction === 'desc') list.reverse();
      return this.page(c, list, (x) => commentJson(this, x));
    });

    this.on('GET', `${R}/pulls/comments/{comment_id}`, PR_READ, (c) => {
      const x = this.state.reviewComments.find((y) => y.id === Number(c.params.comment_id));
      return x ? { status: 200, body: commentJson(this, x) } : notFound();
    });

    this.on('PATCH', `${R}/pulls/comments/{comment_id}`, PR_WRITE, (c) => {
      const x = this.state.reviewComments.find((y) => y.id === Number(c.params.comment_id));
      if (!x) return notFound();
      if (x.user.login !== c.perms.login) return err(403, 'Resource not accessible by integration');
      const body = (c.body as { body: string }).body;
      if (body.length > MAX_BODY) return tooLong('PullRequestReviewComment');
      x.body = body;
      x.updated_at = now();
      return { status: 200, body: commentJson(this, x) };
    });

    this.on('DELETE', `${R}/pulls/comments/{comment_id}`, PR_WRITE, (c) => {
      const id = Number(c.params.comment_id);
      const i = this.state.reviewComments.findIndex((y) => y.id === id);
      if (i < 0) return notFound();
      this.state.reviewComments.splice(i, 1);
      const t = this.threadOf(id);
      if (t) {
        t.commentIds = t.commentIds.filter((x) => x !== id);
        if (t.commentIds.length === 0) this.state.threads.splice(this.state.threads.indexOf(t), 1);
      }
      return { status: 204 };
    });

    this.on('POST', `${R}/pulls/{pull_number}/comments`, PR_WRITE, (c) => this.createSingleComment(c));

    this.on('POST', `${R}/pulls/{pull_number}/comments/{comment_id}/replies`, PR_WRITE, (c) => {
      if (!this.pullOk(c)) return notFound();
      return this.reply(c, Number(c.params.comment_id), (c.body as { body: string }).body);
    });

    // Issue comments.
    this.on('GET', `${R}/issues/{issue_number}/comments`, ISSUE_READ, (c) => {
      if (!this.pullOk(c, 'issue_number')) return notFound();
      let list = this.state.issueComments;
      if (c.query.since) list = list.filter((x) => x.updated_at >= c.query.since!);
      return this.page(c, list, (x) => issueCommentJson(this, x));
    });

    this.on('POST', `${R}/issues/{issue_number}/comments`, ISSUE_WRITE, (c) => {
      if (!this.pullOk(c, 'issue_number')) return notFound();
      const body = (c.body as { body: string }).body;
      if (body.length > MAX_BODY) return tooLong('IssueComment');
      const ic = this.seedIssueComment({ body, user: c.perms.login });
      return { status: 201, body: issueCommentJson(this, ic) };
    });

    this.on('GET', `${R}/issues/comments/{comment_id}`, ISSUE_READ, (c) => {
      const x = this.state.issueComments.find((y) => y.id === Number(c.params.comment_id));
      return x ? { status: 200, body: issueCommentJson(this, x) } : notFound();
    });

    this.on('PATCH', `${R}/issues/comments/{comment_id}`, ISSUE_WRITE, (c) => {
      const x = this.state.issueComments.find((y) => y.id === Number(c.params.comment_id));
      if (!x) return notFound();
      if (x.user.login !== c.perms.login) return err(403, 'Resource not accessible by integration');
      const body = (c.body as { body: string }).body;
      if (body.length > MAX_BODY) return tooLong('IssueComment');
      x.body = body;
      x.updated_at = now();
      return { status: 200, body: issueCommentJson(this, x) };
    });

    this.on('DELETE', `${R}/issues/comments/{comment_id}`, ISSUE_WRITE, (c) => {
      const i = this.state.issueComments.findIndex((y) => y.id === Number(c.params.comment_id));
      if (i < 0) return notFound();
      this.state.issueComments.splice(i, 1);
      return { status: 204 };
    });

    // Check runs and statuses.
    this.on('POST', `${R}/check-runs`, [['checks', 'write']], (c) => this.createCheckRun(c));
    this.on('PATCH', `${R}/check-runs/{check_run_id}`, [['checks', 'write']], (c) => this.updateCheckRun(c));
    this.on('GET', `${R}/check-runs/{check_run_id}`, [['checks', 'read']], (c) => {
      const r = this.state.checkRuns.find((x) => x.id === Number(c.params.check_run_id));
      return r ? { status: 200, body: checkRunJson(this, r) } : notFound();
    });
    this.on('GET', `${R}/check-runs/{check_run_id}/annotations`, [['checks', 'read']], (c) => {
      const r = this.state.checkRuns.find((x) => x.id === Number(c.params.check_run_id));
      return r ? this.page(c, r.annotations, (a) => ({ ...a, blob_href: '' })) : notFound();
    });
    this.on('GET', `${R}/commits/{ref}/check-runs`, [['checks', 'read']], (c) => {
      const sha = this.resolveRef(c.params.ref!) ?? c.params.ref!;
      let runs = this.state.checkRuns.filter((r) => r.head_sha === sha);
      if (c.query.check_name) runs = runs.filter((r) => r.name === c.query.check_name);
      const res = this.page(c, runs, (r) => checkRunJson(this, r));
      return { ...res, body: { total_count: runs.length, check_runs: res.body } };
    });
    this.on('POST', `${R}/statuses/{sha}`, [['statuses', 'write']], (c) => {
      const b = c.body as {
        state: 'error' | 'failure' | 'pending' | 'success';
        context?: string;
        description?: string;
        target_url?: string;
      };
      if (!this.resolveRef(c.params.sha!)) return err(422, `No commit found for SHA: ${c.params.sha}`);
      const s = {
        id: this.id(),
        sha: c.params.sha!,
        state: b.state,
        context: b.context ?? 'default',
        description: b.description ?? null,
        target_url: b.target_url ?? null,
      };
      this.state.statuses.push(s);
      return { status: 201, body: s };
    });
  }

  private createReview(c: RequestContext): Result {
    if (!this.pullOk(c)) return notFound();
    const b = c.body as {
      commit_id?: string;
      body?: string;
      event?: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';
      comments?: Array<{
        path: string;
        body: string;
        line?: number;
        side?: string;
        start_line?: number;
        start_side?: string;
        position?: number;
      }>;
    };
    const commit = b.commit_id ?? this.state.pull.head.sha;
    if (!this.knownCommit(commit)) return unprocessable(['Commit is not part of the pull request']);
    if (b.event === 'APPROVE' && !this.allowApprove && c.perms.login.endsWith('[bot]')) {
      return unprocessable(['GitHub Actions is not permitted to approve pull requests.']);
    }
    if (c.perms.login === this.state.pull.user.login && b.event && b.event !== 'COMMENT') {
      return unprocessable([
        `Can not ${b.event === 'APPROVE' ? 'approve' : 'request changes on'} your own pull request`,
      ]);
    }
    const comments = b.comments ?? [];
    if ((b.event === 'COMMENT' || b.event === 'REQUEST_CHANGES') && !b.body && comments.length === 0) {
      return unprocessable([`Review body is required when event is ${b.event}`]);
    }
    if (!b.event && this.state.reviews.some((r) => r.state === 'PENDING' && r.user.login === c.perms.login)) {
      return unprocessable(['User can only have one pending review per pull request']);
    }
    const errors: string[] = [];
    if ((b.body ?? '').length > MAX_BODY) errors.push(`Body is too long (maximum is ${MAX_BODY} characters)`);
    const anchors = comments.map((x) => {
      if (x.body.length > MAX_BODY) errors.push(`Body is too long (maximum is ${MAX_BODY} characters)`);
      const a = this.anchor(x, commit);
      errors.push(...a.errors.flatMap((k) => REVIEW_TEXT[k]));
      return a;
    });
    if (errors.length) return unprocessable([...new Set(errors)]);
    const state =
      b.event === 'APPROVE'
        ? 'APPROVED'
        : b.event === 'REQUEST_CHANGES'
          ? 'CHANGES_REQUESTED'
          : b.event === 'COMMENT'
            ? 'COMMENTED'
            : 'PENDING';
    const review = this.newReview(c.perms.login, b.body ?? '', state, commit);
    comments.forEach((x, i) => {
      const a = anchors[i]!;
      const rc = this.makeComment({
        reviewId: review.id,
        login: c.perms.login,
        body: x.body,
        path: x.path,
        commit,
        line: a.line!,
        side: a.side!,
        start_line: a.start_line ?? null,
        start_side: a.start_line ? (a.start_side ?? null) : null,
        hunks: a.hunks!,
        subject_type: 'line',
      });
      this.newThreadFor(rc);
    });
    return { status: 200, body: reviewJson(this, review) };
  }

  private createSingleComment(c: RequestContext): Result {
    if (!this.pullOk(c)) return notFound();
    const b = c.body as {
      body: string;
      commit_id: string;
      path: string;
      line?: number;
      side?: string;
      start_line?: number;
      start_side?: string;
      position?: number;
      in_reply_to?: number;
      subject_type?: 'line' | 'file';
    };
    if (b.in_reply_to !== undefined) return this.reply(c, b.in_reply_to, b.body);
    if (b.body.length > MAX_BODY) return tooLong('PullRequestReviewComment');
    const validation = (errors: Array<{ code: string; field: string; message?: string }>): Result =>
      err(422, 'Validation Failed', { errors: errors.map((e) => ({ resource: 'PullRequestReviewComment', ...e })) });
    if (!this.knownCommit(b.commit_id)) {
      return validation([
        {
          code: 'custom',
          field: 'pull_request_review_thread.end_commit_oid',
          message: 'pull_request_review_thread.end_commit_oid is not part of the pull request',
        },
        { code: 'missing_field', field: 'pull_request_review_thread.diff_hunk' },
      ]);
    }
    if (b.subject_type === 'file') {
      if (!this.filesFor(b.commit_id).some((f) => f.filename === b.path)) return validation(SINGLE_ERROR.path);
      const review = this.newReview(c.perms.login, '', 'COMMENTED', b.commit_id);
      const rc = this.makeComment({
        reviewId: review.id,
        login: c.perms.login,
        body: b.body,
        path: b.path,
        commit: b.commit_id,
        line: null,
        side: null,
        start_line: null,
        start_side: null,
        hunks: [],
        subject_type: 'file',
      });
      this.newThreadFor(rc);
      return { status: 201, body: commentJson(this, rc) };
    }
    const a = this.anchor(b, b.commit_id);
    if (a.errors.length) return validation([...new Set(a.errors)].flatMap((k) => SINGLE_ERROR[k]));
    const review = this.newReview(c.perms.login, '', 'COMMENTED', b.commit_id);
    const rc = this.makeComment({
      reviewId: review.id,
      login: c.perms.login,
      body: b.body,
      path: b.path,
      commit: b.commit_id,
      line: a.line!,
      side: a.side!,
      start_line: a.start_line ?? null,
      start_side: a.start_line ? (a.start_side ?? null) : null,
      hunks: a.hunks!,
      subject_type: 'line',
    });
    this.newThreadFor(rc);
    return { status: 201, body: commentJson(this, rc) };
  }

  private reply(c: RequestContext, to: number, body: string): Result {
    const parent = this.state.reviewComments.find((x) => x.id === to);
    if (!parent) return notFound();
    if (body.length > MAX_BODY) return tooLong('PullRequestReviewComment');
    const r = this.seedReviewComment({ path: parent.path, body, user: c.perms.login, in_reply_to: to });
    return { status: 201, body: commentJson(this, r) };
  }

  private checkOutput(o: { summary?: string; text?: string; annotations?: Annotation[] } | undefined): Result | null {
    if (!o) return null;
    for (const f of [o.summary, o.text]) {
      if (f !== undefined && f.length > 65535)
        return err(422, `Invalid request.\n\nOnly 65535 characters are allowed; ${f.length} were supplied.`);
    }
    if ((o.annotations?.length ?? 0) > 50)
      return err(422, 'Invalid request.\n\nOnly 50 annotations are allowed per request.');
    return null;
  }

  private createCheckRun(c: RequestContext): Result {
    const b = c.body as {
      name: string;
      head_sha: string;
      status?: CheckRun['status'];
      conclusion?: string;
      details_url?: string;
      external_id?: string;
      started_at?: string;
      completed_at?: string;
      output?: { title?: string; summary?: string; text?: string; annotations?: Annotation[] };
    };
    if (!this.resolveRef(b.head_sha) && !this.filesAt.has(b.head_sha))
      return err(422, `No commit found for SHA: ${b.head_sha}`);
    const bad = this.checkOutput(b.output);
    if (bad) return bad;
    if (b.status === 'completed' && !b.conclusion)
      return err(422, 'Invalid request.\n\n"conclusion" wasn\'t supplied.');
    if (b.conclusion === 'action_required' && !b.details_url)
      return err(422, 'Invalid request.\n\n"details_url" wasn\'t supplied.');
    const r = this.seedCheckRun(b);
    return { status: 201, body: checkRunJson(this, r) };
  }

  seedCheckRun(b: SeedCheckRun): CheckRun {
    const id = this.id();
    const completed = b.conclusion !== undefined;
    const r: CheckRun = {
      id,
      node_id: `CR_kwDOstandin${id}`,
      name: b.name,
      head_sha: b.head_sha ?? this.state.pull.head.sha,
      status: completed ? 'completed' : (b.status ?? 'queued'),
      conclusion: b.conclusion ?? null,
      details_url: b.details_url ?? null,
      external_id: b.external_id ?? null,
      started_at: b.started_at ?? now(),
      completed_at: completed ? (b.completed_at ?? now()) : null,
      output: {
        title: b.output?.title ?? null,
        summary: b.output?.summary ?? null,
        text: b.output?.text ?? null,
        annotations_count: b.output?.annotations?.length ?? 0,
      },
      annotations: [...(b.output?.annotations ?? [])],
      app: { slug: b.app ?? 'github-actions' },
    };
    this.state.checkRuns.push(r);
    return r;
  }

  private updateCheckRun(c: RequestContext): Result {
    const r = this.state.checkRuns.find((x) => x.id === Number(c.params.check_run_id));
    if (!r) return notFound();
    const b = c.body as {
      name?: string;
      status?: CheckRun['status'];
      conclusion?: string;
      details_url?: string;
      completed_at?: string;
      output?: { title?: string; summary?: string; text?: string; annotations?: Annotation[] };
    };
    const bad = this.checkOutput(b.output);
    if (bad) return bad;
    if (b.conclusion === 'action_required' && !b.details_url && !r.details_url)
      return err(422, 'Invalid request.\n\n"details_url" wasn\'t supplied.');
    if (b.name !== undefined) r.name = b.name;
    if (b.details_url !== undefined) r.details_url = b.details_url;
    if (b.status !== undefined) r.status = b.status;
    if (b.conclusion !== undefined) {
      r.conclusion = b.conclusion;
      r.status = 'completed';
      r.completed_at = b.completed_at ?? now();
    }
    if (b.output) {
      if (b.output.title !== undefined) r.output.title = b.output.title;
      if (b.output.summary !== undefined) r.output.summary = b.output.summary;
      if (b.output.text !== undefined) r.output.text = b.output.text;
      r.annotations.push(...(b.output.annotations ?? []));
      r.output.annotations_count = r.annotations.length;
    }
    return { status: 200, body: checkRunJson(this, r) };
  }
}

function tooLong(resource: string): Result {
  return err(422, 'Validation Failed', {
    errors: [
      {
        resource,
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${MAX_BODY} characters)`,
      },
    ],
  });
}

/** Starts a stand-in on 127.0.0.1 with a free port. Close it with `close()`. */
export async function startStandIn(opts: StandInOptions = {}): Promise<StandIn> {
  const s = new StandInServer(opts);
  await s.listen();
  return {
    apiUrl: s.apiUrl,
    graphqlUrl: s.graphqlUrl,
    state: s.state,
    calls: s.calls,
    addFault: (f) => s.addFault(f),
    close: () => s.close(),
    seedReviewComment: (c) => s.seedReviewComment(c),
    seedReview: (r) => s.seedReview(r),
    seedIssueComment: (c) => s.seedIssueComment(c),
    seedCheckRun: (c) => s.seedCheckRun(c),
    threadOf: (id) => s.threadOf(id),
    writes: () =>
      s.calls.filter((c) =>
        c.route === 'POST /graphql'
          ? /^\s*mutation\b/.test(String((c.body as { query?: string } | undefined)?.query ?? ''))
          : c.method !== 'GET',
      ),
    pushCommit: (p) => s.pushCommit(p),
  };
}
