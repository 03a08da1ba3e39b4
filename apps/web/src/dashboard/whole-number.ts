/** A whole number typed in a box (spaces around it allowed), or NaN. */
export const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
