/**
 * The browser's retry rule as a parameter, shared by the Timeout race and the Playground. Apart
 * from the other shared parameters (`common-params.ts`), which the Playground does not use: it is
 * all the Playground takes of them, so the Playground's page does not load the rest.
 */
import type { RetryPolicy } from '../../sim';
import { RETRY_POLICIES } from '../../sim/retry';
import type { EnumParam, ParamGroup } from '../controls/params';
import { uiText } from './labels';

/**
 * The browser's retry rule (`client.retryPolicy`): what browsers do (any method, once, when a
 * reused connection fails before the response) or idempotent requests only (RFC 9110 §9.2.2).
 */
export function retryPolicyParam(group?: ParamGroup): EnumParam<'retryPolicy', RetryPolicy> {
  return {
    key: 'retryPolicy',
    type: 'enum',
    // The field's values without the field table, which only the Playground loads.
    options: RETRY_POLICIES,
    optionLabels: {
      browser: uiText((w) => w.retryPolicyOption.browser),
      'idempotent-only': uiText((w) => w.retryPolicyOption['idempotent-only']),
    },
    default: RETRY_POLICIES[0],
    label: uiText((w) => w.param.retryPolicy),
    description: uiText((w) => w.param.retryPolicyHelp),
    ...(group ? { group } : {}),
  };
}
