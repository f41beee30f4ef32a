import { ruleTable, yaml, rule, rules } from '../../helpers/harness.js';

ruleTable(rule('unknown-istio-kind'), [
  {
    name: 'known kinds and versions are fine',
    files: { 'se.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: ok}
      spec: {hosts: [api.example.com], resolution: DNS, ports: [{number: 80, name: http, protocol: HTTP}], addresses: [10.1.2.3]}
    ` },
    expect: [],
  },
  {
    name: 'a typo in the kind is reported with a fix',
    files: { 'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEnrty # typo
      metadata: {name: typo}
      spec: {hosts: [api.example.com]}
    ` },
    expect: [{ rule: 'unknown-istio-kind', line: 2, message: 'Did you mean ServiceEntry?', hasFix: true }],
    fixed: { 'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry # typo
      metadata: {name: typo}
      spec: {hosts: [api.example.com]}
    ` },
  },
  {
    name: 'a version the kind is not served at',
    files: { 'ef.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: EnvoyFilter
      metadata: {name: ef}
      spec: {}
    ` },
    expect: [{ rule: 'unknown-istio-kind', line: 1, message: 'networking.istio.io/v1alpha3' }],
    fixed: { 'ef.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: ef}
      spec: {}
    ` },
  },
  {
    name: 'kinds of other groups are context, not findings',
    files: { 'x.yaml': yaml`
      apiVersion: example.com/v1
      kind: Whatever
      metadata: {name: w}
    ` },
    expect: [],
  },
]);

ruleTable(rules('yaml-syntax', 'duplicate-key', 'not-a-manifest', 'template-not-checked'), [
  {
    name: 'duplicate keys are an error at the repeated key',
    files: { 'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: a
        name: b
    ` },
    expect: [{ rule: 'duplicate-key', line: 5 }],
  },
  {
    name: 'a broken document does not hide the next one',
    files: { 'two.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: "x}\n---\n- just\n- a list\n' },
    expect: [{ rule: 'yaml-syntax', line: 3 }],
  },
  {
    name: 'bad indentation in one document leaves the next one checked',
    files: { 'two.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n labels: {}\n---\n- just\n- a list\n' },
    expect: [{ rule: 'yaml-syntax', line: 5 }, { rule: 'not-a-manifest', line: 7 }],
  },
  {
    name: 'template syntax is one info finding',
    files: { 'tpl.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n' },
    expect: [{ rule: 'template-not-checked', line: 4 }],
  },
]);
