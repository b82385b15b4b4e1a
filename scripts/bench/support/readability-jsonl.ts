/**
 * The CLI benchmark's floor, bundled like the CLI: reads the same JSON lines {id, html, url} from stdin,
 * parses each page into the CLI's DOM (scripts/cli/dom.ts) and runs Readability's parse() alone,
 * writing one JSON line per page. `--dom jsdom` uses jsdom, as the CLI's flag does.
 */
import { createInterface } from 'node:readline';
import { Readability } from '@mozilla/readability';
import { type DomName, parsePage } from '../../cli/dom.ts';

const domName: DomName = process.argv.includes('jsdom') ? 'jsdom' : 'linkedom';
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, html, url } = JSON.parse(line) as { id: string; html: string; url: string };
  const dom = await parsePage(html, url, domName);
  const article = new Readability(dom.document).parse();
  dom.close();
  if (!process.stdout.write(`${JSON.stringify({ id, ...article })}\n`)) {
    await new Promise<void>((done) => process.stdout.once('drain', done));
  }
}
