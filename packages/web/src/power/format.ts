export const fixed4 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(4));
export const percent = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
export const count = (x: bigint | null | undefined) =>
  x === null || x === undefined ? '—' : x.toLocaleString('en');
