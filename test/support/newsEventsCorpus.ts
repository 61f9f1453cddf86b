import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fictional news about two events told by several outlets over several days, for the
 * news-shaped answers (stories across outlets, timelines, digests). Written for these tests;
 * no real outlet or article. Each development of an event is its own story:
 *
 * - `strike-start`: dock workers at Port Halvik walk out (2 and 3 November 2026): Harbour
 *   Herald, a near-identical wire copy in Coastal Wire, a differently written Daily Ledger
 *   report and a German Nordsee Zeitung report.
 * - `strike-end`: the strike ends with a pay deal (6 November): Harbour Herald and the Italian
 *   Corriere del Porto.
 * - `eruption`: Mount Kerrow erupts and an ash cloud closes airports (4 and 5 November):
 *   Coastal Wire, Daily Ledger and the French Journal des Îles.
 * - `flights-resume`: flights resume after the ash cloud (7 November): the German Nordsee
 *   Zeitung and the Spanish Diario Costero.
 * - `strike-analysis`: an undated analysis of the strike (no date stated: never on a timeline).
 * - `cycle-lanes`: unrelated local news (5 November).
 */
export interface CorpusArticle {
  file: string;
  story: string;
  outlet: string;
  url: string;
  /** ISO date, or null when the page states none. */
  published: string | null;
  language: string;
  title: string;
  paragraphs: string[];
}

export const NEWS_EVENTS: CorpusArticle[] = [
  {
    file: 'herald-strike-start.html',
    story: 'strike-start',
    outlet: 'Harbour Herald',
    url: 'https://harbour-herald.example/2026/11/02/halvik-dock-strike',
    published: '2026-11-02',
    language: 'en',
    title: 'Dock workers at Port Halvik walk out over pay',
    paragraphs: [
      'About 1,800 dock workers at Port Halvik stopped work on Monday morning after talks on a new pay agreement broke down, leaving container ships waiting at anchor outside the harbour.',
      'The Halvik Dockers Union is asking for a pay rise of 9 percent over two years; the port operator Halvik Terminals has offered 4 percent and says the union demand would make the port uncompetitive.',
      'Union secretary Maren Tollefsen said the strike would continue until the operator returned to the table with a better offer. Twelve container ships were waiting by Monday evening.',
    ],
  },
  {
    file: 'coastalwire-strike-start.html',
    story: 'strike-start',
    outlet: 'Coastal Wire',
    url: 'https://coastal-wire.example/news/port-halvik-strike',
    published: '2026-11-02',
    language: 'en',
    title: 'Port Halvik dockers strike after pay talks fail',
    paragraphs: [
      'About 1,800 dock workers at Port Halvik stopped work on Monday morning after talks on a new pay agreement broke down, leaving container ships waiting at anchor outside the harbour.',
      'The Halvik Dockers Union is asking for a pay rise of 9 percent over two years; the port operator Halvik Terminals has offered 4 percent and says the union demand would make the port uncompetitive.',
      'Union secretary Maren Tollefsen said the strike would continue until the operator returned to the table with a better offer. Twelve container ships were waiting by Monday evening.',
      'Coastal Wire will update this report as talks resume.',
    ],
  },
  {
    file: 'ledger-strike-start.html',
    story: 'strike-start',
    outlet: 'Daily Ledger',
    url: 'https://daily-ledger.example/business/halvik-port-walkout',
    published: '2026-11-02',
    language: 'en',
    title: 'Halvik port at a standstill as union strikes',
    paragraphs: [
      'Cranes stood idle at Port Halvik on Monday as members of the Halvik Dockers Union began an open-ended strike, the first at the port in eleven years.',
      'Halvik Terminals, which runs the container terminal, called the walkout irresponsible and said its offer of 4 percent was fair; the union wants 9 percent.',
      'Shipping agents said twelve vessels were already queuing and that cargo could be diverted to neighbouring ports if the strike lasted more than a few days.',
    ],
  },
  {
    file: 'nordsee-strike-start.html',
    story: 'strike-start',
    outlet: 'Nordsee Zeitung',
    url: 'https://nordsee-zeitung.example/wirtschaft/streik-hafen-halvik',
    published: '2026-11-03',
    language: 'de',
    title: 'Streik im Hafen Halvik: Zwölf Containerschiffe warten',
    paragraphs: [
      'Im Hafen Halvik streiken seit Montag rund 1.800 Hafenarbeiter. Die Gewerkschaft Halvik Dockers Union fordert 9 Prozent mehr Lohn, der Betreiber Halvik Terminals bietet 4 Prozent.',
      'Vor dem Hafen warten inzwischen zwölf Containerschiffe auf ihre Abfertigung. Reedereien prüfen, Ladung in Nachbarhäfen umzuleiten.',
    ],
  },
  {
    file: 'herald-strike-end.html',
    story: 'strike-end',
    outlet: 'Harbour Herald',
    url: 'https://harbour-herald.example/2026/11/06/halvik-strike-ends',
    published: '2026-11-06',
    language: 'en',
    title: 'Halvik dock strike ends with 6 percent pay deal',
    paragraphs: [
      'The strike at Port Halvik ended on Friday after the Halvik Dockers Union and Halvik Terminals agreed on a pay rise of 6 percent over two years, brokered by the regional mediator Aksel Brun.',
      'Work resumed on the afternoon shift, and the port expects to clear the backlog of waiting ships by the middle of next week.',
    ],
  },
  {
    file: 'corriere-strike-end.html',
    story: 'strike-end',
    outlet: 'Corriere del Porto',
    url: 'https://corriere-del-porto.example/economia/halvik-accordo',
    published: '2026-11-06',
    language: 'it',
    title: 'Halvik, finisce lo sciopero al porto: accordo sul 6 per cento',
    paragraphs: [
      'È finito venerdì lo sciopero dei portuali di Halvik: la Halvik Dockers Union e Halvik Terminals hanno firmato un accordo che prevede un aumento salariale del 6 per cento in due anni, con la mediazione di Aksel Brun.',
      'Il lavoro è ripreso nel turno pomeridiano e le navi in attesa dovrebbero essere servite entro la metà della prossima settimana.',
    ],
  },
  {
    file: 'coastalwire-eruption.html',
    story: 'eruption',
    outlet: 'Coastal Wire',
    url: 'https://coastal-wire.example/news/mount-kerrow-erupts',
    published: '2026-11-04',
    language: 'en',
    title: 'Mount Kerrow erupts, ash cloud closes two airports',
    paragraphs: [
      'The Mount Kerrow volcano erupted early on Wednesday, sending a column of ash eight kilometres into the sky. Kerrow International and Tallin Bay airports closed as the ash cloud drifted east.',
      'The volcano observatory raised the alert level to orange. No injuries were reported, but about 300 residents of the village of Skarvik were moved to a sports hall.',
    ],
  },
  {
    file: 'ledger-eruption.html',
    story: 'eruption',
    outlet: 'Daily Ledger',
    url: 'https://daily-ledger.example/world/kerrow-volcano-ash',
    published: '2026-11-04',
    language: 'en',
    title: 'Flights grounded as Kerrow volcano spews ash',
    paragraphs: [
      'More than 140 flights were cancelled on Wednesday after Mount Kerrow erupted and its ash cloud forced Kerrow International and Tallin Bay airports to close.',
      'Volcanologist Ingrid Halse of the Kerrow observatory said the eruption could go on for days. Residents of Skarvik, the village closest to the crater, spent the night in a sports hall.',
    ],
  },
  {
    file: 'journal-eruption.html',
    story: 'eruption',
    outlet: 'Journal des Îles',
    url: 'https://journal-des-iles.example/monde/eruption-kerrow',
    published: '2026-11-05',
    language: 'fr',
    title: 'Éruption du mont Kerrow : les aéroports fermés',
    paragraphs: [
      'Le volcan Kerrow est entré en éruption mercredi. Le nuage de cendres a entraîné la fermeture des aéroports de Kerrow International et de Tallin Bay, et plus de 140 vols ont été annulés.',
      "L'observatoire a relevé le niveau d'alerte à l'orange ; environ 300 habitants de Skarvik ont été évacués.",
    ],
  },
  {
    file: 'nordsee-flights-resume.html',
    story: 'flights-resume',
    outlet: 'Nordsee Zeitung',
    url: 'https://nordsee-zeitung.example/reise/kerrow-fluege-wieder-aufgenommen',
    published: '2026-11-07',
    language: 'de',
    title: 'Nach der Aschewolke: Flughäfen Kerrow und Tallin Bay wieder offen',
    paragraphs: [
      'Drei Tage nach dem Ausbruch des Vulkans Kerrow haben die Flughäfen Kerrow International und Tallin Bay am Samstag den Betrieb wieder aufgenommen. Die Aschewolke hat sich nach Norden verzogen.',
      'Die Bewohner von Skarvik durften in ihre Häuser zurückkehren; das Observatorium senkte die Warnstufe auf Gelb.',
    ],
  },
  {
    file: 'diario-flights-resume.html',
    story: 'flights-resume',
    outlet: 'Diario Costero',
    url: 'https://diario-costero.example/internacional/kerrow-vuelos',
    published: '2026-11-07',
    language: 'es',
    title: 'Se reanudan los vuelos tras la nube de ceniza del Kerrow',
    paragraphs: [
      'Los aeropuertos de Kerrow International y Tallin Bay reabrieron el sábado, tres días después de la erupción del volcán Kerrow, cuando la nube de ceniza se desplazó hacia el norte.',
      'Los vecinos de Skarvik regresaron a sus casas y el observatorio bajó la alerta a amarillo.',
    ],
  },
  {
    file: 'ledger-strike-analysis.html',
    story: 'strike-analysis',
    outlet: 'Daily Ledger',
    url: 'https://daily-ledger.example/opinion/what-halvik-strike-means',
    published: null,
    language: 'en',
    title: 'What the Halvik dock strike means for shippers',
    paragraphs: [
      'The strike at Port Halvik has shown how much of the region’s container trade depends on a single terminal, and shippers are already asking for a second operator.',
      'Analysts expect freight rates on routes through Halvik to stay higher for some weeks, whatever the outcome of the pay dispute.',
    ],
  },
  {
    file: 'herald-cycle-lanes.html',
    story: 'cycle-lanes',
    outlet: 'Harbour Herald',
    url: 'https://harbour-herald.example/2026/11/05/westbridge-cycle-lanes',
    published: '2026-11-05',
    language: 'en',
    title: 'Westbridge council approves protected cycle lanes',
    paragraphs: [
      'Westbridge city council approved 14 kilometres of protected cycle lanes on Thursday, to be built along the ring road over the next two years at a cost of 22 million euros.',
      'Shop owners on the ring road asked for loading bays to be kept; the council said deliveries would keep access before 10 in the morning.',
    ],
  },
];

/** An article as a web page with the metadata outlets state (site name, date, language). */
export function corpusPage(article: CorpusArticle): string {
  const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const published = article.published ? `<meta property="article:published_time" content="${article.published}T08:00:00Z">` : '';
  return `<!doctype html><html lang="${article.language}"><head><meta charset="utf-8">
<title>${html(article.title)} | ${html(article.outlet)}</title>
<meta property="og:site_name" content="${html(article.outlet)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${html(article.title)}">
<link rel="canonical" href="${article.url}">
${published}
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${html(article.title)}</h1>
${article.paragraphs.map((p) => `<p>${html(p)}</p>`).join('\n')}
</article></main><footer>© ${html(article.outlet)}</footer></body></html>`;
}

/** Writes the corpus (or some of it) into a folder as HTML files, for `npm run ingest` or ingest tests. */
export function writeNewsEvents(dir: string, articles: CorpusArticle[] = NEWS_EVENTS): string[] {
  return articles.map((article) => {
    const path = join(dir, article.file);
    writeFileSync(path, corpusPage(article));
    return path;
  });
}
