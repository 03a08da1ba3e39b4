import { daysInMonth, Service, SERVICES } from '@app/domain';
import { SummaryDto } from './figures.dto';
import { wholePercent } from './percent';

/**
 * "Progress in numbers": the six sentences of NHS England's Patient Online article of October 2014,
 * filled with the summary's figures (DESIGN.md "Figures"). Whole per cent, rounded half away from zero
 * from the raw counts. Comparison: "up from", "down from" or "unchanged at", judged on the whole per
 * cents as printed, so the sentence never contradicts its own numbers.
 */
const OFFER: Record<Service, string> = {
  [Service.Appointments]: 'book or cancel appointments online',
  [Service.Prescriptions]: 'view or order repeat prescriptions online',
  [Service.Records]: 'view their medical record online',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function progressInNumbers(summary: SummaryDto): string {
  const place = summary.area ? ` in ${summary.area.name}` : '';
  const lines = [`Progress in numbers${place} ${when(summary.asOf)}:`];
  if (summary.knownAt) lines.push(`(as known at ${summary.knownAt})`);
  lines.push('');
  const anyPractice = summary.services.appointments.practices.total > 0;
  if (!anyPractice) {
    lines.push(`• No general practices were open on ${longDate(summary.asOf)}, so there are no figures.`);
    return lines.join('\n') + '\n';
  }
  for (const service of SERVICES) {
    const f = summary.services[service];
    const capable = wholePercent(f.practices.capable, f.practices.total);
    lines.push(`• ${capable}% of general practices have the capability to allow patients to ${OFFER[service]}.`);
    const enabled = wholePercent(f.patients.atEnabled, f.patients.total);
    if (enabled === null) {
      lines.push(
        `• No list sizes are recorded for ${longDate(summary.asOf)}, so there is no figure for patients registered ` +
          `with general practices that offer the ability to ${OFFER[service]}.`,
      );
      continue;
    }
    const before = wholePercent(f.previousYear.patients.atEnabled, f.previousYear.patients.total);
    lines.push(
      `• ${enabled}% of patients are registered with general practices that offer the ability to ${OFFER[service]}. ` +
        `${comparison(enabled, before)}`,
    );
  }
  return lines.join('\n') + '\n';
}

function comparison(now: number, before: number | null): string {
  if (before === null) return 'There is no figure for the same point in the previous year.';
  if (now > before) return `This is up from ${before}% at the same point in the previous year.`;
  if (now < before) return `This is down from ${before}% at the same point in the previous year.`;
  return `This is unchanged at ${now}% since the same point in the previous year.`;
}

/** "at end of September 2014" for a month's last day (as the article), otherwise "on 15 September 2014". */
function when(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return d === daysInMonth(y, m) ? `at end of ${MONTHS[m - 1]} ${y}` : `on ${longDate(date)}`;
}

function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
