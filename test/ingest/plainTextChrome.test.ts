/**
 * Plain-text chrome and metadata are recognised from the shape and position of lines, never
 * from particular words or sites: ordinary prose that merely looks like a label, a counter, a
 * byline, an author box, a quoted reply or a site name stays text, while the same shapes in
 * the places where pages print their chrome are still taken out.
 */
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../ingest/extract/plainText.js';

const origin = { location: '/news/a.txt', source: 'a.txt', url: null };
const extract = (text: string) => extractFromText(text, origin);

const CONTEST =
  'The song contest final in Basel drew 160 million viewers, the broadcasters said on Sunday, and the winning ballad was streamed more than any entry before it.';
const JURY = 'Juries from 37 countries awarded their points before the public vote, which decided the result in the last minutes of a close evening.';

describe('plain-text headlines and section labels', () => {
  it('keeps a one-word headline over its text as the title', () => {
    const a = extract(`Eurovision\n\n${CONTEST}\n\n${JURY}`);
    expect(a.title).toBe('Eurovision');
    expect(a.body).toEqual([CONTEST, JURY]);
  });

  it('drops a short section label above a longer headline', () => {
    const a = extract(`Culture\n\nA ballad wins the contest in Basel\n\n${CONTEST}\n\n${JURY}`);
    expect(a.title).toBe('A ballad wins the contest in Basel');
    expect(a.body).toEqual([CONTEST, JURY]);
  });

  it('drops a short label the page repeats alone between paragraphs, but keeps short lines of a table', () => {
    const a = extract(
      `A ballad wins the contest in Basel\n\n${CONTEST}\n\nAdvertisement\n\n${JURY}\n\nAdvertisement\n\nFinal points\nSwitzerland\n436\nAustria\n312\nSwitzerland\n\nThe next contest will be held in the winning country.`,
    );
    expect(a.body).not.toContain('Advertisement');
    expect(a.body).toContain('Final points');
    expect(a.body.filter((line) => line === 'Switzerland')).toHaveLength(2);
  });
});

describe('plain-text numbers under the headline', () => {
  it('keeps a list of lone numbers as text', () => {
    const a = extract(
      `Seats after the regional election\n\n412\n\n198\n\n57\n\nThe three parties won 412, 198 and 57 seats, the electoral office said after the count ended on Monday night.`,
    );
    expect(a.body.slice(0, 3)).toEqual(['412', '198', '57']);
  });

  it('drops a lone counter between the headline and the text', () => {
    const a = extract(
      `Ferry service resumes\n\n12\n\nThe ferry between the two islands resumed service on Friday after three weeks of repairs to its engines.`,
    );
    expect(a.body).toEqual(['The ferry between the two islands resumed service on Friday after three weeks of repairs to its engines.']);
  });
});

describe('plain-text authors', () => {
  const PROFILE = `Three families after the mill closed

The mill that employed half the valley closed in March, and the families who depended on it are still deciding whether to stay.

Maria Lopez

Maria Lopez, 34, lost her job on the packing line and now drives two hours a day to a warehouse in the city.

The town council has promised retraining, but few courses have started, and most workers say they cannot wait for them.`;

  it('keeps a person introduced by name inside the article', () => {
    const a = extract(PROFILE);
    expect(a.author).toBeNull();
    expect(a.body).toContain('Maria Lopez');
    expect(a.body.join('\n')).toContain('Maria Lopez, 34, lost her job');
  });

  it('takes the author box after the text as the author and drops the bio', () => {
    const a = extract(`${PROFILE}\n\nTomas Weber\n\nTomas Weber, a reporter from the valley, covers labour and industry.`);
    expect(a.author).toBe('Tomas Weber');
    expect(a.body.join('\n')).not.toContain('covers labour and industry');
    expect(a.body.join('\n')).toContain('Maria Lopez, 34');
  });

  it('keeps a first sentence that starts like a byline, and reads a real byline', () => {
    const flood = 'By Tuesday, the river had risen two metres above its usual level.';
    const prose = extract(`River floods the old town\n\n${flood}\n\nShops along the quay were closed.`);
    expect(prose.author).toBeNull();
    expect(prose.body[0]).toBe(flood);
    const byline = extract(`River floods the old town\n\nBy Lena Park · 4 June 2025\n\n${flood}`);
    expect(byline).toMatchObject({ author: 'Lena Park', published: '2025-06-04', body: [flood] });
  });
});

describe('plain-text outlet', () => {
  const TEXT = `Snow arrives early in the Alps\n\nThe first heavy snow of the season fell on Thursday, two weeks earlier than usual, and several passes were closed to traffic overnight.`;

  it('never takes a photo credit or a host named once as the outlet', () => {
    expect(extract(`${TEXT}\n\nPhoto: St.Moritz tourism`).outlet).toBeNull();
    const credited = extract(`${TEXT}\n\nPhoto: alpine-pictures.com`);
    expect(credited.outlet).toBeNull();
    expect(credited.body).toContain('Photo: alpine-pictures.com');
  });

  it('takes a standalone host line at the bottom or top, and a host the footer repeats', () => {
    expect(extract(`${TEXT}\n\nvalley-courier.ch`)).toMatchObject({ outlet: 'valley-courier.ch', body: [TEXT.split('\n\n')[1]] });
    expect(extract(`www.valley-courier.ch\n\n${TEXT}`)).toMatchObject({ outlet: 'valley-courier.ch', title: 'Snow arrives early in the Alps' });
    const footer = `${TEXT}\n\nShare\n\nAbout us\n\n- Editor of valley-courier.ch since 2019\n\nThanks for reading valley-courier.ch`;
    expect(extract(footer).outlet).toBe('valley-courier.ch');
  });
});

describe('plain-text replies and threads', () => {
  it('keeps a reply-looking "name, date" line inside an article', () => {
    const line = 'Ann Berg, 3 March 2021 — the day the plant closed — is a date nobody in the town forgets.';
    const a = extract(
      `The plant that closed\n\nThe plant closed after forty years, and the town has changed since then in ways few expected.\n\n${line}\n\nThe site is now a park.`,
    );
    expect(a.body).toContain(line);
    expect(a.comments).toEqual([]);
  });

  const LINE_UP = `Festival line-up announced

The organisers of the river festival announced the full line-up on Wednesday, with three stages and more than forty acts over the weekend.

Main stage
The Lanterns

The band opens the festival on Friday at eight.

Main stage
Aurelia

The singer plays her first concert in the country on Saturday.

River tent
Kai Brenner

The poet closes the weekend on Sunday night.`;

  it('keeps a line-up whose entries repeat a label above each name as text', () => {
    const a = extract(LINE_UP);
    expect(a.comments).toEqual([]);
    expect(a.body).toContain('The poet closes the weekend on Sunday night.');
    expect(a.body.filter((line) => line === 'Main stage')).toHaveLength(2);
  });

  it('splits off a thread of role-labelled replies under a comment heading', () => {
    const a = extract(`Library extends its hours

The city library will open until ten in the evening from next month, the council announced on Wednesday after a petition.

Comments

Top contributor
Linus

Great news for students.

New here
Ola

About time, honestly.

Top contributor
Meera

Ann, 3 March 2021 was the last time they changed the hours.`);
    expect(a.body).toEqual(['The city library will open until ten in the evening from next month, the council announced on Wednesday after a petition.']);
    expect(a.comments.map((c) => c.author)).toEqual(['Linus', 'Ola', 'Meera']);
    // A reply that starts with a name and a date, with a space after it, is the reader's own words.
    expect(a.comments[2]!.text).toBe('Ann, 3 March 2021 was the last time they changed the hours.');
  });

  it('strips a parent comment glued to a reply by the widget', () => {
    const a = extract(`Library extends its hours

The city library will open until ten in the evening from next month, the council announced on Wednesday after a petition.

  • Linus

Great news for students.

  • Ola

Linus, 4 May 2025Great news for stu... moreStudents have exams in June anyway.

  • Meera

Ten in the evening is still early.`);
    expect(a.comments.map((c) => c.text)).toEqual(['Great news for students.', 'Students have exams in June anyway.', 'Ten in the evening is still early.']);
  });
});
