/**
 * findModuleReferences: every module a source file names, with its line, read with the TypeScript parser.
 */
import ts from 'typescript';

/** One module specifier written in a source file. */
export interface ModuleReference {
  /** The specifier as written, e.g. `../lake/lake-store.js` or `@sales/pipeline-spec`. */
  readonly specifier: string;
  /** 1-based line of the specifier. */
  readonly line: number;
}

/** Calls whose first argument names a module: `require`, `require.resolve` and jest's module registry. */
const MODULE_CALLS: ReadonlySet<string> = new Set([
  'require',
  'require.resolve',
  'jest.mock',
  'jest.doMock',
  'jest.unmock',
  'jest.setMock',
  'jest.requireActual',
  'jest.requireMock',
  'jest.createMockFromModule',
  'jest.unstable_mockModule',
]);

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
};

/** File extensions {@link findModuleReferences} reads. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

const literalText = (node: ts.Node | undefined): string | undefined =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** The called name when it is a plain identifier or `a.b`, e.g. `require.resolve`. */
function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression))
    return `${callee.expression.text}.${callee.name.text}`;
  return undefined;
}

/** The specifier a node names, if it names one. */
function specifierOf(node: ts.Node): ts.Node | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isExternalModuleReference(node)) return node.expression;
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return node.argument.literal;
  if (ts.isCallExpression(node)) {
    const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const name = calleeName(node.expression);
    if (dynamicImport || (name !== undefined && MODULE_CALLS.has(name))) return node.arguments[0];
  }
  return undefined;
}

/**
 * Lists the modules a file names: static imports and re-exports (type-only too), `import x = require()`,
 * `import()` in code and in types, `require`, `require.resolve` and jest's module calls (`jest.mock`,
 * `jest.requireActual`, …). A specifier built at run time (a template with `${}`, a variable) is not a
 * reference it can follow, and a path given to `fs` or `path.join` is not a module reference.
 *
 * @param fileName - the file's path; its extension picks the parser (TypeScript or JavaScript)
 * @param text - the file's content
 * @returns the references, in source order
 * @example
 * ```ts
 * findModuleReferences('a.ts', "import { x } from '../b/x.js';\nexport * from './c';");
 * //=> [{ specifier: '../b/x.js', line: 1 }, { specifier: './c', line: 2 }]
 * ```
 */
export function findModuleReferences(fileName: string, text: string): ModuleReference[] {
  const extension = fileName.slice(fileName.lastIndexOf('.'));
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[extension]);
  const references: ModuleReference[] = [];
  const visit = (node: ts.Node): void => {
    const literal = specifierOf(node);
    const specifier = literalText(literal);
    if (literal !== undefined && specifier !== undefined) {
      const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
      references.push({ specifier, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return references;
}
