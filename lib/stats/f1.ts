/** The harmonic mean of precision and recall; 0 when both are 0. Every gate's F1 is this one. */
export function f1Score(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}
