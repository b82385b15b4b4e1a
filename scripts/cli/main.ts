/** The bundle's entry (dist/analyze.mjs): runs the analyze CLI on this process's arguments and streams. */
import { runAsProcess } from '../analyze.ts';

await runAsProcess();
