// Rules of the "analyzers/workload" group.
import type { Rule } from '../../rule.js';
import { annotationRules } from './annotations.js';
import { controlPlaneRules } from './control-plane.js';
import { deploymentRules } from './deployment.js';
import { deprecationRules } from './deprecation.js';
import { envoyFilterRules } from './envoyfilter.js';
import { envoyFilterScopeRules } from './envoyfilter-scope.js';
import { injectionRules } from './injection.js';
import { servicePortRules } from './service-ports.js';
import { suppressionRules } from './suppression.js';
import { telemetryRules } from './telemetry.js';

export const workloadAnalyzerRules: Rule[] = [
  ...annotationRules,
  ...controlPlaneRules,
  ...deploymentRules,
  ...deprecationRules,
  ...envoyFilterRules,
  ...envoyFilterScopeRules,
  ...injectionRules,
  ...servicePortRules,
  ...telemetryRules,
  ...suppressionRules,
];
