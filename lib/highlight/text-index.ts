/**
 * A whitespace-collapsed view of a live DOM subtree's text, with a map from every character back to the
 * Text node and raw offset it came from. Used to find an analysed block in the live page when extraction
 * anchors are missing or stale. Reads no layout: skipping is decided from markup alone.
 */

import { BLOCK_TAGS } from '../text/block-tags.ts';
import { isInvisibleCode, isSpaceCode } from '../text/characters.ts';

export interface RegionText {
  /**
   * Collapsed text, read like extraction reads it: invisible characters dropped, every whitespace run
   * one ' ', block boundaries add a ' '.
   */
  text: string;
  nodes: Text[];
  /** Per character of `text`: index into `nodes`, or -1 for a virtual separator. */
  nodeOf: number[];
  /** Per character of `text`: offset in that node's data. */
  offsetOf: number[];
}

/**
 * Indexes the text under `root`. `skip(element)` returns true for subtrees that are not article text
 * (navigation, ads, comments, scripts, Kontext's own UI).
 */
export function indexRegionText(root: Node, skip: (element: Element) => boolean): RegionText {
  const chars: string[] = [];
  const nodes: Text[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  let lastWasSpace = true;

  const separate = () => {
    if (!lastWasSpace) {
      chars.push(' ');
      nodeOf.push(-1);
      offsetOf.push(0);
      lastWasSpace = true;
    }
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (!data) return;
      const index = nodes.push(text) - 1;
      for (let i = 0; i < data.length; i++) {
        const code = data.charCodeAt(i);
        if (isInvisibleCode(code)) continue;
        if (isSpaceCode(code)) {
          if (lastWasSpace) continue;
          chars.push(' ');
          lastWasSpace = true;
        } else {
          chars.push(data[i]!);
          lastWasSpace = false;
        }
        nodeOf.push(index);
        offsetOf.push(i);
      }
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    if (node.nodeType === 1 && skip(node as Element)) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    // A <br> separates text like a block does: a virtual space between its neighbours.
    const block = tag === 'BR' || BLOCK_TAGS.has(tag);
    if (block) separate();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) separate();
  };
  visit(root);
  return { text: chars.join(''), nodes, nodeOf, offsetOf };
}
