/** `npm run probe`: see docs/probe.md. Exit 0 all the product needs works, 1 something it needs failed, 2 configuration, 3 the probe crashed. */
import { runProbe } from './probe';
import { EXIT_CRASHED } from './runner';

runProbe({ env: process.env, argv: process.argv.slice(2), print: (line) => console.log(line) }).then(
  (run) => process.exit(run.exitCode),
  (error: unknown) => {
    console.error(error);
    process.exit(EXIT_CRASHED);
  },
);
