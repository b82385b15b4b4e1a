import { describe, expect, it } from 'vitest';
import { captionCreditStart, isCreditLine } from './credits.ts';

describe('credits', () => {
  it('finds the credit at the end of a caption, in German and English', () => {
    const cases: Array<[string, string]> = [
      ['Olaf Scholz in Genf. Foto: Markus Lehmann/AFP', 'Foto: Markus Lehmann/AFP'],
      [
        'Kim Jong Un at a factory.Credit...Todd Heisler/The New York Times',
        'Credit...Todd Heisler/The New York Times',
      ],
      ['Angela Merkel in Berlin (Photo: Reuters)', 'Photo: Reuters)'],
      ['Merkel in Berlin. Markus Lehmann/AFP/Getty Images', 'Markus Lehmann/AFP/Getty Images'],
      ['Demonstranten vor dem Reichstag. © dpa', '© dpa'],
      ['Fans in Dublin. Picture: Brian Lawless', 'Picture: Brian Lawless'],
    ];
    for (const [caption, credit] of cases) {
      expect(caption.slice(captionCreditStart(caption))).toBe(credit);
    }
  });

  it('leaves captions alone that only talk about a photo', () => {
    for (const caption of [
      'Ein Foto von Angela Merkel beim Gipfel',
      'Das Bild zeigt Olaf Scholz in Genf.',
      'A photo by the river shows Joe Biden.',
      'The picture shows Joe Biden.',
      'Angela Merkel am Montag in Brüssel.',
    ]) {
      expect(captionCreditStart(caption)).toBe(-1);
    }
  });

  it('knows whole credit lines', () => {
    expect(isCreditLine('Reporting by Jane Doe; Editing by John Smith')).toBe(true);
    expect(isCreditLine('Mitarbeit: Thomas Vogt')).toBe(true);
    expect(isCreditLine('Picture: Brian Lawless/Sportsfile')).toBe(true);
    expect(isCreditLine('Credit...Todd Heisler/The New York Times')).toBe(true);
    expect(isCreditLine('Von Anna Berger · 2. Januar 2025, 09:30 Uhr')).toBe(true);
    expect(isCreditLine('By John Smith | Reuters')).toBe(true);
    expect(isCreditLine('Analysis by Tom Reeve, markets correspondent')).toBe(true);
    expect(isCreditLine('Interview by Ana Ruiz')).toBe(true);
    expect(isCreditLine('Copyright 2024 The Guardian. All rights reserved.')).toBe(true);
    expect(isCreditLine('— Associated Press')).toBe(true);
    expect(isCreditLine('(Reuters)')).toBe(true);
    expect(isCreditLine('Associated Press reporters contributed.')).toBe(false);
    expect(isCreditLine('Analysis by the IMF shows that growth slowed in Germany.')).toBe(false);
    expect(isCreditLine('Olaf Scholz traf am Montag in Genf ein.')).toBe(false);
    expect(isCreditLine('Von Berlin aus fuhr der Zug nach Prag · ohne Halt.')).toBe(false);
  });
});
