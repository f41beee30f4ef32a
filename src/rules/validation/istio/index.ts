// Rules of the "validation/istio" group.
import type { Rule } from '../../rule.js';

export const istioValidationRules: Rule[] = [];
