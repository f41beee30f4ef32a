// Rules of the "validation/istio" group: Istio's admission-webhook validation (IST0106 errors, IST0133
// warnings) for every kind but ServiceEntry, and VirtualService match analysis (IST0130, IST0131).
import type { Rule } from '../../rule.js';
import { virtualServiceValidationRules } from './virtual-service.js';
import { destinationRuleValidationRules } from './destination-rule.js';
import { gatewayValidationRules } from './gateway.js';
import { sidecarValidationRules } from './sidecar.js';
import {
  authorizationPolicyValidationRules,
  authorizationWildcardRule,
  peerAuthenticationValidationRules,
  requestAuthenticationValidationRules,
} from './security.js';
import {
  telemetryValidationRules,
  workloadEntryValidationRules,
  workloadGroupValidationRules,
} from './telemetry-workload.js';

export const istioValidationRules: Rule[] = [
  ...virtualServiceValidationRules,
  ...destinationRuleValidationRules,
  ...gatewayValidationRules,
  ...sidecarValidationRules,
  ...authorizationPolicyValidationRules,
  authorizationWildcardRule,
  ...peerAuthenticationValidationRules,
  ...requestAuthenticationValidationRules,
  ...telemetryValidationRules,
  ...workloadEntryValidationRules,
  ...workloadGroupValidationRules,
];
