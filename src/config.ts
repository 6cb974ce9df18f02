/**
 * Settings a site operator sets once. `CORRECTIONS_EMAIL` is where readers report an error: a
 * plain `mailto:` link, so it works on any static host. It appears on the About page and at the
 * end of every briefing. Set it here, or at build time: `CORRECTIONS_EMAIL=… npm run build`.
 */
export const CORRECTIONS_EMAIL: string = process.env.CORRECTIONS_EMAIL || 'corrections@isf-briefings.example.org';
