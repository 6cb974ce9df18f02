/**
 * Partial ISO dates ("2025", "2025-12", "2025-12-19") as content stores them, validated without
 * the clock and formatted per locale. Dates are handled in UTC so a build in any time zone
 * prints the same day.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  iso: string;
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial ISO date; returns an error message (for editors) when it is not one. */
export function parsePartialDate(value: string): PartialDate | string {
  const m = ISO_PARTIAL.exec(value);
  if (!m) return `"${value}" is not an ISO date; write "YYYY-MM-DD", "YYYY-MM" or "YYYY"`;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return `"${value}" has month ${month}; months run 01–12`;
  if (day !== undefined && month !== undefined) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return `"${value}" is not a calendar day (month ${month} of ${year} has ${last} days)`;
  }
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return { iso: value, year, ...(month !== undefined && { month }), ...(day !== undefined && { day }), precision };
}

export function isPartialDate(value: string): boolean {
  return typeof parsePartialDate(value) !== 'string';
}

/** Midnight UTC of the first day the partial date covers, for sorting and feeds. */
export function startOf(value: string): Date {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1));
}

/** Compares partial ISO dates chronologically; a coarser date sorts before finer ones inside it. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and options: building an Intl.DateTimeFormat costs far more than using it. */
function formatter(intlLocale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intlLocale}|${JSON.stringify(options)}`;
  let f = FORMATTERS.get(key);
  if (!f) FORMATTERS.set(key, (f = new Intl.DateTimeFormat(intlLocale, options)));
  return f;
}

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** Formatted dates by locale and value: every page repeats the same few hundred dates. */
const FORMATTED = new Map<string, string>();

/** Formats a partial date for readers: "19 December 2025", "December 2025", "2025". */
export function formatPartialDate(value: string, intlLocale: string): string {
  const key = `${intlLocale}|${value}`;
  let text = FORMATTED.get(key);
  if (text === undefined) {
    const parsed = parsePartialDate(value);
    text = typeof parsed === 'string' ? value : formatter(intlLocale, OPTIONS[parsed.precision]).format(startOf(value));
    FORMATTED.set(key, text);
  }
  return text;
}

/**
 * The two ends of a date window for readers, without saying a shared month and year twice:
 * "17" and "21 December 2025", "28 November" and "3 December 2025", or both in full across
 * years or when either end is not a full day. The caller puts them in its sentence.
 */
export function formatWindowEnds(start: string, end: string, intlLocale: string): [string, string] {
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  const full: [string, string] = [formatPartialDate(start, intlLocale), formatPartialDate(end, intlLocale)];
  if (typeof a === 'string' || typeof b === 'string' || a.precision !== 'day' || b.precision !== 'day' || start.slice(0, 4) !== end.slice(0, 4)) return full;
  const options: Intl.DateTimeFormatOptions = start.slice(0, 7) === end.slice(0, 7) ? { day: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', timeZone: 'UTC' };
  return [formatter(intlLocale, options).format(startOf(start)), full[1]];
}

/** Formats an ISO date-time printed in a document ("2024-11-27T20:51"), without time zone shifts. */
export function formatPrintedStamp(value: string, intlLocale: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m || m[1] === undefined) return value;
  const day = formatPartialDate(m[1], intlLocale);
  if (m[2] === undefined || m[3] === undefined) return day;
  const time = formatter(intlLocale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, Number(m[2]), Number(m[3]))),
  );
  return `${day}، ${time}`.replace('،', intlLocale.startsWith('ar') ? '،' : ',');
}

/** The first day a partial date covers, as an ISO day: "2025-12" → "2025-12-01". */
export function firstDay(value: string): string {
  return startOf(value).toISOString().slice(0, 10);
}

/** The last day a partial date covers, as an ISO day: "2025-11" → "2025-11-30", "2025" → "2025-12-31". */
export function lastDay(value: string): string {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  if (parsed.day !== undefined) return value;
  const month = parsed.month ?? 12;
  return new Date(Date.UTC(parsed.year, month, 0)).toISOString().slice(0, 10);
}
