'use strict';
// A Gantt chart in plain SVG: one row per discipline / GPU pool, overlapping shots stacked into lanes,
// a dashed line at each episode's delivery date.
const gantt = (() => {
  const DAY = 86400000;
  const NS = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs) => { const n = document.createElementNS(NS, tag); Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v)); return n; };
  const day = iso => Date.parse(iso + 'T00:00:00Z') / DAY;

  function lanes(bars) {
    const ends = [];
    return bars.map(bar => {
      let lane = ends.findIndex(end => end < day(bar.start));
      if (lane < 0) { lane = ends.length; ends.push(0); }
      ends[lane] = day(bar.end);
      return Object.assign({ lane }, bar);
    });
  }

  function draw(container, timeline, deliveries = []) {
    container.replaceChildren();
    if (!timeline.from) { container.textContent = 'This plan has no scheduled shots.'; return; }
    const from = Math.min(day(timeline.from), ...deliveries.map(d => day(d.date)));
    const to = Math.max(day(timeline.to), ...deliveries.map(d => day(d.date))) + 1;
    const labelWidth = 170, laneHeight = 14, pad = 6, pxPerDay = Math.max(4, Math.min(16, 1100 / (to - from)));
    const width = labelWidth + (to - from) * pxPerDay + 20;
    const rows = timeline.rows.map(row => ({ row, placed: lanes(row.bars) }));
    const height = 28 + rows.reduce((h, r) => h + (Math.max(1, ...r.placed.map(b => b.lane + 1)) * laneHeight + 2 * pad), 0);
    const svg = svgEl('svg', { width, height, role: 'img', 'aria-label': 'Plan timeline' });
    const x = d => labelWidth + (d - from) * pxPerDay;
    // month ticks
    for (let d = from; d <= to; d++) {
      const date = new Date(d * DAY);
      if (date.getUTCDate() === 1 || d === from) {
        svg.append(svgEl('line', { x1: x(d), x2: x(d), y1: 18, y2: height, stroke: '#e6e8ee' }));
        const t = svgEl('text', { x: x(d) + 3, y: 13 });
        t.textContent = date.toISOString().slice(0, 7);
        svg.append(t);
      }
    }
    let y = 24;
    rows.forEach(({ row, placed }) => {
      const rowHeight = Math.max(1, ...placed.map(b => b.lane + 1)) * laneHeight + 2 * pad;
      svg.append(svgEl('rect', { x: 0, y, width, height: rowHeight, fill: row.kind === 'DISCIPLINE' ? '#fff' : '#f7f3ff' }));
      svg.append(svgEl('line', { x1: 0, x2: width, y1: y + rowHeight, y2: y + rowHeight, stroke: '#e6e8ee' }));
      const label = svgEl('text', { x: 8, y: y + rowHeight / 2 + 4 });
      label.textContent = row.name || row.code;
      svg.append(label);
      placed.forEach(bar => {
        const rect = svgEl('rect', { class: 'bar ' + bar.mode, x: x(day(bar.start)), y: y + pad + bar.lane * laneHeight,
          width: Math.max(2, (day(bar.end) - day(bar.start) + 1) * pxPerDay), height: laneHeight - 2, rx: 2, 'data-shot': bar.shot });
        const title = svgEl('title', {});
        title.textContent = bar.shot + ' (' + bar.episode + ', ' + bar.mode + '): ' + bar.start + ' → ' + bar.end;
        rect.append(title);
        svg.append(rect);
      });
      y += rowHeight;
    });
    deliveries.forEach(d => {
      svg.append(svgEl('line', { class: 'delivery', x1: x(day(d.date) + 1), x2: x(day(d.date) + 1), y1: 18, y2: height }));
      const t = svgEl('text', { x: x(day(d.date) + 1) - 4, y: height - 4, 'text-anchor': 'end', fill: '#c62828' });
      t.textContent = d.label;
      svg.append(t);
    });
    container.append(svg);
  }

  return { draw };
})();
