/** `npm run build`: writes dist/cli.cjs. */
import { buildCli } from './build-cli';

process.stderr.write(`built ${buildCli()}\n`);
