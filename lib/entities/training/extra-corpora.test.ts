import { describe, expect, it } from 'vitest';
import { parseEuropeana, parseLer } from './extra-corpora.ts';

describe('Europeana Newspapers reader', () => {
  it('splits sentences after sentence-final tokens and at # comment lines', () => {
    const text = [
      'Der O',
      'Kaiser O',
      'reiste O',
      'nach O',
      'Wien B-LOC',
      '. O',
      'Er O',
      'kam O',
      '! O',
      '# file: x',
      'Berlin B-LOC',
      'meldet O',
      'Neues O',
    ].join('\n');
    expect(parseEuropeana(text)).toEqual([
      { tokens: ['Der', 'Kaiser', 'reiste', 'nach', 'Wien', '.'], tags: ['O', 'O', 'O', 'O', 'B-LOC', 'O'] },
      { tokens: ['Er', 'kam', '!'], tags: ['O', 'O', 'O'] },
      { tokens: ['Berlin', 'meldet', 'Neues'], tags: ['B-LOC', 'O', 'O'] },
    ]);
  });

  it('repairs tag slips: case, _ or . separators, I- opening a span, unknown kinds and MISC as O', () => {
    const text = [
      'Graf B-PEr',
      'Moltke I_PER',
      'und O',
      'Lipton I-ORG',
      'Werke I.ORG',
      'Oper B-MISC',
      'Alt B-LOCer',
    ].join('\n');
    expect(parseEuropeana(text)[0]!.tags).toEqual(['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'O']);
  });

  it('reads a line without a tag as O and a token with spaces as several tokens of one span', () => {
    const text = ['worden', 'Die Böhminger B-PER', 'zu haben O', 'Kampf'].join('\n');
    expect(parseEuropeana(text)).toEqual([
      {
        tokens: ['worden', 'Die', 'Böhminger', 'zu', 'haben', 'Kampf'],
        tags: ['O', 'B-PER', 'I-PER', 'O', 'O', 'O'],
      },
    ]);
  });

  it('cuts OCR tokens as the article tokenizer does: an attached full stop ends the sentence, "Dr." stays', () => {
    const text = ['Dr. O', 'Huber B-PER', 'fuhr O', 'nach O', 'Bolzano. B-LOC', 'Beschluß, O', 'daß O'].join(
      '\n',
    );
    expect(parseEuropeana(text)).toEqual([
      {
        tokens: ['Dr.', 'Huber', 'fuhr', 'nach', 'Bolzano', '.'],
        tags: ['O', 'B-PER', 'O', 'O', 'B-LOC', 'O'],
      },
      { tokens: ['Beschluß', ',', 'daß'], tags: ['O', 'O', 'O'] },
    ]);
  });

  it('cuts a long stretch without a full stop at ; or :', () => {
    const words = Array.from({ length: 70 }, (_, i) => (i === 64 ? '; O' : `w${i} O`));
    const sentences = parseEuropeana(words.join('\n'));
    expect(sentences.map((s) => s.tokens.length)).toEqual([65, 5]);
  });
});

describe('German Legal Entity Recognition reader', () => {
  it('reads CRLF lines, blank line between sentences, and maps the fine-grained tags', () => {
    const text = [
      'Richter B-RR',
      'Müller I-RR',
      'am O',
      'Bundesgerichtshof B-GRT',
      'in O',
      'Karlsruhe B-ST',
      '',
      'gemäß O',
      '§ B-GS',
      '1 I-GS',
      'BGB I-GS',
      'der O',
      'Volkswagen B-UN',
      'AG I-UN',
      'aus O',
      'Deutschland B-LD',
      'im O',
      'Harz B-LDS',
      'Anwalt B-AN',
      'Tempo B-MRK',
      'EuGH B-RS',
      '',
    ].join('\r\n');
    expect(parseLer(text)).toEqual([
      {
        tokens: ['Richter', 'Müller', 'am', 'Bundesgerichtshof', 'in', 'Karlsruhe'],
        tags: ['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'B-LOC'],
      },
      {
        tokens: [
          'gemäß',
          '§',
          '1',
          'BGB',
          'der',
          'Volkswagen',
          'AG',
          'aus',
          'Deutschland',
          'im',
          'Harz',
          'Anwalt',
          'Tempo',
          'EuGH',
        ],
        tags: ['O', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'B-LOC', 'B-PER', 'B-ORG', 'O'],
      },
    ]);
  });
});
