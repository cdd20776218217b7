import { defineConfig, type Options } from 'tsup';

/** One build per format, each with its own declaration file (`.d.ts` for ESM, `.d.cts` for CJS). */
const common: Options = {
  entry: { index: 'src/index.ts' },
  tsconfig: 'tsconfig.build.json',
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: false,
  splitting: false,
  treeshake: true,
  clean: true,
};

export default defineConfig([
  { ...common, format: ['esm'], outDir: 'dist/esm' },
  { ...common, format: ['cjs'], outDir: 'dist/cjs' },
]);
