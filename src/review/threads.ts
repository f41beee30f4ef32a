// Stage 3: what this run may post given what earlier runs posted. Keyed by fingerprint, never by line, so a
// rebase or a force-push does not repeat comments; threads a person resolved stay resolved.
import type { Finding } from '../types.js';
import { resourceIn } from './markdown.js';

export interface ExistingThread {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  line: number | null;
  originalLine: number | null;
  /** True when the thread was resolved by the same account that opened it (this bot). */
  resolvedByBot: boolean;
  /** Fingerprints in the bot's first comment of the thread. */
  fingerprints: string[];
  /** The bot's first comment (REST id and body), for editing when resolving is refused. */
  commentId: number | null;
  commentBody: string;
}

export interface ThreadPlan {
  post: Finding[];
  /** Already commented in an open thread (or a person resolved it): not posted again. */
  alreadyPosted: Finding[];
  /** Bot threads whose finding is gone: resolve (or mark fixed). */
  resolve: ExistingThread[];
}

/** What the head view holds, to tell a fixed finding from one that can no longer be checked. */
export interface HeadFacts {
  /** Keys (resourceKey) of the resources in the head view. */
  resources: ReadonlySet<string>;
  /** Files in the head view. */
  files: ReadonlySet<string>;
  /** Files with a part that does not parse. */
  broken: ReadonlySet<string>;
}

/**
 * Whether a thread's finding, now absent, was fixed — judged per resource. When the resource the comment is
 * about is still in the head view, it was checked and the finding is gone: fixed (even if another document of
 * its file broke). When the resource is gone, it was removed (fixed) only if its file is still in the view and
 * parses whole; otherwise it may sit in the broken part, and nothing can be said. Comments without a resource
 * marker (file-level findings, older comments) are judged by their file.
 */
export function fixIsObservable(t: ExistingThread, head: HeadFacts): boolean {
  const res = resourceIn(t.commentBody);
  if (res !== null && head.resources.has(res)) return true;
  return head.files.has(t.path) && !head.broken.has(t.path);
}

/** `stillCheckable(thread)`: a missing finding means it was fixed (see fixIsObservable). */
export function planThreads(
  toComment: readonly Finding[],
  allHead: readonly Finding[],
  threads: readonly ExistingThread[],
  stillCheckable: (thread: ExistingThread) => boolean,
): ThreadPlan {
  const byFp = new Map<string, ExistingThread[]>();
  for (const t of threads) for (const fp of t.fingerprints) (byFp.get(fp) ?? byFp.set(fp, []).get(fp)!).push(t);
  const plan: ThreadPlan = { post: [], alreadyPosted: [], resolve: [] };
  for (const f of toComment) {
    const ts = byFp.get(f.fingerprint) ?? [];
    if (ts.length === 0) {
      plan.post.push(f);
      continue;
    }
    const open = ts.filter((t) => !t.isResolved);
    if (open.some((t) => !t.isOutdated)) {
      plan.alreadyPosted.push(f);
      continue;
    }
    if (open.length > 0) {
      // Outdated: re-anchor only when the finding moved away from where the thread was.
      // The thread was anchored at the finding's line, or at the end of its fix's range (a suggestion).
      const anchors = new Set([`${f.file}:${f.line}`, ...(f.fix ? [`${f.fix.file}:${f.fix.endLine}`] : [])]);
      const moved = open.every((t) => t.originalLine !== null && !anchors.has(`${t.path}:${t.originalLine}`));
      (moved ? plan.post : plan.alreadyPosted).push(f);
      continue;
    }
    // Every thread is resolved: a person's decision stands; one this bot resolved came back.
    if (ts.some((t) => !t.resolvedByBot)) plan.alreadyPosted.push(f);
    else plan.post.push(f);
  }
  const present = new Set(allHead.map((f) => f.fingerprint));
  for (const t of threads) {
    if (t.isResolved || t.fingerprints.length === 0) continue;
    if (t.fingerprints.some((fp) => present.has(fp))) continue;
    if (!stillCheckable(t)) continue;
    plan.resolve.push(t);
  }
  return plan;
}
