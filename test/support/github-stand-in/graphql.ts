// A small GraphQL engine for the stand-in: a real parser (operations, variables, aliases, arguments, inline fragments,
// named fragments, @include/@skip) and an executor over a hand-written slice of GitHub's schema. Anything outside the
// slice is answered with GitHub-style errors ("Field 'x' doesn't exist on type 'Y'"), so a query the stand-in cannot
// serve fails loudly instead of returning plausible nulls.

import { gitBlobSha } from './diff.js';
import type { IssueComment, ReviewComment, ReviewThread, StandInState } from './types.js';

// ------------------------------------------------------------------------------------------------ parser

type Value =
  | { kind: 'var'; name: string }
  | { kind: 'lit'; value: unknown }
  | { kind: 'list'; items: Value[] }
  | { kind: 'obj'; fields: Record<string, Value> }
  | { kind: 'enum'; value: string };

interface Loc {
  line: number;
  column: number;
}

interface Directive {
  name: string;
  args: Record<string, Value>;
}

type Selection =
  | {
      kind: 'field';
      alias: string | null;
      name: string;
      args: Record<string, Value>;
      selections: Selection[] | null;
      directives: Directive[];
      loc: Loc;
    }
  | { kind: 'inline'; typeCondition: string | null; selections: Selection[]; directives: Directive[] }
  | { kind: 'spread'; name: string; directives: Directive[]; loc: Loc };

interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  name: string | null;
  variables: Array<{ name: string; type: string; defaultValue?: Value }>;
  /** names of the variables the operation's selections use (fragments included) */
  used: Set<string>;
  selections: Selection[];
}

interface Document {
  operations: Operation[];
  fragments: Map<string, { typeCondition: string; selections: Selection[] }>;
}

export class GraphqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly loc: Loc,
  ) {
    super(message);
  }
}

interface Token {
  kind: 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof';
  value: string;
  loc: Loc;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const loc = (): Loc => ({ line, column: i - lineStart + 1 });
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = loc();
    if (src.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', loc: start });
      i += 3;
      continue;
    }
    if ('!$&()/:=@[]{}|'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch, loc: start });
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      tokens.push({ kind: 'name', value: src.slice(i, j), loc: start });
      i = j;
      continue;
    }
    if (/[-0-9]/.test(ch)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw new GraphqlSyntaxError(`Parse error on "${ch}" at [${start.line}, ${start.column}]`, start);
      tokens.push({ kind: m[2] || m[3] ? 'float' : 'int', value: m[0], loc: start });
      i += m[0].length;
      continue;
    }
    if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      if (end < 0) throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start);
      const raw = src.slice(i + 3, end);
      for (const c of raw) if (c === '\n') line++;
      tokens.push({ kind: 'string', value: raw, loc: start });
      i = end + 3;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let out = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n')
          throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start);
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === 'u') {
            out += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          out +=
            ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' } as Record<string, string>)[
              e ?? ''
            ] ?? e;
          j += 2;
          continue;
        }
        out += src[j];
        j++;
      }
      if (src[j] !== '"')
        throw new GraphqlSyntaxError(`Unterminated string at [${start.line}, ${start.column}]`, start);
      tokens.push({ kind: 'string', value: out, loc: start });
      i = j + 1;
      continue;
    }
    throw new GraphqlSyntaxError(`Parse error on "${ch}" at [${start.line}, ${start.column}]`, start);
  }
  tokens.push({ kind: 'eof', value: '', loc: loc() });
  return tokens;
}

export function parseGraphql(src: string): Document {
  const t = tokenize(src);
  let p = 0;
  const peek = (): Token => t[p]!;
  const fail = (tok: Token): never => {
    const what = tok.kind === 'eof' ? 'end of file' : `"${tok.value}" (${tok.kind.toUpperCase()})`;
    throw new GraphqlSyntaxError(`Parse error on ${what} at [${tok.loc.line}, ${tok.loc.column}]`, tok.loc);
  };
  const expect = (value: string): Token => {
    const tok = peek();
    if (tok.kind !== 'punct' || tok.value !== value) fail(tok);
    p++;
    return tok;
  };
  const isPunct = (v: string): boolean => peek().kind === 'punct' && peek().value === v;
  const name = (): string => {
    const tok = peek();
    if (tok.kind !== 'name') fail(tok);
    p++;
    return tok.value;
  };

  const value = (isConst: boolean): Value => {
    const tok = peek();
    if (tok.kind === 'punct' && tok.value === '$' && !isConst) {
      p++;
      const n = name();
      usedVars.add(n);
      return { kind: 'var', name: n };
    }
    if (tok.kind === 'punct' && tok.value === '[') {
      p++;
      const items: Value[] = [];
      while (!isPunct(']')) items.push(value(isConst));
      p++;
      return { kind: 'list', items };
    }
    if (tok.kind === 'punct' && tok.value === '{') {
      p++;
      const fields: Record<string, Value> = {};
      while (!isPunct('}')) {
        const k = name();
        expect(':');
        fields[k] = value(isConst);
      }
      p++;
      return { kind: 'obj', fields };
    }
    p++;
    if (tok.kind === 'int') return { kind: 'lit', value: parseInt(tok.value, 10) };
    if (tok.kind === 'float') return { kind: 'lit', value: parseFloat(tok.value) };
    if (tok.kind === 'string') return { kind: 'lit', value: tok.value };
    if (tok.kind === 'name') {
      if (tok.value === 'true') return { kind: 'lit', value: true };
      if (tok.value === 'false') return { kind: 'lit', value: false };
      if (tok.value === 'null') return { kind: 'lit', value: null };
      return { kind: 'enum', value: tok.value };
    }
    return fail(tok);
  };

  const args = (): Record<string, Value> => {
    const out: Record<string, Value> = {};
    if (!isPunct('(')) return out;
    p++;
    while (!isPunct(')')) {
      const k = name();
      expect(':');
      out[k] = value(false);
    }
    p++;
    return out;
  };

  const directives = (): Directive[] => {
    const out: Directive[] = [];
    while (isPunct('@')) {
      p++;
      out.push({ name: name(), args: args() });
    }
    return out;
  };

  const selectionSet = (): Selection[] => {
    expect('{');
    const out: Selection[] = [];
    while (!isPunct('}')) {
      if (peek().kind === 'eof') fail(peek());
      if (isPunct('...')) {
        const at = peek().loc;
        p++;
        if (peek().kind === 'name' && peek().value === 'on') {
          p++;
          const tc = name();
          const d = directives();
          out.push({ kind: 'inline', typeCondition: tc, selections: selectionSet(), directives: d });
        } else if (peek().kind === 'name') {
          const n = name();
          out.push({ kind: 'spread', name: n, directives: directives(), loc: at });
        } else {
          const d = directives();
          out.push({ kind: 'inline', typeCondition: null, selections: selectionSet(), directives: d });
        }
        continue;
      }
      const loc = peek().loc;
      let alias: string | null = null;
      let n = name();
      if (isPunct(':')) {
        p++;
        alias = n;
        n = name();
      }
      const a = args();
      const d = directives();
      const sel = isPunct('{') ? selectionSet() : null;
      out.push({ kind: 'field', alias, name: n, args: a, selections: sel, directives: d, loc });
    }
    p++;
    return out;
  };

  const doc: Document = { operations: [], fragments: new Map() };
  const fragmentVars = new Set<string>();
  let usedVars = new Set<string>();
  while (peek().kind !== 'eof') {
    if (isPunct('{')) {
      usedVars = new Set();
      doc.operations.push({ type: 'query', name: null, variables: [], selections: selectionSet(), used: usedVars });
      continue;
    }
    const kw = name();
    if (kw === 'fragment') {
      usedVars = fragmentVars;
      const n = name();
      if (name() !== 'on') fail(t[p - 1]!);
      const tc = name();
      directives();
      doc.fragments.set(n, { typeCondition: tc, selections: selectionSet() });
      continue;
    }
    if (kw !== 'query' && kw !== 'mutation' && kw !== 'subscription') fail(t[p - 1]!);
    usedVars = new Set();
    const op: Operation = { type: kw as Operation['type'], name: null, variables: [], selections: [], used: usedVars };
    if (peek().kind === 'name') op.name = name();
    if (isPunct('(')) {
      p++;
      while (!isPunct(')')) {
        expect('$');
        const vn = name();
        expect(':');
        // type: Name, [Type], Type!
        const typeRef = (): string => {
          let t: string;
          if (isPunct('[')) {
            p++;
            t = `[${typeRef()}]`;
            expect(']');
          } else t = name();
          if (isPunct('!')) {
            p++;
            t += '!';
          }
          return t;
        };
        const v: { name: string; type: string; defaultValue?: Value } = { name: vn, type: typeRef() };
        if (isPunct('=')) {
          p++;
          v.defaultValue = value(true);
        }
        directives();
        op.variables.push(v);
      }
      p++;
    }
    directives();
    op.selections = selectionSet();
    doc.operations.push(op);
  }
  if (doc.operations.length === 0) throw new GraphqlSyntaxError('No operations given', { line: 1, column: 1 });
  for (const op of doc.operations) for (const v of fragmentVars) op.used.add(v);
  return doc;
}

// ------------------------------------------------------------------------------------------------ executor

export interface GraphqlContext {
  state: StandInState;
  login: string;
  /** Blob.text is cut at this many characters (isTruncated: true). */
  blobTextLimit?: number;
  canWritePulls: boolean;
  canReadPulls: boolean;
  textAt(rev: string, path: string): string | undefined;
  blob(sha: string): string | undefined;
  isCommit(rev: string): boolean;
  resolveRef(rev: string): string | null;
  threadOf(commentId: number): ReviewThread | undefined;
}

interface GqlError {
  message: string;
  type?: string;
  path?: Array<string | number>;
  locations?: Loc[];
  extensions?: Record<string, unknown>;
}

/** Thrown by a resolver: becomes an error with the field's path, the field resolves to null. */
class FieldError extends Error {
  constructor(
    message: string,
    readonly type?: string,
  ) {
    super(message);
  }
}

/** A query the schema slice cannot serve: the whole response is just the errors (like GitHub's validation phase). */
class ValidationError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown>,
    readonly loc?: Loc,
  ) {
    super(message);
  }
}

type Obj = { __typename: string } & Record<string, unknown>;
type Resolver = (parent: Obj, args: Record<string, unknown>, ctx: GraphqlContext) => unknown;

interface FieldDef {
  /** the field returns an object (or list/connection of objects) and needs a selection set */
  obj?: boolean;
  args?: string[];
  required?: string[];
  resolve?: Resolver;
}

interface TypeDef {
  implements?: string[];
  fields: Record<string, FieldDef>;
}

const scalar = (key?: string): FieldDef => ({ resolve: key ? (o) => o[key] : undefined });
const objField = (key: string): FieldDef => ({ obj: true, resolve: (o) => o[key] });

const CONNECTION_ARGS = ['first', 'last', 'after', 'before'];

function cursorOf(i: number): string {
  return Buffer.from(`cursor:v2:${i}`).toString('base64');
}

function indexOfCursor(c: unknown): number {
  if (typeof c !== 'string') throw new FieldError(`Argument 'after' on Field has an invalid value (${String(c)}).`);
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(c, 'base64').toString('utf8'));
  if (!m) throw new FieldError(`\`${c}\` does not appear to be a valid cursor.`);
  return Number(m[1]);
}

function connection(typeName: string, field: string, items: Obj[], args: Record<string, unknown>): Obj {
  const first = args.first as number | undefined | null;
  const last = args.last as number | undefined | null;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new FieldError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      'MISSING_PAGINATION_BOUNDARIES',
    );
  }
  for (const [k, v] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (typeof v === 'number' && (v > 100 || v < 0)) {
      throw new FieldError(
        v < 0
          ? `\`${k}\` on the \`${field}\` connection cannot be less than zero.`
          : `Requesting ${v} records on the \`${field}\` connection exceeds the \`${k}\` limit of 100 records.`,
        'EXCESSIVE_PAGINATION',
      );
    }
  }
  let start = 0;
  let end = items.length;
  if (args.after !== undefined && args.after !== null) start = indexOfCursor(args.after) + 1;
  if (args.before !== undefined && args.before !== null) end = Math.min(end, indexOfCursor(args.before));
  if (typeof first === 'number') end = Math.min(end, start + first);
  if (typeof last === 'number') start = Math.max(start, end - last);
  const nodes = items.slice(start, end);
  return {
    __typename: `${typeName}Connection`,
    nodes,
    edges: nodes.map((n, i) => ({ __typename: `${typeName}Edge`, node: n, cursor: cursorOf(start + i) })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursorOf(start) : null,
      endCursor: nodes.length ? cursorOf(end - 1) : null,
    },
    totalCount: items.length,
  };
}

function connectionTypes(typeName: string): Record<string, TypeDef> {
  return {
    [`${typeName}Connection`]: {
      fields: {
        nodes: objField('nodes'),
        edges: objField('edges'),
        pageInfo: objField('pageInfo'),
        totalCount: scalar('totalCount'),
      },
    },
    [`${typeName}Edge`]: { fields: { node: objField('node'), cursor: scalar('cursor') } },
  };
}

function actor(login: string, keepSuffix = false): Obj {
  const bot = login.endsWith('[bot]');
  return {
    __typename: bot ? 'Bot' : 'User',
    // GraphQL shows a bot author's login without the "[bot]" suffix (`viewer` keeps it)
    login: bot && !keepSuffix ? login.slice(0, -'[bot]'.length) : login,
    url: `https://github.com/${bot ? 'apps/' + login.slice(0, -5) : login}`,
    avatarUrl: 'https://avatars.githubusercontent.com/u/1',
  };
}

const threadNode = (t: ReviewThread): Obj => ({ __typename: 'PullRequestReviewThread', thread: t });
const commentNode = (c: ReviewComment): Obj => ({ __typename: 'PullRequestReviewComment', comment: c });
const thr = (o: Obj): ReviewThread => o.thread as ReviewThread;
const cmt = (o: Obj): ReviewComment => o.comment as ReviewComment;

function rootOf(t: ReviewThread, ctx: GraphqlContext): ReviewComment | undefined {
  return ctx.state.reviewComments.find((c) => c.id === t.commentIds[0]);
}

function findThread(ctx: GraphqlContext, id: unknown): ReviewThread {
  const t = ctx.state.threads.find((x) => x.id === id);
  if (!t) throw new FieldError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND');
  return t;
}

function findComment(ctx: GraphqlContext, id: unknown): ReviewComment | undefined {
  return ctx.state.reviewComments.find((x) => x.node_id === id);
}

const issueCommentNode = (c: IssueComment): Obj => ({ __typename: 'IssueComment', issueComment: c });
const icm = (o: Obj): IssueComment => o.issueComment as IssueComment;

/** A review comment or a conversation comment by node id, as the node GraphQL answers for it. */
function findMinimizable(
  ctx: GraphqlContext,
  id: unknown,
): { target: ReviewComment | IssueComment; node: Obj } | undefined {
  const rc = findComment(ctx, id);
  if (rc) return { target: rc, node: commentNode(rc) };
  const ic = ctx.state.issueComments.find((x) => x.node_id === id);
  return ic ? { target: ic, node: issueCommentNode(ic) } : undefined;
}

function requireWrite(ctx: GraphqlContext): void {
  if (!ctx.canWritePulls) throw new FieldError('Resource not accessible by integration', 'FORBIDDEN');
}

function buildSchema(): Record<string, TypeDef> {
  const repoObj = (ctx: GraphqlContext): Obj => ({
    __typename: 'Repository',
    id: 'R_kgDOstandin',
    name: ctx.state.repo,
    owner: ctx.state.owner,
  });
  const prObj = (): Obj => ({ __typename: 'PullRequest' });
  const blobObj = (oid: string, text: string, limit = Infinity): Obj => ({
    __typename: 'Blob',
    id: `B_standin${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    text: text.length > limit ? text.slice(0, limit) : text,
    byteSize: Buffer.byteLength(text),
    isBinary: false,
    isTruncated: text.length > limit,
  });
  const commitObj = (oid: string): Obj => ({
    __typename: 'Commit',
    id: `C_standin${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
  });

  return {
    Query: {
      fields: {
        repository: {
          obj: true,
          args: ['owner', 'name', 'followRenames'],
          required: ['owner', 'name'],
          resolve: (_o, a, ctx) => {
            if (a.owner !== ctx.state.owner || a.name !== ctx.state.repo) {
              throw new FieldError(
                `Could not resolve to a Repository with the name '${String(a.owner)}/${String(a.name)}'.`,
                'NOT_FOUND',
              );
            }
            return repoObj(ctx);
          },
        },
        node: {
          obj: true,
          args: ['id'],
          required: ['id'],
          resolve: (_o, a, ctx) => {
            const t = ctx.state.threads.find((x) => x.id === a.id);
            if (t) return threadNode(t);
            const c = findMinimizable(ctx, a.id);
            if (c) return c.node;
            throw new FieldError(`Could not resolve to a node with the global id of '${String(a.id)}'`, 'NOT_FOUND');
          },
        },
        viewer: { obj: true, resolve: (_o, _a, ctx) => actor(ctx.login, true) },
        rateLimit: {
          obj: true,
          args: ['dryRun'],
          resolve: () => ({
            __typename: 'RateLimit',
            cost: 1,
            limit: 5000,
            remaining: 4999,
            used: 1,
            nodeCount: 1,
            resetAt: '2030-01-01T00:00:00Z',
          }),
        },
      },
    },
    Mutation: {
      fields: {
        resolveReviewThread: {
          obj: true,
          args: ['input'],
          required: ['input'],
          resolve: (_o, a, ctx) => {
            requireWrite(ctx);
            const input = (a.input ?? {}) as { threadId?: string; clientMutationId?: string };
            const t = findThread(ctx, input.threadId);
            t.isResolved = true;
            t.resolvedBy = ctx.login;
            return {
              __typename: 'ResolveReviewThreadPayload',
              thread: threadNode(t),
              clientMutationId: input.clientMutationId ?? null,
            };
          },
        },
        unresolveReviewThread: {
          obj: true,
          args: ['input'],
          required: ['input'],
          resolve: (_o, a, ctx) => {
            requireWrite(ctx);
            const input = (a.input ?? {}) as { threadId?: string; clientMutationId?: string };
            const t = findThread(ctx, input.threadId);
            t.isResolved = false;
            t.resolvedBy = null;
            return {
              __typename: 'UnresolveReviewThreadPayload',
              thread: threadNode(t),
              clientMutationId: input.clientMutationId ?? null,
            };
          },
        },
        minimizeComment: {
          obj: true,
          args: ['input'],
          required: ['input'],
          resolve: (_o, a, ctx) => {
            requireWrite(ctx);
            const input = (a.input ?? {}) as { subjectId?: string; classifier?: string; clientMutationId?: string };
            const found = findMinimizable(ctx, input.subjectId);
            if (!found)
              throw new FieldError(
                `Could not resolve to a node with the global id of '${String(input.subjectId)}'`,
                'NOT_FOUND',
              );
            const classes = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'OUTDATED', 'DUPLICATE', 'RESOLVED', 'LOW_QUALITY'];
            if (!classes.includes(String(input.classifier)))
              throw new FieldError(
                `Argument 'classifier' has an invalid value (${String(input.classifier)}).`,
                'INVALID',
              );
            found.target.isMinimized = true;
            found.target.minimizedReason = String(input.classifier).toLowerCase();
            return {
              __typename: 'MinimizeCommentPayload',
              minimizedComment: found.node,
              clientMutationId: input.clientMutationId ?? null,
            };
          },
        },
        unminimizeComment: {
          obj: true,
          args: ['input'],
          required: ['input'],
          resolve: (_o, a, ctx) => {
            requireWrite(ctx);
            const input = (a.input ?? {}) as { subjectId?: string; clientMutationId?: string };
            const found = findMinimizable(ctx, input.subjectId);
            if (!found)
              throw new FieldError(
                `Could not resolve to a node with the global id of '${String(input.subjectId)}'`,
                'NOT_FOUND',
              );
            found.target.isMinimized = false;
            found.target.minimizedReason = null;
            return {
              __typename: 'UnminimizeCommentPayload',
              unminimizedComment: found.node,
              clientMutationId: input.clientMutationId ?? null,
            };
          },
        },
      },
    },
    ResolveReviewThreadPayload: {
      fields: { thread: objField('thread'), clientMutationId: scalar('clientMutationId') },
    },
    UnresolveReviewThreadPayload: {
      fields: { thread: objField('thread'), clientMutationId: scalar('clientMutationId') },
    },
    MinimizeCommentPayload: {
      fields: { minimizedComment: objField('minimizedComment'), clientMutationId: scalar('clientMutationId') },
    },
    UnminimizeCommentPayload: {
      fields: { unminimizedComment: objField('unminimizedComment'), clientMutationId: scalar('clientMutationId') },
    },
    RateLimit: {
      fields: Object.fromEntries(
        ['cost', 'limit', 'remaining', 'used', 'nodeCount', 'resetAt'].map((k) => [k, scalar(k)]),
      ),
    },
    Repository: {
      implements: ['Node'],
      fields: {
        id: scalar('id'),
        name: scalar('name'),
        nameWithOwner: { resolve: (o) => `${String(o.owner)}/${String(o.name)}` },
        owner: { obj: true, resolve: (o) => ({ __typename: 'User', login: o.owner }) },
        pullRequest: {
          obj: true,
          args: ['number'],
          required: ['number'],
          resolve: (_o, a, ctx) => {
            if (!ctx.canReadPulls) throw new FieldError('Resource not accessible by integration', 'FORBIDDEN');
            if (a.number !== ctx.state.pull.number) {
              throw new FieldError(
                `Could not resolve to a PullRequest with the number of ${String(a.number)}.`,
                'NOT_FOUND',
              );
            }
            return prObj();
          },
        },
        object: {
          obj: true,
          args: ['expression', 'oid'],
          resolve: (_o, a, ctx) => {
            if (typeof a.oid === 'string') {
              if (ctx.isCommit(a.oid)) return commitObj(a.oid);
              const text = ctx.blob(a.oid);
              return text === undefined ? null : blobObj(a.oid, text, ctx.blobTextLimit);
            }
            if (typeof a.expression !== 'string')
              throw new FieldError("Argument 'expression' or 'oid' is required on Field 'object'", 'INVALID');
            const i = a.expression.indexOf(':');
            if (i < 0) {
              const sha = ctx.resolveRef(a.expression);
              return sha ? commitObj(sha) : null;
            }
            const text = ctx.textAt(a.expression.slice(0, i), a.expression.slice(i + 1));
            return text === undefined ? null : blobObj(gitBlobSha(text), text, ctx.blobTextLimit);
          },
        },
      },
    },
    User: {
      implements: ['Actor', 'Node'],
      fields: {
        login: scalar('login'),
        url: scalar('url'),
        avatarUrl: { args: ['size'], resolve: (o) => o.avatarUrl },
      },
    },
    Bot: {
      implements: ['Actor', 'Node'],
      fields: {
        login: scalar('login'),
        url: scalar('url'),
        avatarUrl: { args: ['size'], resolve: (o) => o.avatarUrl },
      },
    },
    Blob: {
      implements: ['GitObject', 'Node'],
      fields: Object.fromEntries(
        ['id', 'oid', 'abbreviatedOid', 'text', 'byteSize', 'isBinary', 'isTruncated'].map((k) => [k, scalar(k)]),
      ),
    },
    Commit: {
      implements: ['GitObject', 'Node'],
      fields: Object.fromEntries(['id', 'oid', 'abbreviatedOid'].map((k) => [k, scalar(k)])),
    },
    PageInfo: {
      fields: Object.fromEntries(
        ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].map((k) => [k, scalar(k)]),
      ),
    },
    PullRequest: {
      implements: ['Node'],
      fields: {
        id: { resolve: (_o, _a, ctx) => `PR_kwDOstandin${ctx.state.pull.number}` },
        number: { resolve: (_o, _a, ctx) => ctx.state.pull.number },
        title: { resolve: (_o, _a, ctx) => ctx.state.pull.title },
        body: { resolve: (_o, _a, ctx) => ctx.state.pull.body ?? '' },
        state: { resolve: (_o, _a, ctx) => (ctx.state.pull.merged ? 'MERGED' : ctx.state.pull.state.toUpperCase()) },
        isDraft: { resolve: (_o, _a, ctx) => ctx.state.pull.draft },
        isCrossRepository: { resolve: (_o, _a, ctx) => ctx.state.pull.fork },
        headRefOid: { resolve: (_o, _a, ctx) => ctx.state.pull.head.sha },
        headRefName: { resolve: (_o, _a, ctx) => ctx.state.pull.head.ref },
        baseRefOid: { resolve: (_o, _a, ctx) => ctx.state.pull.base.sha },
        baseRefName: { resolve: (_o, _a, ctx) => ctx.state.pull.base.ref },
        author: { obj: true, resolve: (_o, _a, ctx) => actor(ctx.state.pull.user.login) },
        reviewThreads: {
          obj: true,
          args: CONNECTION_ARGS,
          resolve: (_o, a, ctx) =>
            connection('PullRequestReviewThread', 'reviewThreads', ctx.state.threads.map(threadNode), a),
        },
        comments: {
          obj: true,
          args: CONNECTION_ARGS,
          resolve: (_o, a, ctx) =>
            connection('IssueComment', 'comments', ctx.state.issueComments.map(issueCommentNode), a),
        },
        files: {
          obj: true,
          args: CONNECTION_ARGS,
          resolve: (_o, a, ctx) =>
            connection(
              'PullRequestChangedFile',
              'files',
              ctx.state.files.map((f) => ({ __typename: 'PullRequestChangedFile', file: f })),
              a,
            ),
        },
      },
    },
    PullRequestChangedFile: {
      fields: {
        path: { resolve: (o) => (o.file as { filename: string }).filename },
        additions: { resolve: (o) => (o.file as { additions?: number }).additions ?? 0 },
        deletions: { resolve: (o) => (o.file as { deletions?: number }).deletions ?? 0 },
        changeType: {
          resolve: (o) =>
            ({
              added: 'ADDED',
              removed: 'DELETED',
              modified: 'MODIFIED',
              renamed: 'RENAMED',
              copied: 'COPIED',
              changed: 'CHANGED',
              unchanged: 'MODIFIED',
            })[(o.file as { status: string }).status],
        },
      },
    },
    ...connectionTypes('PullRequestChangedFile'),
    ...connectionTypes('IssueComment'),
    IssueComment: {
      implements: ['Node', 'Comment', 'Minimizable'],
      fields: {
        id: { resolve: (o) => icm(o).node_id },
        databaseId: { resolve: (o) => icm(o).id },
        fullDatabaseId: { resolve: (o) => String(icm(o).id) },
        body: { resolve: (o) => icm(o).body },
        bodyText: { resolve: (o) => icm(o).body },
        author: { obj: true, resolve: (o) => actor(icm(o).user.login) },
        createdAt: { resolve: (o) => icm(o).created_at },
        updatedAt: { resolve: (o) => icm(o).updated_at },
        isMinimized: { resolve: (o) => icm(o).isMinimized },
        minimizedReason: { resolve: (o) => icm(o).minimizedReason },
        viewerDidAuthor: { resolve: (o, _a, ctx) => icm(o).user.login === ctx.login },
        url: {
          resolve: (o, _a, ctx) =>
            `https://github.com/${ctx.state.owner}/${ctx.state.repo}/pull/${ctx.state.pull.number}#issuecomment-${icm(o).id}`,
        },
      },
    },
    ...connectionTypes('PullRequestReviewThread'),
    ...connectionTypes('PullRequestReviewComment'),
    PullRequestReviewThread: {
      implements: ['Node'],
      fields: {
        id: { resolve: (o) => thr(o).id },
        isResolved: { resolve: (o) => thr(o).isResolved },
        isOutdated: { resolve: (o) => thr(o).isOutdated },
        isCollapsed: { resolve: (o) => thr(o).isResolved },
        resolvedBy: { obj: true, resolve: (o) => (thr(o).resolvedBy ? actor(thr(o).resolvedBy!) : null) },
        viewerCanResolve: { resolve: (o, _a, ctx) => ctx.canWritePulls && !thr(o).isResolved },
        viewerCanUnresolve: { resolve: (o, _a, ctx) => ctx.canWritePulls && thr(o).isResolved },
        viewerCanReply: { resolve: (_o, _a, ctx) => ctx.canWritePulls },
        path: { resolve: (o) => thr(o).path },
        line: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.line ?? null },
        originalLine: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.original_line ?? null },
        startLine: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.start_line ?? null },
        originalStartLine: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.original_start_line ?? null },
        diffSide: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.side ?? 'RIGHT' },
        startDiffSide: { resolve: (o, _a, ctx) => rootOf(thr(o), ctx)?.start_side ?? null },
        subjectType: { resolve: (o, _a, ctx) => (rootOf(thr(o), ctx)?.subject_type === 'file' ? 'FILE' : 'LINE') },
        comments: {
          obj: true,
          args: [...CONNECTION_ARGS, 'skip'],
          resolve: (o, a, ctx) => {
            const list = thr(o)
              .commentIds.map((id) => ctx.state.reviewComments.find((c) => c.id === id))
              .filter((c): c is ReviewComment => !!c);
            const skip = typeof a.skip === 'number' ? a.skip : 0;
            return connection('PullRequestReviewComment', 'comments', list.slice(skip).map(commentNode), a);
          },
        },
      },
    },
    PullRequestReviewComment: {
      implements: ['Node', 'Comment', 'Minimizable'],
      fields: {
        id: { resolve: (o) => cmt(o).node_id },
        databaseId: { resolve: (o) => cmt(o).id },
        fullDatabaseId: { resolve: (o) => String(cmt(o).id) },
        body: { resolve: (o) => cmt(o).body },
        bodyText: { resolve: (o) => cmt(o).body },
        author: { obj: true, resolve: (o) => actor(cmt(o).user.login) },
        path: { resolve: (o) => cmt(o).path },
        line: { resolve: (o) => cmt(o).line },
        originalLine: { resolve: (o) => cmt(o).original_line },
        startLine: { resolve: (o) => cmt(o).start_line },
        originalStartLine: { resolve: (o) => cmt(o).original_start_line },
        outdated: { resolve: (o, _a, ctx) => ctx.threadOf(cmt(o).id)?.isOutdated ?? false },
        diffHunk: { resolve: (o) => cmt(o).diff_hunk },
        createdAt: { resolve: (o) => cmt(o).created_at },
        updatedAt: { resolve: (o) => cmt(o).updated_at },
        url: {
          resolve: (o, _a, ctx) =>
            `https://github.com/${ctx.state.owner}/${ctx.state.repo}/pull/${ctx.state.pull.number}#discussion_r${cmt(o).id}`,
        },
        isMinimized: { resolve: (o) => cmt(o).isMinimized },
        minimizedReason: { resolve: (o) => cmt(o).minimizedReason },
        viewerDidAuthor: { resolve: (o, _a, ctx) => cmt(o).user.login === ctx.login },
        viewerCanUpdate: { resolve: (_o, _a, ctx) => ctx.canWritePulls },
        viewerCanDelete: { resolve: (_o, _a, ctx) => ctx.canWritePulls },
        viewerCanMinimize: { resolve: (_o, _a, ctx) => ctx.canWritePulls },
        replyTo: {
          obj: true,
          resolve: (o, _a, ctx) => {
            const id = cmt(o).in_reply_to_id;
            const c = id === undefined ? undefined : ctx.state.reviewComments.find((x) => x.id === id);
            return c ? commentNode(c) : null;
          },
        },
        commit: { obj: true, resolve: (o) => commitObj(cmt(o).commit_id) },
        originalCommit: { obj: true, resolve: (o) => commitObj(cmt(o).original_commit_id) },
        pullRequestReview: {
          obj: true,
          resolve: (o) =>
            cmt(o).pull_request_review_id === null
              ? null
              : {
                  __typename: 'PullRequestReview',
                  id: `PRR_kwDOstandin${cmt(o).pull_request_review_id}`,
                  databaseId: cmt(o).pull_request_review_id,
                },
        },
      },
    },
    PullRequestReview: { implements: ['Node'], fields: { id: scalar('id'), databaseId: scalar('databaseId') } },
  };
}

let schemaCache: Record<string, TypeDef> | undefined;

/** A value of a declared variable type ('Int!', 'String', '[ID!]!'…) for the scalars the schema slice uses. */
function fitsType(value: unknown, type: string): boolean {
  const nonNull = type.endsWith('!');
  const t = nonNull ? type.slice(0, -1) : type;
  if (value === null || value === undefined) return !nonNull;
  if (t.startsWith('['))
    return Array.isArray(value) ? value.every((v) => fitsType(v, t.slice(1, -1))) : fitsType(value, t.slice(1, -1));
  switch (t) {
    case 'Int':
      return Number.isInteger(value);
    case 'Float':
      return typeof value === 'number';
    case 'String':
    case 'ID':
    case 'GitObjectID':
    case 'URI':
    case 'DateTime':
      return typeof value === 'string' || (t === 'ID' && Number.isInteger(value));
    case 'Boolean':
      return typeof value === 'boolean';
    default:
      return true; // input objects and enums: not checked
  }
}

/** GitHub's checks of an operation's variables: declared where used, used where declared, values of the right type. */
function checkVariables(op: Operation, vars: Record<string, unknown>): GqlError[] {
  const errors: GqlError[] = [];
  const label = op.name ?? 'anonymous ' + op.type;
  const declared = new Set(op.variables.map((v) => v.name));
  for (const u of op.used) {
    if (!declared.has(u))
      errors.push({
        message: `Variable $${u} is used by ${label} but not declared`,
        extensions: { code: 'variableNotDefined', variableName: u },
      });
  }
  for (const v of op.variables) {
    if (!op.used.has(v.name))
      errors.push({
        message: `Variable $${v.name} is declared by ${label} but not used`,
        extensions: { code: 'variableNotUsed', variableName: v.name },
      });
    else if (!fitsType(vars[v.name], v.type)) {
      errors.push({
        message: `Variable $${v.name} of type ${v.type} was provided invalid value`,
        extensions: {
          value: vars[v.name] ?? null,
          problems: [
            {
              path: [],
              explanation:
                vars[v.name] === undefined ? 'Expected value to not be null' : `Could not coerce value to ${v.type}`,
            },
          ],
        },
      });
    }
  }
  return errors;
}

function resolveValue(v: Value, vars: Record<string, unknown>): unknown {
  switch (v.kind) {
    case 'var':
      return vars[v.name];
    case 'lit':
      return v.value;
    case 'enum':
      return v.value;
    case 'list':
      return v.items.map((i) => resolveValue(i, vars));
    case 'obj':
      return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, resolveValue(x, vars)]));
  }
}

function included(ds: Directive[], vars: Record<string, unknown>): boolean {
  for (const d of ds) {
    if (d.name === 'include' && resolveValue(d.args.if ?? { kind: 'lit', value: true }, vars) === false) return false;
    if (d.name === 'skip' && resolveValue(d.args.if ?? { kind: 'lit', value: false }, vars) === true) return false;
  }
  return true;
}

export interface GraphqlResult {
  status?: number;
  body: { data?: unknown; errors?: GqlError[] };
}

/** Executes a GraphQL request against the stand-in state. Always HTTP 200 unless the request itself is malformed. */
export function executeGraphql(
  query: string,
  variables: Record<string, unknown>,
  operationName: string | null,
  ctx: GraphqlContext,
): GraphqlResult {
  if (!query)
    return {
      status: 400,
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
    };
  let doc: Document;
  try {
    doc = parseGraphql(query);
  } catch (e) {
    if (e instanceof GraphqlSyntaxError) return { body: { errors: [{ message: e.message, locations: [e.loc] }] } };
    throw e;
  }
  const op = operationName
    ? doc.operations.find((o) => o.name === operationName)
    : doc.operations.length === 1
      ? doc.operations[0]
      : undefined;
  if (!op) {
    return {
      body: {
        errors: [
          { message: operationName ? `No operation named "${operationName}"` : 'An operation name is required' },
        ],
      },
    };
  }
  if (op.type === 'subscription') return { body: { errors: [{ message: 'Subscriptions are not supported' }] } };
  const vars: Record<string, unknown> = { ...variables };
  for (const v of op.variables)
    if (!(v.name in vars) && v.defaultValue) vars[v.name] = resolveValue(v.defaultValue, {});
  const varErrors = checkVariables(op, vars);
  if (varErrors.length) return { body: { errors: varErrors } };
  const schema = (schemaCache ??= buildSchema());
  const errors: GqlError[] = [];
  const isA = (obj: Obj, typeCondition: string | null): boolean => {
    if (!typeCondition || typeCondition === obj.__typename) return true;
    return (schema[obj.__typename]?.implements ?? []).includes(typeCondition);
  };

  const collect = (obj: Obj, sels: Selection[], out: Array<Extract<Selection, { kind: 'field' }>>): void => {
    for (const s of sels) {
      if (!included(s.directives, vars)) continue;
      if (s.kind === 'field') out.push(s);
      else if (s.kind === 'inline') {
        if (isA(obj, s.typeCondition)) collect(obj, s.selections, out);
      } else {
        const f = doc.fragments.get(s.name);
        if (!f)
          throw new ValidationError(
            `Fragment ${s.name} was used, but not defined`,
            { code: 'useAndDefineFragment', fragmentName: s.name },
            s.loc,
          );
        if (isA(obj, f.typeCondition)) collect(obj, f.selections, out);
      }
    }
  };

  const execObject = (obj: Obj, sels: Selection[], path: Array<string | number>): Record<string, unknown> => {
    const fields: Array<Extract<Selection, { kind: 'field' }>> = [];
    collect(obj, sels, fields);
    const out: Record<string, unknown> = {};
    const type = schema[obj.__typename];
    for (const f of fields) {
      const key = f.alias ?? f.name;
      if (f.name === '__typename') {
        out[key] = obj.__typename;
        continue;
      }
      const def = type?.fields[f.name];
      if (!def) {
        throw new ValidationError(
          `Field '${f.name}' doesn't exist on type '${obj.__typename}'`,
          { code: 'undefinedField', typeName: obj.__typename, fieldName: f.name },
          f.loc,
        );
      }
      const args: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(f.args)) {
        if (!(def.args ?? []).includes(k)) {
          throw new ValidationError(
            `Field '${f.name}' doesn't accept argument '${k}'`,
            { code: 'argumentNotAccepted', name: f.name, typeName: 'Field', argumentName: k },
            f.loc,
          );
        }
        args[k] = resolveValue(v, vars);
      }
      const missing = (def.required ?? []).filter((k) => args[k] === undefined);
      if (missing.length) {
        throw new ValidationError(
          `Field '${f.name}' is missing required arguments: ${missing.join(', ')}`,
          { code: 'missingRequiredArguments', className: 'Field', name: f.name, arguments: missing.join(', ') },
          f.loc,
        );
      }
      if (def.obj && !f.selections) {
        throw new ValidationError(
          `Field must have selections (field '${f.name}' returns an object but has no selections. Did you mean '${f.name} { ... }'?)`,
          { code: 'selectionMismatch', nodeName: `field '${f.name}'` },
          f.loc,
        );
      }
      if (!def.obj && f.selections) {
        throw new ValidationError(
          `Selections can't be made on scalars (field '${f.name}' returns a scalar but has selections [${f.selections.length}])`,
          { code: 'selectionMismatch', nodeName: `field '${f.name}'` },
          f.loc,
        );
      }
      const fieldPath = [...path, key];
      let value: unknown;
      try {
        value = def.resolve ? def.resolve(obj, args, ctx) : obj[f.name];
      } catch (e) {
        if (e instanceof FieldError) {
          errors.push({ type: e.type, path: fieldPath, locations: [f.loc], message: e.message });
          out[key] = null;
          continue;
        }
        throw e;
      }
      out[key] = def.obj ? execValue(value, f.selections!, fieldPath) : (value ?? null);
    }
    return out;
  };

  const execValue = (value: unknown, sels: Selection[], path: Array<string | number>): unknown => {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.map((v, i) => execValue(v, sels, [...path, i]));
    return execObject(value as Obj, sels, path);
  };

  // A mutation request that turns out invalid must change nothing (GitHub validates before executing).
  const snapshot =
    op.type === 'mutation'
      ? {
          threads: structuredClone(ctx.state.threads),
          comments: structuredClone(ctx.state.reviewComments),
          issueComments: structuredClone(ctx.state.issueComments),
        }
      : null;
  try {
    const root: Obj = { __typename: op.type === 'mutation' ? 'Mutation' : 'Query' };
    const data = execObject(root, op.selections, []);
    return { body: errors.length ? { data, errors } : { data } };
  } catch (e) {
    if (e instanceof ValidationError) {
      if (snapshot) {
        ctx.state.threads.forEach((t, i) => Object.assign(t, snapshot.threads[i]));
        ctx.state.reviewComments.forEach((c, i) => Object.assign(c, snapshot.comments[i]));
        ctx.state.issueComments.forEach((c, i) => Object.assign(c, snapshot.issueComments[i]));
      }
      return {
        body: { errors: [{ path: [], extensions: e.extensions, locations: e.loc ? [e.loc] : [], message: e.message }] },
      };
    }
    throw e;
  }
}
