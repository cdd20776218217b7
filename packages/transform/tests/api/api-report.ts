import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  ExtractorMessageCategory,
  type ExtractorMessage,
} from '@microsoft/api-extractor';
import ts from 'typescript';

/**
 * Finds the package from the working directory: the repository root (jest, root scripts) or the
 * package itself (`npm run -w`). Neither `__dirname` (ESM under tsx) nor `import.meta` (CommonJS
 * under ts-jest) works in both places this file runs.
 */
function findPackageDir(cwd: string): string {
  for (const candidate of [cwd, path.join(cwd, 'packages', 'transform')]) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === '@sales/transform') return candidate;
    } catch {
      /* not this one */
    }
  }
  throw new Error(`run from the repository root or packages/transform, not ${cwd}`);
}

/** The package whose public API is reported. */
export const PACKAGE_DIR = findPackageDir(process.cwd());
/** The committed report: `packages/transform/etc/transform.api.md`. */
export const REPORT_FILE = path.join(PACKAGE_DIR, 'etc', 'transform.api.md');

/** Outcome of {@link checkApiReport}. */
export interface ApiReportResult {
  /** The public API differs from the committed report (or there is none yet). */
  readonly changed: boolean;
  /** The report generated from the current sources. */
  readonly report: string;
  /**
   * API Extractor's errors and warnings about the sources, one line each: compiler errors, TSDoc
   * syntax, and its analysis (an undocumented export, an unresolved `@link`, a public type that is
   * not exported). Its console notices about the report file are left out: {@link changed} says that.
   */
  readonly problems: readonly string[];
}

/**
 * Emits the declaration files of `src/index.ts` into `outDir` with the repository's TypeScript,
 * independent of the package build (the API is the same for the ESM and CJS builds).
 *
 * @throws Error listing the type errors when the sources do not compile
 */
function emitDeclarations(outDir: string): string {
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: path.join(PACKAGE_DIR, 'src'),
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  };
  const program = ts.createProgram([path.join(PACKAGE_DIR, 'src', 'index.ts')], options);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => PACKAGE_DIR,
      getNewLine: () => '\n',
    };
    throw new Error(`@sales/transform does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  return path.join(outDir, 'index.d.ts');
}

const describeMessage = (message: ExtractorMessage): string =>
  `${message.messageId}: ${message.text}${message.sourceFilePath === undefined ? '' : ` (${path.basename(message.sourceFilePath)}:${message.sourceFileLine})`}`;

/**
 * Generates the API report of `@sales/transform` with API Extractor and compares it with the
 * committed {@link REPORT_FILE}.
 *
 * @param update - write the new report over the committed one (a maintainer accepting an API change)
 * @returns whether the API changed, the generated report, and API Extractor's problems
 * @throws Error when the sources do not compile
 */
export function checkApiReport(update: boolean): ApiReportResult {
  const work = mkdtempSync(path.join(os.tmpdir(), 'transform-api-'));
  try {
    const entry = emitDeclarations(path.join(work, 'dts'));
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: PACKAGE_DIR,
        mainEntryPointFilePath: entry,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              module: 'esnext',
              moduleResolution: 'bundler',
              target: 'es2022',
              types: ['node'],
              skipLibCheck: true,
            },
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: 'transform',
          reportFolder: path.dirname(REPORT_FILE),
          reportTempFolder: path.join(work, 'report'),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          extractorMessageReporting: {
            default: { logLevel: ExtractorLogLevel.Warning },
            'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: path.join(PACKAGE_DIR, 'package.json'),
    });
    const problems: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        const isProblem =
          message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning;
        if (isProblem && message.category !== ExtractorMessageCategory.Console) problems.push(describeMessage(message));
        message.handled = true;
      },
    });
    const report = readFileSync(update ? REPORT_FILE : path.join(work, 'report', 'transform.api.md'), 'utf8');
    return { changed: result.apiReportChanged, report, problems };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
