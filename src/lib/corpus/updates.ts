/** Dates of a briefing's update log, for pages, feeds and structured data. */
import type { Briefing } from './model.ts';

/** The day a briefing last changed: its latest update, else its own date. */
export function lastModified(briefing: Pick<Briefing, 'updates' | 'data'>): string {
  return briefing.updates[0]?.date ?? briefing.data.date;
}

/** The latest update's day, or undefined when the briefing was never updated. */
export function lastUpdated(briefing: Pick<Briefing, 'updates'>): string | undefined {
  return briefing.updates[0]?.date;
}
