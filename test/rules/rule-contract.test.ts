// The rule contract the engine enforces: a rule runs only when something it reads is present, reads its inputs
// without Kubernetes' own namespaces, and may report a fix only when it says it is fixable (as in ESLint).
import { analyze } from '../../src/engine.js';
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { defineRule, type Rule } from '../../src/rules/rule.js';
import { yaml } from '../helpers/harness.js';

const files = {
  'vs.yaml': yaml`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: web, namespace: shop}
    spec: {hosts: [web]}
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: dns, namespace: kube-system}
    spec: {hosts: [dns]}
  `,
};

function run(rule: Rule) {
  return analyze(buildWorkspace([...Object.entries(files)].map(([path, text]) => ({ path, text }))), { rules: [rule] })
    .findings;
}

const base = {
  severity: 'warning',
  istioCode: null,
  group: 'analyzers/traffic',
  title: 'A rule written for this test.',
  messages: { saw: 'Saw VirtualService {name}.', fixing: 'Fixing the first host.' },
} as const;

describe('rule contract', () => {
  test('inputs are the declared kind outside the namespaces istioctl ignores', () => {
    const rule = defineRule({
      ...base,
      id: 'test-reads-vs',
      fixable: false,
      inputs: [{ kind: 'VirtualService' }],
      check(ctx) {
        for (const vs of ctx.inputs('VirtualService'))
          ctx.report({ resource: vs, path: [], messageId: 'saw', data: { name: vs.name } });
      },
    });
    expect(run(rule).map((f) => f.message)).toEqual(['Saw VirtualService web.']);
  });

  test("a report names a message of the rule's catalogue and fills its placeholders", () => {
    const rule = defineRule({
      ...base,
      id: 'test-messages',
      fixable: false,
      inputs: [{ kind: 'VirtualService' }],
      messages: { saw: 'Saw VirtualService {name} with {count} host(s).' },
      check(ctx) {
        for (const vs of ctx.inputs('VirtualService'))
          ctx.report({ resource: vs, path: [], messageId: 'saw', data: { name: vs.name, count: 1 } });
      },
    });
    const analysis = analyze(buildWorkspace([...Object.entries(files)].map(([path, text]) => ({ path, text }))), {
      rules: [rule],
    });
    expect(analysis.findings.map((f) => f.message)).toEqual(['Saw VirtualService web with 1 host(s).']);
    expect(analysis.messages.get(analysis.findings[0]!)).toEqual({ messageId: 'saw', data: { name: 'web', count: 1 } });
  });

  test.each([
    ['an id the catalogue lacks', 'unknown', { name: 'x' }, 'reported message "unknown", which it does not declare'],
    ['a placeholder without a value', 'saw', {}, 'message placeholder {name} has no value'],
  ])('a report with %s is an internal error, never a message with a hole', (_, messageId, data, error) => {
    const rule = defineRule({
      ...base,
      id: 'test-bad-message',
      fixable: false,
      inputs: [{ kind: 'VirtualService' }],
      messages: { saw: 'Saw VirtualService {name}.' },
      check(ctx) {
        for (const vs of ctx.inputs('VirtualService')) ctx.report({ resource: vs, path: [], messageId, data });
      },
    });
    const found = run(rule);
    expect(found.map((f) => f.rule)).toEqual(['internal-error']);
    expect(found[0]!.message).toContain(error);
  });

  test('a rule whose inputs are all absent does not run', () => {
    let ran = false;
    const rule = defineRule({
      ...base,
      id: 'test-reads-dr',
      fixable: false,
      inputs: [{ kind: 'DestinationRule' }],
      check() {
        ran = true;
      },
    });
    expect(run(rule)).toEqual([]);
    expect(ran).toBe(false);
  });

  test('reading a kind the rule did not declare is an internal error', () => {
    const rule = defineRule({
      ...base,
      id: 'test-undeclared',
      fixable: false,
      inputs: [{ kind: 'VirtualService' }],
      check(ctx) {
        ctx.inputs('Gateway');
      },
    });
    const [f] = run(rule);
    expect(f?.rule).toBe('internal-error');
    expect(f?.message).toContain('Gateway, which it does not declare as an input');
  });

  test('a fix from a rule not marked fixable is an internal error, not a fix', () => {
    const rule = defineRule({
      ...base,
      id: 'test-unfixable',
      fixable: false,
      inputs: [{ kind: 'VirtualService' }],
      check(ctx) {
        const [vs] = ctx.inputs('VirtualService');
        ctx.report({
          resource: vs!,
          path: ['spec', 'hosts', 0],
          messageId: 'fixing',
          fix: { op: 'set', path: ['spec', 'hosts', 0], value: 'x', description: 'x' },
        });
      },
    });
    const found = run(rule);
    expect(found.map((f) => f.rule)).toEqual(['internal-error']);
    expect(found[0]!.message).toContain('test-unfixable reported a fix but is not marked fixable');
  });

  test('the same fix from a fixable rule is offered', () => {
    const rule = defineRule({
      ...base,
      id: 'test-fixable',
      fixable: true,
      inputs: [{ kind: 'VirtualService' }],
      check(ctx) {
        const [vs] = ctx.inputs('VirtualService');
        ctx.report({
          resource: vs!,
          path: ['spec', 'hosts', 0],
          messageId: 'fixing',
          fix: { op: 'set', path: ['spec', 'hosts', 0], value: 'x', description: 'x' },
        });
      },
    });
    const found = run(rule);
    expect(found.map((f) => [f.rule, Boolean(f.fix)])).toEqual([['test-fixable', true]]);
  });
});
