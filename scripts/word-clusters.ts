/**
 * Prints the German word clusters the tagger's cluster features read (lib/entities/training/clusters.ts),
 * built as training builds them (train-ner.ts clusterText: the train split's and the extra corpora's
 * tokens, never their tags, never dev): each class's most frequent words, for inspection.
 *
 *   npx tsx scripts/word-clusters.ts [--words N] [--show K]
 */
import { wordClusters } from '../lib/entities/training/clusters.ts';
import { clusterText, readSplit, SETTINGS } from './train-ner.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const words = Number(flag('--words') ?? SETTINGS.de!.clusters ?? 25_000);
  const show = Number(flag('--show') ?? 12);
  const started = performance.now();
  const clusters = wordClusters(clusterText(readSplit('de', 'train'), SETTINGS.de!.extra ?? []), { words });
  const byClass = new Map<number, string[]>();
  for (const [word, c] of clusters) byClass.set(c, [...(byClass.get(c) ?? []), word]);
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(c)!;
    console.log(`${String(c).padStart(3)} (${members.length}): ${members.slice(0, show).join(' ')}`);
  }
  console.log(
    `${clusters.size} words in ${byClass.size} classes, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
