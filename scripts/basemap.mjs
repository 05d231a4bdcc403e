// The map's basemap, made at build time (issue 16) from packages of the npm
// registry (package.json's devDependencies, installed by scripts/setup.sh):
//   world-atlas                  Natural Earth 1:50m land (the Caspian is a hole in it)
//                                and countries (present-day borders, drawn faintly);
//   @geo-maps/earth-lakes-10km   lakes from OpenStreetMap (the Aral Sea, Balkhash, …);
// Projected with the map's projection (src/core/map/project.rs: the same constants and
// formulas; both are checked against the same known points), clipped to its frame,
// simplified and written as SVG path data in one small text file:
//
//   tarikh-basemap 1
//   frame <x0> <y0> <x1> <y1> <width> <height>   projected frame, and the viewBox size
//   proj albers <phi1> <phi2> <phi0> <lambda0>
//   land <path>       lakes <path>     borders <path>
//   label <x> <y> <text>
//
// `node scripts/basemap.mjs out.txt` writes it alone; scripts/postbuild.mjs calls
// `basemap()`. A missing package stops the build with a message saying what to run.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// ---- the projection: keep in step with src/core/map/project.rs -----------------
export const PROJ = { phi1: 35, phi2: 55, phi0: 45, lambda0: 60 };
export const FRAME = { x0: -0.68, y0: -0.45, x1: 0.68, y1: 0.43, width: 2000 };
FRAME.height = Math.round((FRAME.width * (FRAME.y1 - FRAME.y0)) / (FRAME.x1 - FRAME.x0));

const RAD = Math.PI / 180;
const N = (Math.sin(PROJ.phi1 * RAD) + Math.sin(PROJ.phi2 * RAD)) / 2;
const C = Math.cos(PROJ.phi1 * RAD) ** 2 + 2 * N * Math.sin(PROJ.phi1 * RAD);
const RHO0 = Math.sqrt(C - 2 * N * Math.sin(PROJ.phi0 * RAD)) / N;

/** Albers equal-area conic (sphere): lon/lat in degrees → projected x, y (north up). */
export function albers(lon, lat) {
  const rho = Math.sqrt(Math.max(0, C - 2 * N * Math.sin(lat * RAD))) / N;
  const theta = N * (lon - PROJ.lambda0) * RAD;
  return [rho * Math.sin(theta), RHO0 - rho * Math.cos(theta)];
}

/** lon/lat → the basemap's units (0..width, 0..height, y down). */
export function toMap(lon, lat) {
  const [x, y] = albers(lon, lat);
  const s = FRAME.width / (FRAME.x1 - FRAME.x0);
  return [(x - FRAME.x0) * s, (FRAME.y1 - y) * s];
}

// ---- reading the packages ------------------------------------------------------
const require = createRequire(import.meta.url);
function pkg(name, file) {
  let path;
  try {
    path = require.resolve(`${name}/${file}`);
  } catch {
    throw new Error(`basemap: the npm package ${name} is missing (it gives the map's ${file}). `
      + 'Run `bash scripts/setup.sh` (or `npm ci`) to install the build tools, then build again.');
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** TopoJSON arcs → lon/lat point lists. */
function topoArcs(t) {
  const [sx, sy] = t.transform.scale;
  const [tx, ty] = t.transform.translate;
  return t.arcs.map((a) => {
    let x = 0, y = 0;
    return a.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}
function topoRing(arcs, ids) {
  const out = [];
  for (const i of ids) {
    const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    out.push(...(out.length ? a.slice(1) : a));
  }
  return out;
}
function topoPolygons(geom) {
  if (geom.type === 'Polygon') return [geom.arcs];
  if (geom.type === 'MultiPolygon') return geom.arcs;
  return [];
}

// ---- geometry ----------------------------------------------------------------
const W = FRAME.width, H = FRAME.height, PAD = 4;
// S: viewBox units per unit of a 1000-wide map; TOL: how far (in viewBox units) a
// simplified line may stray from the source's (about 2.6 km at width 2000).
const S = (W / 1000) ** 2, TOL = 0.6;

/** Sutherland–Hodgman: a closed ring clipped to the frame (a little outside it). */
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= -PAD, (a, b) => cut(a, b, 0, -PAD)],
    [(p) => p[0] <= W + PAD, (a, b) => cut(a, b, 0, W + PAD)],
    [(p) => p[1] >= -PAD, (a, b) => cut(a, b, 1, -PAD)],
    [(p) => p[1] <= H + PAD, (a, b) => cut(a, b, 1, H + PAD)],
  ];
  let pts = ring;
  for (const [inside, at] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i], b = pts[(i + 1) % pts.length];
      if (inside(a)) { out.push(a); if (!inside(b)) out.push(at(a, b)); } else if (inside(b)) out.push(at(a, b));
    }
    pts = out;
  }
  return pts;
}
function cut(a, b, k, v) {
  const t = (v - a[k]) / (b[k] - a[k]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** Douglas–Peucker on an open polyline. */
function simplify(pts, tol) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    const [ax, ay] = pts[i], [bx, by] = pts[j];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1;
    let far = -1, best = tol;
    for (let k = i + 1; k < j; k++) {
      const d = len === 1 && dx === 0 && dy === 0
        ? Math.hypot(pts[k][0] - ax, pts[k][1] - ay)
        : Math.abs(dy * (pts[k][0] - ax) - dx * (pts[k][1] - ay)) / len;
      if (d > best) { best = d; far = k; }
    }
    if (far >= 0) { keep[far] = 1; stack.push([i, far], [far, j]); }
  }
  return pts.filter((_, k) => keep[k]);
}

function area(ring) {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s / 2);
}

const outside = (ring) => ring.every((p) => p[0] < 0) || ring.every((p) => p[0] > W)
  || ring.every((p) => p[1] < 0) || ring.every((p) => p[1] > H);

/** Path data in whole units of the viewBox: `M x y` then relative steps, `z` to close. */
function pathOf(lines, closed) {
  let d = '';
  for (const pts of lines) {
    const q = [];
    for (const [x, y] of pts) {
      const p = [Math.round(x), Math.round(y)];
      const last = q[q.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
    }
    if (q.length < (closed ? 3 : 2)) continue;
    d += `M${q[0][0]} ${q[0][1]}`;
    let prev = q[0], rel = '';
    for (const p of q.slice(1)) {
      const dx = p[0] - prev[0], dy = p[1] - prev[1];
      rel += (dx < 0 ? '' : ' ') + dx + (dy < 0 ? '' : ' ') + dy;
      prev = p;
    }
    d += 'l' + rel.replace(/^ /, '') + (closed ? 'z' : '');
  }
  return d;
}

/** Rings (lon/lat) → projected, clipped, simplified; tiny ones dropped. */
function rings(list, { tol, minArea }) {
  const out = [];
  for (const r of list) {
    // The frame lies well north of the equator; a southern ring (Antarctica) would
    // project to a ring around the whole frame.
    if (r.every(([, lat]) => lat < 5)) continue;
    // Longitudes on this side of the projection's antimeridian (λ0 − 180°), so a ring
    // crossing ±180° (Afro-Eurasia reaches Chukotka) stays in one piece.
    const m = r.map(([lon, lat]) => toMap(lon < PROJ.lambda0 - 180 ? lon + 360 : lon, Math.max(-89, Math.min(89, lat))));
    if (outside(m)) continue;
    const c = clipRing(m);
    if (c.length < 3) continue;
    const s = simplify([...c, c[0]], tol).slice(0, -1);
    if (s.length >= 3 && area(s) >= minArea) out.push(s);
  }
  return out;
}

// The lakes drawn: name, then the box (west, south, east, north) its shores lie in.
const LAKES = [
  ['Aral Sea', 57.5, 43, 62, 47.2],
  ['Lake Balkhash', 73, 44.5, 79.5, 47.5],
  ['Issyk-Kul', 76, 42, 79, 43],
  ['Lake Ladoga', 29, 59.8, 33.5, 61.9],
  ['Lake Onega', 34, 60.8, 36.6, 63],
  ['Lake Baikal', 103, 51, 110.5, 56],
  ['Lake Urmia', 44.8, 37, 46.2, 38.5],
  ['Lake Van', 42, 38.2, 43.8, 39.1],
  ['Lake Sevan', 44.8, 40, 45.7, 40.7],
];

// ---- the layers ----------------------------------------------------------------
export function basemap() {
  const land = pkg('world-atlas', 'land-10m.json');
  const countries = pkg('world-atlas', 'countries-10m.json');
  const lakes = pkg('@geo-maps/earth-lakes-10km', 'map.geo.json');

  const landArcs = topoArcs(land);
  const landRings = [];
  for (const g of land.objects.land.geometries) {
    for (const poly of topoPolygons(g)) for (const ids of poly) landRings.push(topoRing(landArcs, ids));
  }
  const landPath = pathOf(rings(landRings, { tol: TOL, minArea: 8 * S }), true);

  // Natural lakes, named (reservoirs and lakes made after 1937, like Sarygamysh or
  // Aydar, are left out). The Caspian is already a hole in the land.
  const lakeRings = [];
  for (const g of lakes.geometries) {
    const polys = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
    for (const poly of polys) {
      if (LAKES.some(([, w, s, e, n]) => poly[0].every(([lon, lat]) => lon > w && lon < e && lat > s && lat < n))) {
        lakeRings.push(poly[0]);
      }
    }
  }
  const lakePath = pathOf(rings(lakeRings, { tol: TOL, minArea: 2 * S }), true);

  // Present-day borders: arcs two different countries share.
  const cArcs = topoArcs(countries);
  const users = new Map();
  countries.objects.countries.geometries.forEach((g, gi) => {
    for (const poly of topoPolygons(g)) for (const ids of poly) for (const i of ids) {
      const a = i < 0 ? ~i : i;
      if (!users.has(a)) users.set(a, new Set());
      users.get(a).add(gi);
    }
  });
  const borderLines = [];
  for (const [a, who] of users) {
    if (who.size < 2) continue;
    const m = cArcs[a].map(([lon, lat]) => toMap(lon, lat));
    // Keep the pieces inside the frame (a border line is not closed: cut, don't clip).
    let piece = [];
    for (const p of m) {
      if (p[0] >= -PAD && p[0] <= W + PAD && p[1] >= -PAD && p[1] <= H + PAD) piece.push(p);
      else { if (piece.length > 1) borderLines.push(piece); piece = []; }
    }
    if (piece.length > 1) borderLines.push(piece);
  }
  const borderPath = pathOf(borderLines.map((l) => simplify(l, 1.5 * TOL)), false);

  const labels = [
    [50.8, 42.4, 'Caspian Sea'],
    [59.9, 45.1, 'Aral Sea'],
    [34.5, 43.3, 'Black Sea'],
  ].map(([lon, lat, t]) => { const [x, y] = toMap(lon, lat); return `label ${Math.round(x)} ${Math.round(y)} ${t}`; });

  const lines = [
    'tarikh-basemap 1',
    `frame ${FRAME.x0} ${FRAME.y0} ${FRAME.x1} ${FRAME.y1} ${FRAME.width} ${FRAME.height}`,
    `proj albers ${PROJ.phi1} ${PROJ.phi2} ${PROJ.phi0} ${PROJ.lambda0}`,
    `land ${landPath}`,
    `lakes ${lakePath}`,
    `borders ${borderPath}`,
    ...labels,
  ];
  return lines.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const text = basemap();
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
}
