// Stage 3: what this run may post given what earlier runs posted. Keyed by fingerprint, never by line, so a
// rebase or a force-push does not repeat comments; threads a person resolved stay resolved.
import type { Finding } from '../types.js';

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

/** `stillCheckable(path)`: the file is in the head view, under `paths`, and parses — only then does a
 *  missing finding mean it was fixed (not that the file broke or left the view). */
export function planThreads(
  toComment: readonly Finding[], allHead: readonly Finding[], threads: readonly ExistingThread[], stillCheckable: (path: string) => boolean,
): ThreadPlan {
  const byFp = new Map<string, ExistingThread[]>();
  for (const t of threads) for (const fp of t.fingerprints) (byFp.get(fp) ?? byFp.set(fp, []).get(fp)!).push(t);
  const plan: ThreadPlan = { post: [], alreadyPosted: [], resolve: [] };
  for (const f of toComment) {
    const ts = byFp.get(f.fingerprint) ?? [];
    if (ts.length === 0) { plan.post.push(f); continue; }
    const open = ts.filter((t) => !t.isResolved);
    if (open.some((t) => !t.isOutdated)) { plan.alreadyPosted.push(f); continue; }
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
    if (!stillCheckable(t.path)) continue;
    plan.resolve.push(t);
  }
  return plan;
}
