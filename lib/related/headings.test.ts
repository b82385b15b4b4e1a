import { describe, expect, it } from 'vitest';
import { isRelatedHeading } from './headings.ts';

describe('isRelatedHeading', () => {
  it('reads a heading however much white space surrounds it', () => {
    expect(isRelatedHeading('Mehr zum Thema')).toBe(true);
    expect(isRelatedHeading(`\n${' '.repeat(200)}Mehr   zum\n\tThema${' '.repeat(200)}\n`)).toBe(true);
  });

  it('turns away text longer than 60 characters once its spaces are collapsed', () => {
    const heading = (letters: number) => `More ${'x'.repeat(letters)} news`;
    expect(heading(50).length).toBe(60);
    expect(isRelatedHeading(heading(50))).toBe(true);
    expect(isRelatedHeading(` ${heading(50).replace(/ /g, '\n\t ')} `)).toBe(true);
    expect(isRelatedHeading(heading(51))).toBe(false);
    expect(isRelatedHeading(`Related: ${'word '.repeat(2000)}`)).toBe(false);
  });
});
