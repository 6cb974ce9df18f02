// Hand-written SVG line chart: build time per page (wall time / pages) against corpus size N.
const W = 720;
const H = 420;
const M = { top: 56, right: 150, bottom: 60, left: 70 };
const SERIES = [
  { key: 'cold', label: 'cold build', color: '#0b5c6b' },
  { key: 'warm', label: 'warm, no change', color: '#b35900' },
  { key: 'changed', label: 'one briefing changed', color: '#6b3fa0' },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function niceMax(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

export function renderChart(runs, info) {
  const pts = runs.filter((r) => r.builds?.cold?.msPerPage).sort((a, b) => a.n - b.n);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const ns = runs.map((r) => r.n);
  const minN = Math.min(...ns, 100);
  const maxN = Math.max(...ns, 1000);
  const lx = (n) => M.left + ((Math.log10(n) - Math.log10(minN)) / (Math.log10(maxN) - Math.log10(minN) || 1)) * pw;
  const all = pts.flatMap((r) => SERIES.map((s) => r.builds[s.key]?.msPerPage ?? 0));
  const ymax = niceMax(Math.max(...all, 1) * 1.1);
  const ly = (v) => M.top + ph - (v / ymax) * ph;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="16" font-weight="bold">Build time per page vs corpus size</text>`);
  out.push(`<text x="${M.left}" y="42" fill="#555">wall time ÷ pages built · ${esc(info.nproc)} CPU ${esc(info.cpu)}, ${esc(info.memoryGiB)} GiB, Node ${esc(info.node)}, Astro ${esc(info.astro ?? '')}</text>`);
  // Grid and y axis.
  for (let i = 0; i <= 5; i++) {
    const v = (ymax / 5) * i;
    const y = ly(v);
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${M.left - 8}" y="${y + 4}" text-anchor="end" fill="#333">${v >= 10 ? Math.round(v) : v.toFixed(1)}</text>`);
  }
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">ms per page</text>`);
  // X axis (log scale), ticks at the measured sizes.
  out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#333"/>`);
  for (const r of pts) {
    const x = lx(r.n);
    out.push(`<line x1="${x}" x2="${x}" y1="${M.top + ph}" y2="${M.top + ph + 5}" stroke="#333"/>`);
    out.push(`<text x="${x}" y="${M.top + ph + 20}" text-anchor="middle" fill="#333">${r.n.toLocaleString('en')}</text>`);
    out.push(`<text x="${x}" y="${M.top + ph + 34}" text-anchor="middle" fill="#777" font-size="10">${r.builds.cold.pages.toLocaleString('en')} pages</text>`);
  }
  out.push(`<text x="${M.left + pw / 2}" y="${H - 8}" text-anchor="middle" fill="#333">N sources (log scale)</text>`);
  // Series.
  SERIES.forEach((s, si) => {
    const coords = pts.filter((r) => r.builds[s.key]?.msPerPage).map((r) => [lx(r.n), ly(r.builds[s.key].msPerPage), r.builds[s.key].msPerPage]);
    if (!coords.length) return;
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5" points="${coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y, v] of coords) {
      out.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${s.color}"><title>${esc(s.label)}: ${v.toFixed(2)} ms/page</title></circle>`);
      out.push(`<text x="${(x + 6).toFixed(1)}" y="${(y - 6).toFixed(1)}" fill="${s.color}" font-size="10">${v.toFixed(v < 10 ? 2 : 1)}</text>`);
    }
    const ly0 = M.top + 10 + si * 20;
    out.push(`<line x1="${M.left + pw + 16}" x2="${M.left + pw + 36}" y1="${ly0}" y2="${ly0}" stroke="${s.color}" stroke-width="2.5"/>`);
    out.push(`<text x="${M.left + pw + 42}" y="${ly0 + 4}" fill="#333">${esc(s.label)}</text>`);
  });
  runs.filter((r) => r.builds?.cold?.failed).forEach((r, i) => {
    out.push(`<text x="${M.left + pw + 16}" y="${M.top + 90 + i * 16}" fill="#b00020">N=${r.n.toLocaleString('en')}: build failed</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
