import type { AnalysisStatus, ArticleBlock, PageFacts, RelatedLink } from '../types.ts';

/**
 * Where one block's text came from in the LIVE page. Readability runs on a clone; before it runs, every
 * clone node is paired with its live twin, so each piece of a block's (whitespace-collapsed) text points
 * at the live Text node it was read from. The highlighter turns text offsets into live Ranges with it,
 * without searching the page's text.
 */
export interface TextPiece {
  /** The live Text node in the page (not the clone). */
  node: Text;
  /** Range of this piece inside the block's text, end exclusive. */
  start: number;
  end: number;
  /** rawOffsets[i] is the index in node.data of the block character start + i (collapsing removes spaces). */
  rawOffsets: number[];
}

/** Same index as Analysis.blocks. */
export interface BlockAnchor {
  pieces: TextPiece[];
}

export type ExtractStatus = Exclude<AnalysisStatus, 'not-readerable'>;

export interface ExtractedPage extends PageFacts {
  status: ExtractStatus;
  message: string | null;
  blocks: ArticleBlock[];
  /** blocks' texts joined by '\n\n'. */
  text: string;
  /** Readability's article HTML, NOT sanitised. */
  contentHtml: string;
  /**
   * The language the markup declares (raw tag, or null). `lang` is only its normalised form: the text
   * half chooses the language once, from this and the text (lib/text/language.ts chooseLanguage).
   */
  markupLang: string | null;
  /** Without an article: the start of the page's text, which the language is then told from. */
  langSample?: string;
}

export interface ExtractResult {
  page: ExtractedPage;
  /**
   * Live anchors per block; null when the pairing was lost (Readability re-parsed its clone on a retry)
   * or not asked for. Never serialised: DOM nodes stay in the content script.
   */
  anchors: BlockAnchor[] | null;
}

/** What the content script hands to the background: the extracted article and the page's link candidates. */
export interface PageExtraction extends ExtractedPage {
  relatedCandidates: RelatedLink[];
  /** Milliseconds per stage so far (working time, without the pauses of sliced work). */
  timings: Record<string, number>;
}

export interface PageExtractionResult {
  extraction: PageExtraction;
  anchors: BlockAnchor[] | null;
}
