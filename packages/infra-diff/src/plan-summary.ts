import { codeSpan } from './format-value';

/** The part of a `terraform show -json <planfile>` document this summary reads. */
export interface PlanJson {
  readonly format_version?: string;
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly mode?: 'managed' | 'data';
    readonly change?: {
      readonly actions?: readonly string[];
      readonly replace_paths?: readonly (readonly (string | number)[])[];
    };
    readonly action_reason?: string;
  }[];
}

/** Counts and notable addresses of one stack's plan, as `terraform plan` would summarize it. */
export interface PlanCounts {
  readonly stack: string;
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Resources Terraform replaces, with the attribute paths that force it. */
  readonly replaced: readonly { readonly address: string; readonly paths: readonly string[] }[];
  /** Resources Terraform destroys without replacing. */
  readonly destroyed: readonly string[];
}

function joinPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/**
 * Counts a plan's resource changes the way `terraform plan` prints `Plan: N to add, N to change, N to destroy`:
 * a replacement counts as one add and one destroy; data-source reads and no-ops are not counted.
 *
 * @param stack - the stack the plan belongs to
 * @param plan - the parsed `terraform show -json` output
 * @returns the counts, replaced resources (with `replace_paths`) and destroyed resources
 * @throws Error when the document is not a JSON plan of format version 1.x
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
export function countPlan(stack: string, plan: PlanJson): PlanCounts {
  if (typeof plan.format_version !== 'string' || !plan.format_version.startsWith('1.')) {
    throw new Error(
      `${stack}: not a terraform JSON plan of format 1.x, received format_version ${JSON.stringify(plan.format_version)}`,
    );
  }
  let add = 0;
  let change = 0;
  let destroy = 0;
  const replaced: { address: string; paths: string[] }[] = [];
  const destroyed: string[] = [];
  for (const resource of plan.resource_changes ?? []) {
    if (resource.mode === 'data') continue;
    const actions = resource.change?.actions ?? [];
    const creates = actions.includes('create');
    const deletes = actions.includes('delete');
    if (creates) add += 1;
    if (deletes) destroy += 1;
    if (actions.includes('update')) change += 1;
    if (creates && deletes)
      replaced.push({ address: resource.address, paths: (resource.change?.replace_paths ?? []).map(joinPath) });
    else if (deletes) destroyed.push(resource.address);
  }
  return { stack, add, change, destroy, replaced, destroyed };
}

/**
 * Renders the plan counts of every stack as Markdown for the review comment: a table of counts,
 * then per stack the resources Terraform will replace or destroy.
 *
 * @param plans - one entry per stack, in the order to show
 * @returns Markdown ending in a newline
 * @example
 * renderPlanSummary([countPlan('dev', plan)]);
 * //=> '## Terraform plan\n\n| Stack | Add | Change | Destroy |\n|---|---:|---:|---:|\n| `dev` | 1 | 0 | 0 |\n'
 */
export function renderPlanSummary(plans: readonly PlanCounts[]): string {
  const lines = ['## Terraform plan', '', '| Stack | Add | Change | Destroy |', '|---|---:|---:|---:|'];
  for (const plan of plans) lines.push(`| ${codeSpan(plan.stack)} | ${plan.add} | ${plan.change} | ${plan.destroy} |`);
  for (const plan of plans) {
    if (plan.replaced.length + plan.destroyed.length === 0) continue;
    lines.push('', `**${codeSpan(plan.stack)}** destroys:`, '');
    for (const { address, paths } of plan.replaced) {
      const because = paths.length === 0 ? '' : ` (forced by ${paths.map(codeSpan).join(', ')})`;
      lines.push(`- ${codeSpan(address)}: replaced${because}`);
    }
    for (const address of plan.destroyed) lines.push(`- ${codeSpan(address)}: destroyed`);
  }
  return `${lines.join('\n')}\n`;
}
