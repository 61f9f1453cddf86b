import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../ingest/extract/html.js';

/**
 * Comment threads in the markup that published comment systems, CMSs and forum software emit
 * (fixtures in test/fixtures/comment-markup, each naming the template it follows), in the
 * languages of the pages they are common on, and comment-free pages of the same families.
 * Each page goes through the production path (extractFromHtml): the comments must be found
 * with their authors and texts, none of their text may stay in the body, and comment-free
 * pages must get none.
 */
const dir = new URL('../../fixtures/comment-markup/', import.meta.url);

interface Case {
  /** A sentence of the article (or a forum's opening post) that must stay in the body. */
  body: string;
  /** Each comment in page order: its author and a part of its text. */
  comments: Array<[string | null, string]>;
  /** Reader text the markup does not let us read as a comment, which must still stay out of the body. */
  notInBody?: string[];
}

const THREADS: Record<string, Case> = {
  'wordpress-html5-de': {
    body: 'Der Radweg entlang des Kanals',
    comments: [
      ['Jürgen Hoffmann', 'Endlich! Ich fahre dort jeden Morgen'],
      ['Sabine K.', 'Ohne Beleuchtung bleibt der Weg'],
      ['Mehmet Yilmaz', 'Wie lange soll die Umleitung'],
    ],
  },
  'wordpress-xhtml-fr': {
    body: 'La médiathèque municipale ouvrira',
    comments: [
      ['Martine Roussel', 'Très bonne nouvelle pour les enfants'],
      ['Yannick', 'a-t-on demandé leur avis'],
      ['Paul B.', "Six mois d'essai, c'est court"],
    ],
  },
  'wordpress-block-it': {
    body: 'la biblioteca civica resterà aperta',
    comments: [
      ['Giulia Bernardi', 'Gli studenti fuori sede'],
      ['Marco', 'E il parcheggio di sera?'],
      ['Anna Ferri', 'Speriamo che il contributo'],
    ],
  },
  'wordpress-generatepress-es': {
    body: 'El mercado de abastos del centro reabrió',
    comments: [
      ['Carmen Ruiz', 'Ya era hora.'],
      ['Antonio', 'Un quince por ciento más de alquiler'],
      ['Lucía M.', 'El aparcamiento es lo mejor'],
    ],
  },
  'blogger-classic-de': {
    body: 'habe ich endlich die ersten Tomaten ausgesät',
    comments: [
      ['Hannelore', 'Die Joghurtbecher-Idee ist super'],
      ['Anonym', 'Welche alten Sorten sind es denn?'],
      ['Gärtnerin Uta', 'Ochsenherz, Berner Rose'],
    ],
  },
  'blogger-threaded-pt': {
    body: 'Esse bolo de fubá é a receita',
    comments: [
      ['Rosana Lima', 'Fiz hoje e ficou igualzinho'],
      ['Cozinha da Serra', 'Que alegria saber disso'],
      ['Anônimo', 'Dá para trocar o óleo'],
    ],
  },
  'drupal7-nl': {
    body: 'De gemeente wil naast het station',
    comments: [
      ['Henk de Vries', 'Eindelijk, want nu is het'],
      ['Femke', 'waar moeten de bezoekers van het ziekenhuis'],
      ['Ahmed B.', 'Wordt de stalling ook bewaakt?'],
    ],
  },
  'drupal9-en': {
    body: 'The waiting list for council allotments',
    comments: [
      ['Pat Morgan', 'Half plots are plenty for a beginner'],
      ['gwen_grows', 'a full plot was far too much work'],
      ['Derek', 'The land by the river floods'],
    ],
  },
  'jcomments-ru': {
    body: 'Администрация города объявила',
    comments: [
      ['Ирина', 'Дети всю зиму катались'],
      ['Сергей Петрович', 'Хорошо бы ещё освещение'],
      ['Гость', 'А парковку опять сделают'],
    ],
  },
  'typepad-en': {
    body: 'Two swallows were sitting on the telephone wire',
    comments: [
      ['Janet', 'We had ours back on Sunday too!'],
      ['Tom Barker', 'Is it really that early?'],
      ['Margaret', 'Tom, in the south yes'],
    ],
  },
  'serendipity-de': {
    body: 'Ab dem Fahrplanwechsel im Dezember',
    comments: [
      ['Petra', 'Der Umweg über Nürnberg'],
      ['Klaus', 'die Anschlüsse in Nürnberg'],
      ['Thomas W.', 'ob Interrail-Pässe in dem Zug gelten'],
    ],
  },
  'contao-de': {
    body: 'Am letzten Schultag vor den Sommerferien',
    comments: [
      ['Familie Brandt', 'Wir bringen wieder unseren Zupfkuchen mit!'],
      ['Schulleitung', 'der Flohmarkt findet wie immer'],
      ['Jens Otto', 'Die Hochbeete sind eine tolle Idee'],
      ['Gärtnerei Lindner', 'Wir spenden gern die Erde'],
    ],
  },
  'typo3-comments-de': {
    body: 'Ab dem ersten April ist das Bürgerbüro',
    comments: [
      ['Renate Maier', 'keinen halben Tag Urlaub mehr nehmen'],
      ['F. Schuster', 'Schade um den Mittwochnachmittag'],
      ['Bernd', 'Gibt es die Online-Termine auch'],
    ],
  },
  'phpbb-de': {
    body: 'wir haben ein Haus von 1958',
    comments: [
      ['heizfux', 'Bei uns läuft seit zwei Jahren'],
      ['Sonnenschein77', 'Heizlastberechnung für jeden Raum'],
      ['Altbauretter', 'die Heizlastberechnung ist schon beauftragt'],
    ],
  },
  'xenforo-fr': {
    body: 'je voudrais me mettre au vélo de route',
    comments: [
      ['Grimpeur38', "Prends l'aluminium avec disques"],
      ['Nadège', 'Un vieux cadre acier'],
    ],
  },
  'smf-es': {
    body: 'quiero montar un pequeño huerto en la terraza',
    comments: [
      ['Tomatero', 'Las mesas de cultivo de madera'],
      ['Javi_BCN', 'Yo riego por goteo'],
    ],
  },
  'mybb-pl': {
    body: 'szukam roweru elektrycznego do codziennych dojazdów',
    comments: [
      ['Agnieszka', 'zdecydowanie silnik centralny'],
      ['tomek84', 'Bateria wyjmowana to podstawa'],
    ],
  },
  'invision-en': {
    body: 'I lose about a third of my seed potatoes',
    comments: [
      ['Old Digger', 'Paper sacks hold the damp'],
      ['Beth H', 'Egg boxes work for me'],
    ],
  },
  'vbulletin-en': {
    body: 'found a patch of rust on the nearside rear arch',
    comments: [
      ['SpannerDave', 'it has to be cut out'],
      ['roadster_ruth', 'Repair panels for that arch are cheap'],
    ],
  },
  'vbulletin3-de': {
    body: 'bei meinem Golf IV 1.6 mit 140.000 km',
    comments: [
      ['Schraubergott', 'Machbar ja, aber nur mit dem richtigen Arretierwerkzeug'],
      ['vw_petra', 'Die Wasserpumpe würde ich auf jeden Fall'],
    ],
  },
  'woltlab-de': {
    body: 'wir haben ein Grundstück mit etwa 800 m² Rasen',
    comments: [
      ['Mähmeister', 'würde ich keinen Standard-Roboter nehmen'],
      ['Hanggarten', 'Unser Roboter mit Allradantrieb'],
    ],
  },
  'bbpress-en': {
    body: 'the soil is heavy yellow clay',
    comments: [
      ['rootsandshoots', 'Grazing rye every time on clay'],
      ['beanqueen', 'Field beans fix nitrogen'],
    ],
  },
  'disqus-wp-plugin-en': {
    body: 'the overnight sleeper to the coast returns this summer',
    comments: [
      ['Helen Carter', 'I took the old sleeper every summer'],
      ['Rob K', 'it needs to run daily'],
      ['Priya', 'Will bicycles be allowed on board?'],
    ],
  },
  'custom-blog-tr': {
    body: 'Ekşi maya hazırlamak sanıldığı kadar zor değil',
    comments: [
      ['Ayşe K.', 'ben de döküm tencerede denedim'],
      ['Mehmet', 'Mayayı buzdolabında ne kadar süre'],
      ['Zeynep Yılmaz', 'Tam buğday unu ile'],
    ],
  },
  'custom-blog-nl': {
    body: 'De eerste tuinbonen zitten in de grond',
    comments: [
      ['Joke', 'Bij ons is de grond nog veel te nat'],
      ['Pieter van Dam', 'Welk oud aardappelras heb je gevonden?'],
      ['Els', 'het is inderdaad de Eigenheimer'],
    ],
    notInBody: ["ik kijk uit naar de foto's van de tuinbonen"],
  },
  'custom-guestbook-de': {
    body: 'Mit einem 3:1-Heimsieg gegen den SV Oberdorf',
    comments: [
      ['Helmut S.', 'Glückwunsch an die Mannschaft'],
      ['Sabine Maurer', 'Wir sind am Samstag natürlich dabei'],
      ['Timo', 'Weiß schon jemand, wer der neue Trainer wird?'],
    ],
    notInBody: ['am 12.03.2019 um 19:02 Uhr'],
  },
  'custom-posted-by-fr': {
    body: 'Le marché de Noël quittera la place',
    comments: [
      ['Sylvie Marchand', "Les quais, c'est une bonne idée"],
      ['Jean-Luc', 'Et les navettes'],
      ['Une commerçante', 'Sans navettes, décembre sera catastrophique'],
    ],
  },
  'custom-single-de': {
    body: 'Vier Tage sind wir von Trier nach Koblenz',
    comments: [['Renate', 'Welchen Campingplatz in Traben-Trarbach']],
  },
  'discourse-ja': {
    body: 'はじめて自作キーボードに挑戦しようと思っています',
    comments: [
      ['keymaster', '温度調節のできるはんだごては必須です'],
      ['taro_k', 'ホットスワップ対応の基板にしておくと'],
      ['hana', 'キットを注文してみました'],
    ],
  },
  'custom-blog-ru': {
    body: 'За двадцать лет у меня накопилось',
    comments: [
      ['Наталья', 'Осушитель обязательно'],
      ['Виктор Палыч', 'А вы не боитесь оставлять книги'],
      ['Лёша', 'Три тысячи книг!'],
    ],
  },
  'custom-blog-zh': {
    body: '今天整理了三条从市区出发',
    comments: [
      ['骑行的阿杰', '河边绿道上周刚走过'],
      ['小雨', '请问第二条路线爬坡的坡度'],
      ['老王', '补给点的小卖部下午五点就关门了'],
    ],
  },
};

/** Comment-free pages of the same families, with a sentence of the body that must stay. */
const COMMENT_FREE: Record<string, { body: string; absent?: string }> = {
  'none-related-posts-de': { body: 'Die Stadtwerke erneuern ab April' },
  'none-author-box-de': { body: 'Die Stadtwerke erneuern ab April', absent: 'Deine E-Mail-Adresse' },
  'none-newsletter-fr': { body: 'La métropole a validé mardi' },
  'none-teasers-es': { body: 'La biblioteca municipal abrirá hasta la medianoche' },
  'none-liveblog-de': { body: 'Der Pegel in der Altstadt hat die Marke' },
  'none-disqus-noscript-en': { body: 'The old textile mill on the river' },
  'none-tweets-en': { body: 'The coastal road between the harbour and the lighthouse' },
  'none-forum-index-de': { body: 'Das Vereinsheim bekommt im Frühjahr ein neues Dach' },
  'none-opinion-de': { body: 'Der Kreistag hat am Montag drei neue Buslinien beschlossen' },
  'none-events-it': { body: 'Dopo tre anni di restauri il teatro comunale' },
};

function extract(name: string, edit: (html: string) => string = (html) => html) {
  const html = edit(readFileSync(new URL(`${name}.html`, dir), 'utf8'));
  const url = `https://site.example/${name}`;
  const article = extractFromHtml(html, { location: url, url, source: url });
  return { ...article, bodyText: article.body.join('\n') };
}

describe('comment threads in the markup of published comment systems, CMSs and forums', () => {
  for (const [name, expected] of Object.entries(THREADS)) {
    it(`${name}: finds each comment with its author, and keeps none of them in the body`, () => {
      const a = extract(name);
      expect(a.bodyText).toContain(expected.body);
      const found = a.comments.map((c) => [c.author, c.text]);
      expect(found.length, JSON.stringify(found, null, 1)).toBe(expected.comments.length);
      expected.comments.forEach(([author, text], i) => {
        expect(a.comments[i]!.author).toBe(author);
        expect(a.comments[i]!.text).toContain(text);
      });
      for (const text of [...expected.comments.map(([, t]) => t), ...(expected.notInBody ?? [])]) expect(a.bodyText).not.toContain(text);
    });
  }

  for (const [name, expected] of Object.entries(COMMENT_FREE)) {
    it(`${name}: gives no comments and keeps the article`, () => {
      const a = extract(name);
      expect(a.comments).toEqual([]);
      expect(a.bodyText).toContain(expected.body);
      if (expected.absent) expect(a.bodyText).not.toContain(expected.absent);
    });
  }

  it("reads a thread whose theme sets the thread's title in an h1 (the page's headline is the first h1)", () => {
    const a = extract('wordpress-html5-de', (html) =>
      html.replace('<h2 class="comments-title">3 Kommentare</h2>', '<h1 class="comments-title">3 Kommentare</h1>'),
    );
    expect(a.comments.map((c) => c.author)).toEqual(['Jürgen Hoffmann', 'Sabine K.', 'Mehmet Yilmaz']);
    expect(a.bodyText).toContain('Der Radweg entlang des Kanals');
    expect(a.bodyText).not.toContain('Endlich! Ich fahre dort');
  });

  it('names the author, not the whole line, when a theme writes name, date and verb in the author element ("<strong>X</strong> le <a>date</a> a dit :")', () => {
    const a = extract('wordpress-xhtml-fr', (html) =>
      html.replace(/<cite class="fn">(.*?)<\/cite> <span class="says">dit :<\/span>/g, '<strong>$1</strong> le <a href="#c">12 mars 2019 à 14:33</a> a dit :'),
    );
    expect(a.comments.map((c) => c.author)).toEqual(['Martine Roussel', 'Yannick', 'Paul B.']);
    for (const c of a.comments) expect(c.text).not.toMatch(/a dit|12 mars/);
    expect(a.comments[0]!.text).toContain('Très bonne nouvelle pour les enfants');
  });

  it('reads a lone comment under a title line that is no heading element, after an anchor', () => {
    const a = extract('custom-single-de', (html) =>
      html.replace('<div class="kommentare">\n<h3>1 Kommentar</h3>', '<div class="box">\n<a name="k"></a><div class="titel">1 Kommentar</div>'),
    );
    expect(a.comments.map((c) => [c.author, c.text])).toEqual([
      ['Renate', 'Danke für den Bericht! Welchen Campingplatz in Traben-Trarbach könnt ihr empfehlen?'],
    ]);
    expect(a.bodyText).not.toMatch(/Traben-Trarbach könnt|1 Kommentar/);
  });

  it('reads a thread named only by WordPress\'s translated heading ("3 risposte a …") when the theme renamed every class, names from the header\'s column of names', () => {
    const a = extract('wordpress-block-it', (html) =>
      html
        .replace(/ class="[^"]*"/g, (m) => (/comment/.test(m) ? ' class="x"' : m))
        .replace(/ id="comment-\d+"/g, '')
        .replace(/ id="respond"/g, ''),
    );
    expect(a.comments.map((c) => [c.author, c.text])).toEqual([
      ['Giulia Bernardi', 'Finalmente! Gli studenti fuori sede aspettavano da anni una sala aperta la sera.'],
      ['Marco', 'E il parcheggio di sera? Dopo le venti la piazza è completamente al buio.'],
      ['Anna Ferri', 'Speriamo che il contributo della fondazione venga rinnovato dopo i due anni.'],
    ]);
    expect(a.bodyText).not.toMatch(/Gli studenti fuori sede|parcheggio di sera|fondazione venga rinnovato/);
  });
});
