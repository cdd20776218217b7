/**
 * Physical names of the bootstrap stack's roles. They are kept outside `<prefix>-<env>-*`, the only role names a
 * deploy role may create, change or pass (`deployRoleStatements`), so no deploy role can rewrite its own policy or
 * another environment's role.
 *
 * @param namePrefix - `config.namePrefix`
 * @returns `plan` (the pull-request plan role) and `deploy(environment)`
 * @example
 * ```ts
 * githubRoleNames('sales').plan; //=> 'sales-github-plan'
 * githubRoleNames('sales').deploy('prod'); //=> 'sales-github-deploy-prod'
 * ```
 */
export function githubRoleNames(namePrefix: string) {
  return {
    plan: `${namePrefix}-github-plan`,
    deploy: (environment: string) => `${namePrefix}-github-deploy-${environment}`,
  } as const;
}
