// Writes a deterministic synthetic dataset of N events for the benchmark
// (scripts/bench.sh): `node scripts/bench-data.mjs N OUT_DIR`. Never committed,
// never shipped: OUT_DIR is a temporary directory the build reads through
// TARIKH_DATA_DIR. It keeps the real vocab.toml, sources.toml and periods.toml and
// generates people, places, organisations, disputes and events that pass the
// build's checks, each citing real paragraphs of the real sources. Names are made
// of syllables, so a search narrows step by step as on the real data. The same N
// always gives the same files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('..', import.meta.url).pathname;

export function generate(n, out) {
  const data = join(here, 'data');
  mkdirSync(join(out, 'events'), { recursive: true });
  for (const f of ['vocab.toml', 'sources.toml', 'periods.toml']) copyFileSync(join(data, f), join(out, f));

  // The vocabularies and the sources' paragraph counts, from the real files.
  const vocab = readFileSync(join(data, 'vocab.toml'), 'utf8');
  const table = (name) => {
    const body = vocab.split(`[${name}]`)[1].split(/^\[/m)[0];
    return [...body.matchAll(/^([a-z0-9-]+)\s*=/gm)].map((m) => m[1]);
  };
  const tags = table('tags');
  // Types that check life dates are fine: generated people have none.
  const types = table('event_types');
  const placeKinds = table('place_kinds');
  const orgKinds = table('org_kinds');
  const relationKinds = table('relation_kinds');
  const sources = [...readFileSync(join(data, 'sources.toml'), 'utf8').split('[[source]]').slice(1)].map((b) => ({
    id: b.match(/^id = "([^"]+)"/m)[1],
    paragraphs: Number(b.match(/^paragraphs = (\d+)/m)[1]),
  }));

  // mulberry32: a small seeded generator, so every run writes the same data.
  let seed = 0x7a121 ^ n;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (k) => Math.floor(rand() * k);
  const pick = (list) => list[below(list.length)];
  const some = (list, lo, hi) => {
    const k = lo + below(hi - lo + 1);
    const set = new Set();
    while (set.size < Math.min(k, list.length)) set.add(pick(list));
    return [...set];
  };
  const q = (s) => JSON.stringify(s); // a TOML basic string (ASCII only here)
  const list = (xs) => `[${xs.map(q).join(', ')}]`;
  const cite = () => {
    const s = pick(sources);
    const a = 1 + below(s.paragraphs);
    return rand() < 0.2 && a < s.paragraphs ? `${s.id}:${a}-${a + 1}` : `${s.id}:${a}`;
  };
  const cites = () => list([...new Set(Array.from({ length: 1 + below(2) }, cite))]);
  const syl = ['ka', 'ra', 'sa', 'ta', 'ba', 'ku', 'mu', 'ly', 'de', 'be', 'ken', 'tur', 'zhan', 'khan',
    'bai', 'bek', 'ali', 'nur', 'ser', 'gul', 'as', 'ai', 'yr', 'tol', 'dos', 'mar', 'kal', 'sul', 'tan', 'or'];
  const word = (k) => {
    const w = Array.from({ length: k }, () => pick(syl)).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  const words = ['assembly', 'delegates', 'district', 'committee', 'letter', 'council', 'decree', 'column',
    'garrison', 'elders', 'steppe', 'railway', 'newspaper', 'volost', 'governor', 'commission', 'petition',
    'congress', 'grain', 'tax', 'school', 'teachers', 'detachment', 'caravan', 'treaty', 'envoys', 'market'];
  const sentence = (k) => {
    const s = Array.from({ length: k }, () => (rand() < 0.25 ? word(2) : pick(words))).join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const date = () => {
    const y = 1891 + below(47);
    const m = 1 + below(12);
    const d = 1 + below(28);
    const pad = (x) => String(x).padStart(2, '0');
    const r = rand();
    if (r < 0.3) return `${y}`;
    if (r < 0.6) return `${y}-${pad(m)}`;
    if (r < 0.85) return `${y}-${pad(m)}-${pad(d)}`;
    if (r < 0.92) return `c. ${y}`;
    return y < 1937 ? `${y}/${y + 1 + below(Math.min(3, 1937 - y))}` : `${y}`;
  };
  const id = (prefix, i, width) => `${prefix}-${String(i).padStart(width, '0')}`;

  // Fewer people, places and organisations per event than the real data has:
  // a large collection names the same people many times.
  const nPeople = Math.max(40, Math.round(n / 10));
  // The map's budget (issue 16) is for 2,500 places: the 10k and larger sets have them.
  const nPlaces = n >= 10_000 ? 2500 : Math.max(20, Math.round(n / 40));
  const nOrgs = Math.max(30, Math.round(n / 20));
  const nDisputes = Math.max(5, Math.round(n / 50));
  const w = String(n).length;

  const people = Array.from({ length: nPeople }, (_, i) => id('p', i, w));
  const places = Array.from({ length: nPlaces }, (_, i) => id('pl', i, w));
  const orgs = Array.from({ length: nOrgs }, (_, i) => id('o', i, w));
  const disputes = Array.from({ length: nDisputes }, (_, i) => id('d', i, w));
  const events = Array.from({ length: n }, (_, i) => id('e', i, w));

  // Relations for the web of people (issue 16): each person after the first has
  // up to two, always to someone before them (so each pair is recorded once and
  // never to oneself), mostly to someone near in the list, so the web has clusters.
  let nRelations = 0;
  const relationsOf = (i) => {
    if (i === 0) return '';
    const to = new Set();
    const k = below(3);
    for (let j = 0; j < k; j++) to.add(rand() < 0.7 ? Math.max(0, i - 1 - below(20)) : below(i));
    nRelations += to.size;
    const rel = [...to].map((x) => `{ kind = ${q(pick(relationKinds))}, to = ${q(people[x])}, cite = [${q(cite())}] }`);
    return rel.length ? `relations = [${rel.join(', ')}]\n` : '';
  };
  let query = null;
  let t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
  for (const [i, p] of people.entries()) {
    const first = word(2);
    const last = word(2 + below(2));
    // The benchmark types the first person's surname: each letter narrows the result.
    query ??= last.toLowerCase();
    const name = `${first} ${last}`;
    const alt = `${last}ov`;
    t += `\n[[person]]\nid = ${q(p)}\nname = ${q(name)}\nsummary = ${q(sentence(8))}\n`
      + `names = [{ name = ${q(name)}, src = [${q(pick(sources).id)}] }, { name = ${q(alt)}, src = [${q(pick(sources).id)}] }]\n`
      + `tags = ${list(some(tags, 1, 2))}\naffiliations = ${list(some(orgs, 0, 2))}\n${relationsOf(i)}cite = ${cites()}\n`;
  }
  writeFileSync(join(out, 'people.toml'), t);

  t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
  for (const p of places) {
    const name = word(2 + below(2));
    t += `\n[[place]]\nid = ${q(p)}\nname = ${q(name)}\nnames = [${q(name)}]\nkind = ${q(pick(placeKinds))}\n`
      + `lat = ${(35 + rand() * 20).toFixed(2)}\nlon = ${(50 + rand() * 35).toFixed(2)}\ncite = ${cites()}\n`;
  }
  writeFileSync(join(out, 'places.toml'), t);

  t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
  for (const o of orgs) {
    const name = `${word(2)} ${pick(words)}`;
    t += `\n[[org]]\nid = ${q(o)}\nname = ${q(name)}\nnames = [${q(name)}]\nkind = ${q(pick(orgKinds))}\n`
      + `summary = ${q(sentence(7))}\ntags = ${list(some(tags, 1, 2))}\ncite = ${cites()}\n`;
  }
  writeFileSync(join(out, 'orgs.toml'), t);

  t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
  for (const x of disputes) {
    t += `\n[[dispute]]\nid = ${q(x)}\ntitle = ${q(sentence(6))}\nkind = ${q(pick(['between-sources', 'within-source', 'unsupported']))}\n`
      + `summary = ${q(sentence(20))}\nevents = ${list(some(events, 1, 3))}\npeople = ${list(some(people, 0, 2))}\n`;
    for (let k = 0; k < 2; k++) t += `  [[dispute.claim]]\n  says = ${q(sentence(14))}\n  date = ${q(date())}\n  cite = ${cites()}\n`;
  }
  writeFileSync(join(out, 'disputes.toml'), t);

  // The start page's orientation (data/intro.toml's shape): what the hosted
  // index.html prerenders, so a build without it fails.
  t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
  for (let k = 0; k < 3; k++) {
    t += `\n[[part]]\nid = ${q(`part-${k}`)}\nheading = ${q(sentence(3).slice(0, -1))}\ntext = ${q(`${sentence(16)} ${sentence(18)}`)}\n`
      + `events = ${list(some(events, 2, 4))}\npeople = ${list(some(people, 1, 3))}\ncite = ${cites()}\n`;
  }
  writeFileSync(join(out, 'intro.toml'), t);

  // Events in files of at most 5,000, as an editor would split them.
  const chunk = 5000;
  for (let f = 0; f * chunk < n; f++) {
    t = '# Synthetic (scripts/bench-data.mjs): not history.\n';
    for (const e of events.slice(f * chunk, (f + 1) * chunk)) {
      t += `\n[[event]]\nid = ${q(e)}\ndate = ${q(date())}\ntitle = ${q(`${word(2)} ${pick(words)} at ${word(2)}`)}\n`
        + `summary = ${q(`${sentence(12)} ${sentence(14)}`)}\ntype = ${q(pick(types))}\ntags = ${list(some(tags, 1, 2))}\n`
        + `people = ${list(some(people, 0, 3))}\nplaces = ${list(some(places, 0, 1))}\norgs = ${list(some(orgs, 0, 2))}\n`
        + `cite = ${cites()}\n`;
    }
    writeFileSync(join(out, 'events', `synthetic-${String(f).padStart(3, '0')}.toml`), t);
  }
  return { events: n, people: nPeople, relations: nRelations, places: nPlaces, orgs: nOrgs, disputes: nDisputes, query };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = process.argv.slice(2);
  if (!n || !out) {
    console.error('usage: node scripts/bench-data.mjs EVENTS OUT_DIR');
    process.exit(2);
  }
  console.log(JSON.stringify(generate(Number(n), out)));
}
