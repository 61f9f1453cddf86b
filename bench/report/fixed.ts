/** A figure with `digits` decimals, as every table of the report prints it. */
export const fixed = (x: number, digits = 1) => x.toFixed(digits);
