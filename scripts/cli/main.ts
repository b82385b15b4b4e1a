/** The bundle's entry (dist/analyze.mjs): runs the analyze CLI on this process's arguments and streams. */
import { runAnalyzeCli } from '../analyze.ts';

// A reader closing the pipe early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runAnalyzeCli(process.argv.slice(2), process);
