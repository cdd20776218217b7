/**
 * simulateRequest: one {@link IamRequest} through `@cloud-copilot/iam-simulate`, with the principal's identity
 * policies and the resource policy that guards the resource (bucket, key or queue policy).
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { IamRequest } from './iam-request';
import type { PolicyDocument, StackFacts } from './stack-facts';

/** The evaluator's verdict on one request. */
export interface RequestVerdict {
  readonly request: IamRequest;
  /** `Allowed`, `ImplicitlyDenied`, `ExplicitlyDenied`, or `Error: …` when the simulator refused the input. */
  readonly result: string;
}

/**
 * Evaluates one request made by `principal` in the stack's account.
 *
 * @param facts - The stack (resource policies, account).
 * @param principal - The role ARN making the request.
 * @param identityPolicies - The role's policies, by name.
 * @param req - The request.
 * @returns The verdict; a simulator validation error (unknown action, a condition key the action does not take, an
 *   ARN of the wrong resource type) is a verdict too, so it fails the test like a denial.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export async function simulateRequest(
  facts: StackFacts,
  principal: string,
  identityPolicies: Readonly<Record<string, PolicyDocument>>,
  req: IamRequest,
): Promise<RequestVerdict> {
  const resourcePolicy = facts.resourcePolicyOf(req.resource);
  const response = await runSimulation(
    {
      identityPolicies: Object.entries(identityPolicies).map(([name, policy]) => ({ name, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
      request: {
        action: req.action,
        principal,
        resource: { resource: req.resource, accountId: facts.account.accountId },
        contextVariables: { ...req.context },
      },
    } as Parameters<typeof runSimulation>[0],
    {},
  );
  if (response.resultType === 'error') return { request: req, result: `Error: ${JSON.stringify(response.errors)}` };
  return { request: req, result: response.overallResult };
}
