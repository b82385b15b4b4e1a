/**
 * Precision and recall of the painted entity-table entries on the reader-level names gold set
 * (tests/fixtures/names-gold), per language, on the tuning part and the held-out part, through the
 * shipped pipeline with the shipped models.
 *
 *   npm run eval:names                 tuning-part figures only
 *   npm run eval:names -- --fit        tuning-part figures and errors (what rules may be tuned on)
 *   npm run eval:names -- --held-out   the held-out figures as well: a judgement, printed once at the end
 *                                      of a piece of work (its errors are never printed)
 */
import { runNamesGold, scoreByCell } from '../tests/fixtures/names-gold/score.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

const args = process.argv.slice(2);
const runs = await runNamesGold(loadModelFromDisk);
const cells = scoreByCell(runs);
const f = (x: number) => x.toFixed(3);
const heldOut = args.includes('--held-out');
for (const [cell, s] of Object.entries(cells)) {
  if (!heldOut && cell.endsWith('heldOut')) continue;
  console.log(
    `${cell.padEnd(11)} P=${f(s.precision)} R=${f(s.recall)}  (${s.right}/${s.painted} painted right, ${s.found}/${s.gold} gold found)`,
  );
}
const shown = args.includes('--fit') ? [cells['de-tune'], cells['en-tune']] : [];
for (const s of shown) for (const e of s.errors) console.log(`  ${e}`);
