// Publishing a review on GitHub (the ReviewPublisher for the Action): one review with the line comments, the sticky
// summary comment, a check run with annotations (or workflow-command annotations), the job summary, the step
// outputs, SARIF and the exit status — all from one conclusion.
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import type { Finding } from '../types.js';
import { reachesThreshold } from '../types.js';
import { logLine } from '../util/escape.js';
import { toSarif } from '../output/sarif.js';
import { ALL_RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import type { ReviewPlan } from '../review/pipeline.js';
import type { InlineComment } from '../review/placement.js';
import type { Conclusion, ReviewPublisher, ReviewResult } from '../review/publisher.js';
import { countsText, summaryMarkdown, type Counts } from '../review/summary.js';
import { escapeMarkdown, runMarker, safeUrl, summaryCommentBody } from '../review/markdown.js';
import type { Introduced } from '../review/introduced.js';
import { isForbidden, messageOf, ReadOnlyTokenError, statusOf, type CheckAnnotation, type GitHubApi } from './api.js';
import type { Inputs } from './inputs.js';
import { linker, type Env } from './event.js';

export const FORK_HELP =
  'This token may not write to the pull request (GitHub answered 403: pull requests from forks and ' +
  'Dependabot get a read-only token under `pull_request`). The findings are in the job summary and the annotations. ' +
  'To get review comments on such pull requests, run istio-review from a workflow triggered by `pull_request_target` ' +
  '(see the README, "Pull requests from forks and Dependabot"): that is safe for this Action because it checks out the base branch and only reads the pull ' +
  "request's files as data, never running them.";

function zero(): Counts {
  return { error: 0, warning: 0, info: 0 };
}

const LEVEL = { error: 'failure', warning: 'warning', info: 'notice' } as const;

type PlanAnchors = ReviewPlan['anchors'];

interface PublishInput {
  plan: ReviewPlan | null;
  /** Findings that are not line comments (annotated on the check run). */
  outside: readonly Finding[];
  resolved: number;
  /** New findings (those that can fail the check). */
  fresh: readonly Finding[];
  /** No review ran: only an existing summary is updated, none is created. */
  onlyUpdateSummary: boolean;
  /** Where each inline comment sits (the summary links to it). */
  anchors?: PlanAnchors;
}

export class Publisher implements ReviewPublisher {
  /** The pull request's number, once read from the event; null on a push (no review, no summary comment). */
  pullRequest: number | null = null;
  readOnly = false;
  notes: string[] = [];
  /** Why the review is not complete (files not listed or not read): the check can then not succeed. */
  incomplete: string[] = [];
  /** The account this token writes as, once known (GraphQL viewer, or the author of what the bot posted). */
  bot: string | null = null;
  /** The pull request changes what is checked: the summary comment must say so even when nothing is found. */
  changesWhatIsChecked = false;

  constructor(
    readonly api: GitHubApi,
    readonly inputs: Inputs,
    readonly env: Env,
    readonly headSha: string,
  ) {}

  /** Run a write; a 403 switches to read-only mode (annotations and job summary only) and rethrows. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readOnly) throw new ReadOnlyTokenError();
    try {
      return await fn();
    } catch (err) {
      if (isForbidden(err)) this.markReadOnly(err);
      throw err;
    }
  }

  private markReadOnly(err: unknown): void {
    if (this.readOnly) return;
    this.readOnly = true;
    core.warning(`${logLine(messageOf(err))}. ${FORK_HELP}`);
    this.notes.push(`ℹ️ ${FORK_HELP}`);
  }

  /** The summary's list of what the pull request changes about what is checked. */
  listIntroduced(items: readonly Introduced[], counted: boolean): void {
    if (items.length === 0) return;
    // Only a change that hides findings opens a summary comment by itself; the rest are listed wherever the summary goes.
    if (items.some((i) => i.suppresses)) this.changesWhatIsChecked = true;
    const lines = ['**This pull request changes what is checked** (compared with its base branch):', ''];
    for (const i of items.slice(0, 50))
      lines.push(
        `- [${escapeMarkdown(i.file)}:${i.line}](${safeUrl(linker(this.env, this.headSha)(i.file, i.line))}): ${escapeMarkdown(i.text)}`,
      );
    if (items.length > 50) lines.push(`- …and ${items.length - 50} more.`);
    lines.push(
      '',
      counted
        ? 'Each one that hides findings is reported as a finding (`allow-new-suppressions: false`).'
        : "A reviewer should confirm each one: they apply to this pull request's own check (set `allow-new-suppressions: false` to make them findings).",
    );
    this.notes.push(lines.join('\n'));
  }

  /** The account this token writes as; asked of GitHub once, when first needed. */
  async identity(): Promise<string | null> {
    if (this.bot) return this.bot;
    try {
      this.bot = await this.api.viewerLogin();
    } catch (err) {
      core.warning(`Could not tell which account this token writes as: ${logLine(messageOf(err))}`);
    }
    return this.bot;
  }

  /** New findings that reach fail-on. */
  failing(fresh: readonly Finding[]): Finding[] {
    return fresh.filter((f) => reachesThreshold(f.severity, this.inputs.failOn));
  }

  conclusion(failing: readonly Finding[]): Conclusion {
    if (failing.length > 0) return 'failure';
    if (this.incomplete.length > 0) return this.inputs.onIncomplete;
    return 'success';
  }

  /** Everything a finished review leaves behind, in an order where a late failure cannot contradict an earlier
   *  write: the summary comment, then the check run, then the job summary, outputs and exit status — all from one
   *  conclusion. A write that fails is reported in the ones that follow, never thrown past them. */
  async publish(p: PublishInput): Promise<void> {
    const failing = this.failing(p.fresh);
    const conclusion = this.conclusion(failing);
    const reported = p.plan?.reported ?? [];
    const newCounts = p.plan?.newCounts ?? zero();
    const md = (notAnnotated: number) =>
      summaryMarkdown({
        reported,
        where: p.plan?.where ?? new Map(),
        preExisting: p.plan?.preExistingCounts ?? zero(),
        resolved: p.resolved,
        notAnnotated,
        notes: this.notes,
        incomplete: this.incomplete,
        link: linker(this.env, this.headSha),
        headSha: this.headSha,
        runUrl: this.env.runUrl,
        ...(p.anchors ? { anchors: p.anchors } : {}),
        notManifests: p.plan?.notManifests.length ?? 0,
      });
    const expectedNotAnnotated = Math.max(0, p.outside.length - MAX_ANNOTATIONS);
    // Findings below comment-level alone do not open a conversation: they are in the check run and the job summary.
    const worthAComment =
      reported.some((f) => reachesThreshold(f.severity, this.inputs.commentLevel)) ||
      p.resolved > 0 ||
      this.incomplete.length > 0 ||
      this.changesWhatIsChecked;
    const result: ReviewResult = {
      reported,
      newCounts,
      preExistingCounts: p.plan?.preExistingCounts ?? zero(),
      failing,
      conclusion,
    };
    await this.summary(md(expectedNotAnnotated), !p.onlyUpdateSummary && worthAComment);
    const notAnnotated = await this.annotations(md(expectedNotAnnotated), p.outside, result);
    await this.outputs(md(notAnnotated), result);
  }

  /** One review (event COMMENT) with every line comment. Refused (422), forbidden (403) or failing (5xx,
   *  timeouts): all of them are handed back, for the summary and the check run. */
  async lineComments(comments: readonly InlineComment[], reported: number): Promise<readonly InlineComment[]> {
    const number = this.pullRequest;
    if (comments.length === 0 || number === null) return comments;
    try {
      const author = await this.write(() =>
        this.api.createReview(
          number,
          this.headSha,
          reviewBody(comments.length, reported, this.env.runId),
          comments,
          this.env.runId,
          this.bot,
        ),
      );
      this.bot ??= author;
      core.info(`Posted a review with ${comments.length} comment(s).`);
      return [];
    } catch (err) {
      if (statusOf(err) === 422) {
        core.warning(
          `GitHub refused the review's line comments (${logLine(messageOf(err))}); they are listed in the summary instead.`,
        );
        this.notes.push("GitHub refused this run's line comments, so every finding is listed here instead.");
      } else if (!this.readOnly) {
        core.warning(
          `Could not post the review (${logLine(messageOf(err))}); its line comments are listed in the summary instead.`,
        );
        this.notes.push(
          `The review with this run's line comments could not be posted (${escapeMarkdown(messageOf(err))}), so every finding is listed here instead.`,
        );
      }
      return comments;
    }
  }

  /** The sticky summary comment on the pull request (none on a push, none once the token proved read-only). */
  async summary(markdown: string, create: boolean): Promise<void> {
    if (this.pullRequest !== null && !this.readOnly) await this.writeSummaryComment(this.pullRequest, markdown, create);
  }

  /** The check run with its annotations, from the result's conclusion. */
  async annotations(markdown: string, findings: readonly Finding[], result: ReviewResult): Promise<number> {
    return this.annotate(markdown, findings, result.conclusion, result.newCounts, result.reported.length);
  }

  async outputs(markdown: string, result: ReviewResult): Promise<void> {
    return this.finish(markdown, result.newCounts, result.reported, result.failing, result.conclusion);
  }

  private async writeSummaryComment(number: number, md: string, createIfMissing: boolean): Promise<void> {
    const body = summaryCommentBody(md, this.env.runId);
    try {
      const existing = await this.api.findSummaryComment(number, () => this.identity());
      if (existing) await this.write(() => this.api.updateSummaryComment(existing.id, body));
      else if (createIfMissing) {
        const author = await this.write(() => this.api.createSummaryComment(number, body, this.env.runId, this.bot));
        this.bot ??= author;
      }
    } catch (err) {
      if (this.readOnly) return;
      core.warning(`Could not write the summary comment: ${logLine(messageOf(err))}`);
      this.notes.push(
        `The summary comment on the pull request could not be written (${escapeMarkdown(messageOf(err))}); this check run and the job summary hold the result.`,
      );
    }
  }

  /** A completed check run with annotations (at most MAX_ANNOTATIONS), else workflow-command annotations.
   *  Returns how many findings could not be annotated. */
  private async annotate(
    md: string,
    toAnnotate: readonly Finding[],
    conclusion: Conclusion,
    newCounts: Counts,
    reportedCount: number,
  ): Promise<number> {
    const capped = toAnnotate.slice(0, MAX_ANNOTATIONS);
    const annotations: CheckAnnotation[] = capped.map((f) => ({
      path: f.file,
      start_line: Math.max(1, f.line),
      end_line: Math.max(1, f.line),
      annotation_level: LEVEL[f.severity],
      message: f.message.slice(0, 60000),
      title: `${f.rule}${f.istioCode ? ` (${f.istioCode})` : ''}`,
    }));
    let checked = false;
    if (!this.readOnly) {
      try {
        await this.api.createCheckRun({
          name: this.inputs.checkName,
          headSha: this.headSha,
          conclusion,
          title:
            this.incomplete.length > 0 && reportedCount === 0
              ? 'Review incomplete'
              : reportedCount === 0
                ? 'No new Istio problems'
                : `${countsText(newCounts)} new`,
          summary: md.slice(0, 65000),
          detailsUrl: this.env.runUrl,
          externalId: this.env.runId,
          annotations,
        });
        checked = true;
      } catch (err) {
        // Without `checks: write` the other writes may still work: fall back to workflow-command annotations only.
        core.warning(
          `Could not create the check run (${logLine(messageOf(err))}); annotating through the workflow log instead.` +
            (isForbidden(err) ? ' Grant `checks: write` to get a check run with every annotation.' : ''),
        );
      }
    }
    if (checked) return toAnnotate.length - capped.length;
    return toAnnotate.length > 0 ? workflowAnnotations(toAnnotate) : 0;
  }

  /** Job summary, outputs, SARIF, exit status — from the same conclusion as the check run. */
  private async finish(
    md: string,
    newCounts: Counts,
    reported: readonly Finding[],
    failing: readonly Finding[],
    conclusion: Conclusion,
  ): Promise<void> {
    if (process.env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(md.slice(0, 1_000_000), true).write();
      } catch (err) {
        core.warning(`Could not write the job summary: ${logLine(messageOf(err))}`);
      }
    }
    core.setOutput('errors', newCounts.error);
    core.setOutput('warnings', newCounts.warning);
    core.setOutput('infos', newCounts.info);
    core.setOutput('conclusion', conclusion);
    if (this.inputs.sarifFile) {
      try {
        fs.mkdirSync(path.dirname(path.resolve(this.inputs.sarifFile)), { recursive: true });
        fs.writeFileSync(this.inputs.sarifFile, JSON.stringify(toSarif(reported, ALL_RULES, VERSION), null, 2));
        core.setOutput('sarif-file', this.inputs.sarifFile);
      } catch (err) {
        core.warning(`Could not write the SARIF file: ${logLine(messageOf(err))}`);
      }
    }
    core.info(`GitHub API calls: ${this.api.calls}.`);
    for (const f of reported) core.info(`${f.severity}: ${logLine(`${f.file}:${f.line}: ${f.rule}: ${f.message}`)}`);
    for (const why of this.incomplete) core.warning(`Review incomplete: ${logLine(why)}`);
    if (failing.length > 0)
      core.setFailed(`istio-review: ${failing.length} new finding(s) at or above "${this.inputs.failOn}".`);
    else if (conclusion === 'failure')
      core.setFailed(`istio-review: the review is incomplete (${logLine(this.incomplete.join(' '))})`);
  }

  /** The run could not finish: a failing check run that says why, the job summary, outputs, a failed step. */
  async failClosed(err: unknown): Promise<void> {
    const msg = err instanceof Error ? err.message : String(err);
    this.incomplete.push(`istio-review stopped before it could finish the review: ${msg}`);
    const md = summaryMarkdown({
      reported: [],
      where: new Map(),
      preExisting: zero(),
      resolved: 0,
      notAnnotated: 0,
      notes: this.notes,
      incomplete: this.incomplete,
      link: linker(this.env, this.headSha),
      headSha: this.headSha,
      runUrl: this.env.runUrl,
    });
    if (!this.readOnly) {
      try {
        await this.api.createCheckRun({
          name: this.inputs.checkName,
          headSha: this.headSha,
          conclusion: 'failure',
          title: 'Review failed',
          summary: md.slice(0, 65000),
          detailsUrl: this.env.runUrl,
          externalId: this.env.runId,
          annotations: [],
        });
      } catch (e) {
        core.warning(`Could not create the check run: ${logLine(messageOf(e))}`);
      }
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(md, true).write();
      } catch {
        /* the step's failure below still says it */
      }
    }
    core.setOutput('conclusion', 'failure');
    core.setFailed(`istio-review: ${logLine(msg)}`);
  }
}

const MAX_ANNOTATIONS = 500;

/** Workflow-command annotations: GitHub shows only 10 per level per step, so stop there and say so. */
function workflowAnnotations(findings: readonly Finding[]): number {
  const used = { error: 0, warning: 0, info: 0 };
  let dropped = 0;
  for (const f of findings) {
    if (used[f.severity] >= 10) {
      dropped++;
      continue;
    }
    used[f.severity]++;
    const props = { file: f.file, startLine: f.line, title: f.rule };
    const msg = logLine(f.message);
    if (f.severity === 'error') core.error(msg, props);
    else if (f.severity === 'warning') core.warning(msg, props);
    else core.notice(msg, props);
  }
  return dropped;
}

function reviewBody(inline: number, reported: number, runId: string): string {
  const rest = reported - inline;
  const more = rest > 0 ? ` ${rest} more ${rest === 1 ? 'is' : 'are'} listed in the summary comment.` : '';
  return `**istio-review**: ${inline} line comment${inline === 1 ? '' : 's'} on this change.${more}\n\n${runMarker(runId)}`;
}
