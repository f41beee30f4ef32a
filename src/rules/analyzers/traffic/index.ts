// Rules of the "analyzers/traffic" group: routing and references — VirtualService destinations and gateways,
// DestinationRule hosts and subsets, Gateways, Sidecars, AuthorizationPolicy targets, Gateway API routes.
import type { Rule } from '../../rule.js';
import { vsDestinationRules } from './vs-destinations.js';
import { vsGatewayRules } from './vs-gateways.js';
import { destinationRuleRules } from './destination-rule.js';
import { gatewayRules } from './gateway.js';
import { gatewayCredentialRules } from './gateway-credential.js';
import { workloadPortRules } from './workload-ports.js';
import { sidecarRules } from './sidecar.js';
import { authzRules } from './authz.js';
import { gatewayApiRouteRules } from './gateway-api-routes.js';
import { vsRouteOrderRules } from './vs-route-order.js';
import { gatewayHostRouteRules } from './gateway-host-routes.js';
import { drPortLevelRules } from './dr-port-level.js';
import { gatewayResolutionNoneRules } from './gateway-resolution-none.js';
import { authzSplitRules } from './authz-split-rules.js';

export const trafficAnalyzerRules: Rule[] = [
  ...vsDestinationRules,
  ...vsGatewayRules,
  ...destinationRuleRules,
  ...gatewayRules,
  ...gatewayCredentialRules,
  ...workloadPortRules,
  ...sidecarRules,
  ...authzRules,
  ...gatewayApiRouteRules,
  ...vsRouteOrderRules,
  ...gatewayHostRouteRules,
  ...drPortLevelRules,
  ...gatewayResolutionNoneRules,
  ...authzSplitRules,
];
