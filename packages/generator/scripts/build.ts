/** `npm run build`: writes dist/cli.cjs. */
import { buildCli } from './build-cli';

process.stdout.write(`built ${buildCli()}\n`);
