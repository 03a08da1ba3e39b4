/** Dates and times as the admin pages write them (UK style, London time). */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** An ODS code of a GP practice (a letter and five digits): it links to the practice's page. */
export const isPracticeCode = (text: string | undefined): text is string => !!text && /^[A-Z]\d{5}$/.test(text);

export const ROLE_NAMES = { admin: 'Admin', support: 'Support', manager: 'Manager' } as const;
