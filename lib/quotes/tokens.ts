/** Word and punctuation tokens with offsets into the article text, for reading attribution frames. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN = /(?:Mr|Mrs|Ms|Dr|Prof|St)\.|(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}'’-]*|\S/gu;

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(from, to).matchAll(TOKEN)) {
    const start = from + (match.index ?? 0);
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

export const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
export const isLowercase = (word: string) => /^\p{Ll}/u.test(word);
export const isPunctuation = (word: string) => !/[\p{L}\p{N}]/u.test(word);
