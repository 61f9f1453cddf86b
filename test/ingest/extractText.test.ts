import { describe, expect, it } from 'vitest';
import { extractFromText, markdownToText } from '../../ingest/extract/plainText.js';

const origin = { location: '/news/a.txt', source: 'a.txt', url: null };

// Own texts with the shapes pages saved as text have; no words taken from real sites.
const BULLETED_THREAD = `Two ferry operators agree to share routes

12 March 2024
The operators will sell joint tickets and share crews on the northern routes from May.

  • harbour_fan

Finally, one ticket for both ferries!

  • Tove88

This could end the price war on the islands.

  • Pieter

Mara, 12 Mar 2024Ferries are always late on Sundays... moreNot on the northern route.
`;

const GERMAN_WITH_COMMENTS = `Stadt plant neue Straßenbahn

4

Die Stadt will bis 2030 eine neue Straßenbahnlinie bauen. Die Kosten liegen bei 200 Millionen Euro.

Artikel teilen

3 Kommentare

Neueste zuerst

Abonnent
Jonas

Na endlich, das hat lange gedauert.

Leser
Emre

Zu teuer für so eine kurze Strecke.

Abonnent
Katrin

Ich fahre lieber Fahrrad.

Mehr laden`;

const ITALIAN_WITH_CHROME = `Trasporti

Roma e Milano firmano un accordo sui trasporti

Roma e Milano hanno firmato un accordo per coordinare gli orari dei treni regionali.

Seguici sui social per restare sempre aggiornato!

Giulia Neri

Giulia Neri, redattrice dal 2015, scrive di mobilità e di città.

Ultimi articoli

Nuove piste ciclabili in periferia

Il comune ha presentato il piano per collegare i quartieri con…

3 ore fa

Il porto cambia gli orari dei traghetti

Dalla prossima settimana le partenze per le isole saranno…

5 ore fa

Biglietti più cari per i musei civici

Il consiglio ha approvato un aumento che entrerà in vigore…

1 giorno fa`;

describe('plain-text extraction', () => {
  it('separates a bulleted reader thread from the article and reads a prose date', () => {
    const a = extractFromText(BULLETED_THREAD, origin);
    expect(a.title).toBe('Two ferry operators agree to share routes');
    expect(a.published).toBe('2024-03-12');
    expect(a.language).toBe('en');
    expect(a.body).toEqual(['The operators will sell joint tickets and share crews on the northern routes from May.']);
    expect(a.comments.map((c) => c.author)).toEqual(['harbour_fan', 'Tove88', 'Pieter']);
    // The quoted parent comment is removed from a reply.
    expect(a.comments[2]!.text).toBe('Not on the northern route.');
  });

  it('reads a German comment section with role lines and drops counters and widgets', () => {
    const a = extractFromText(GERMAN_WITH_COMMENTS, origin);
    expect(a.title).toBe('Stadt plant neue Straßenbahn');
    expect(a.language).toBe('de');
    expect(a.published).toBeNull();
    expect(a.body.join(' ')).toContain('200 Millionen Euro');
    expect(a.body).not.toContain('4');
    expect(a.body.join(' ')).not.toMatch(/Kommentar|Neueste|Mehr laden|Jonas/);
    expect(a.comments).toEqual([
      { author: 'Jonas', published: null, text: 'Na endlich, das hat lange gedauert.' },
      { author: 'Emre', published: null, text: 'Zu teuer für so eine kurze Strecke.' },
      { author: 'Katrin', published: null, text: 'Ich fahre lieber Fahrrad.' },
    ]);
  });

  it('drops category labels, author bios and teaser lists', () => {
    const a = extractFromText(ITALIAN_WITH_CHROME, origin);
    expect(a.title).toBe('Roma e Milano firmano un accordo sui trasporti');
    expect(a.language).toBe('it');
    expect(a.author).toBe('Giulia Neri');
    expect(a.body).toEqual([
      'Roma e Milano hanno firmato un accordo per coordinare gli orari dei treni regionali.',
      'Seguici sui social per restare sempre aggiornato!',
    ]);
    expect(a.comments).toEqual([]);
    expect(a.published).toBeNull(); // "1 giorno fa" in the chrome is not a publication date
  });

  it('never turns ordinary prose into comments or chrome', () => {
    const text = `Council backs cookie law

The council voted to require cookie banners that can be refused with one click. Cookie consent has been debated for years.

Discussion

Members argued about the costs for small shops, which would need new software.

* * *

The new rules include:

- a one-click refusal button
- no pre-ticked boxes
- yearly audits

Read more

The law takes effect in March, the council said in a statement on Tuesday.`;
    const a = extractFromText(text, origin);
    expect(a.comments).toEqual([]);
    const body = a.body.join('\n');
    expect(body).toContain('Cookie consent has been debated');
    expect(body).toContain('costs for small shops');
    expect(body).toContain('- no pre-ticked boxes');
    expect(body).toContain('takes effect in March');
  });

  it('takes a comment heading and two name-headed replies as a thread, but not a heading with one', () => {
    const two = extractFromText(
      'Tram fares rise\n\nThe city raised tram fares to 3 euros on Monday.\n\nCommenti\n\nPaolo R.\nDieci euro non fermeranno nessuno.\n\nElena\nFinalmente una misura concreta.',
      origin,
    );
    expect(two.comments.map((c) => c.author)).toEqual(['Paolo R.', 'Elena']);
    const one = extractFromText(
      'Tram fares rise\n\nThe city raised tram fares to 3 euros on Monday.\n\nComments\n\nPaolo\nToo expensive for a short ride.',
      origin,
    );
    expect(one.comments).toEqual([]);
  });

  it('needs several agreeing cues: a single bulleted name is not a thread', () => {
    const a = extractFromText(
      'Harbour reopens\n\nThe harbour reopened on Monday after repairs to the quay wall.\n\n  • Ana\n\nGood news for the fishermen.',
      origin,
    );
    expect(a.comments).toEqual([]);
    expect(a.body.join(' ')).toContain('Good news for the fishermen.');
  });

  it('keeps comment dates and reads numeric dates in the text language', () => {
    const thread = `Neue Brücke eröffnet

03.04.2025

Die neue Brücke über den Fluss ist seit heute für den Verkehr freigegeben.

Karl
05.04.2025

Endlich fertig.

Mia
06.04.2025

Viel zu teuer.

Ben
07.04.2025

Schöne Brücke!`;
    const a = extractFromText(thread, origin);
    expect(a.published).toBe('2025-04-03');
    expect(a.comments).toEqual([
      { author: 'Karl', published: '2025-04-05', text: 'Endlich fertig.' },
      { author: 'Mia', published: '2025-04-06', text: 'Viel zu teuer.' },
      { author: 'Ben', published: '2025-04-07', text: 'Schöne Brücke!' },
    ]);
    const us = extractFromText('---\nlanguage: en-US\n---\nBridge opens\n\n03/04/2025\n\nThe bridge opened today for traffic across the river.', origin);
    expect(us.published).toBe('2025-03-04');
    expect(us.language).toBe('en'); // the region reads the date; the article's language is the primary subtag
  });

  it('takes metadata from front matter and never invents a date', () => {
    const a = extractFromText('---\ntitle: Hello\ndate: 2026-05-14\noutlet: Desk\nurl: https://x.example/a\n---\nSome text here about things.', origin);
    expect(a).toMatchObject({ title: 'Hello', published: '2026-05-14', outlet: 'Desk', url: 'https://x.example/a', source: 'a.txt' });
    const undated = extractFromText('Title line\n\nBody text without any date in it at all.', origin);
    expect(undated.published).toBeNull();
  });

  it('turns Markdown into plain text', () => {
    expect(markdownToText('# Head\n\nSome **bold** and [a link](http://x) ![img](p.png)').trim()).toBe('Head\n\nSome bold and a link');
  });
});
