import { describe, expect, it } from 'vitest';
import { readTimeQuestion } from '../../../src/core/timeline/timeQuestion.js';
import { timelineRequest } from '../../../src/core/timeline/timelineAnswer.js';

/** Sunday 8 November 2026, noon local time: "Monday" is the 2nd, "this week" began on the 2nd. */
const SUNDAY = new Date(2026, 10, 8, 12);
/** Wednesday 11 November 2026: "Monday" is the 9th. */
const WEDNESDAY = new Date(2026, 10, 11, 12);

async function read(question: string, now = SUNDAY) {
  const found = await readTimeQuestion(question, now);
  if (!found) throw new Error(`not read as time-shaped: ${question}`);
  return found;
}

describe('time-shaped questions and their periods, relative to a fixed now', () => {
  it.each([
    ['What happened with the Halvik strike this week?', 'en', { since: '2026-11-02' }, /^the Halvik strike$/],
    ["What's new about the Kerrow volcano since Monday?", 'en', { since: '2026-11-02' }, /^the Kerrow volcano$/],
    ['Any news about the Halvik strike from yesterday?', 'en', { since: '2026-11-07' }, /Halvik strike/],
    ['What happened at the Kerrow volcano yesterday?', 'en', { since: '2026-11-07', until: '2026-11-07' }, /Kerrow volcano/],
    ['Updates on the Halvik strike in the last 3 days', 'en', { since: '2026-11-05' }, /^the Halvik strike$/],
    ['news about the Halvik strike between Monday and Wednesday', 'en', { since: '2026-11-02', until: '2026-11-04' }, /Halvik strike/],
    ['What is new in the Kerrow eruption since November 5?', 'en', { since: '2026-11-05' }, /^the Kerrow eruption$/],
    ['What happened with the budget in March?', 'en', { since: '2026-03-01', until: '2026-03-31' }, /budget/],
    ['What happened to the Halvik strike over the last few days?', 'en', { since: '2026-11-05' }, /^the Halvik strike$/],
    ["What's been going on with the Kerrow volcano this week?", 'en', { since: '2026-11-02' }, /^the Kerrow volcano$/],
    ['Was gab es Neues zum Streik in Halvik letzte Woche?', 'de', { since: '2026-11-01' }, /^Streik in Halvik$/],
    ['Was ist seit Dienstag beim Streik in Halvik passiert?', 'de', { since: '2026-11-03' }, /Streik in Halvik/],
    ['Was gibt es Neues zum Vulkan Kerrow diese Woche?', 'de', { since: '2026-11-02' }, /^Vulkan Kerrow$/],
    ['Neuigkeiten zum Streik in Halvik von gestern', 'de', { since: '2026-11-07', until: '2026-11-07' }, /Streik in Halvik/],
    ['Was gibt es Neues zum Streik seit vorgestern?', 'de', { since: '2026-11-06' }, /^Streik$/],
    ['novità sullo sciopero di Halvik da lunedì', 'it', { since: '2026-11-02' }, /^sciopero di Halvik$/],
    ['Cosa è successo allo sciopero di Halvik negli ultimi tre giorni?', 'it', { since: '2026-11-05' }, /sciopero di Halvik/],
    ['Le ultime notizie sul vulcano Kerrow di ieri', 'it', { since: '2026-11-07', until: '2026-11-07' }, /vulcano Kerrow/],
    ['novità sul vulcano Kerrow la settimana scorsa', 'it', { since: '2026-11-01' }, /^vulcano Kerrow$/],
    ["Que s'est-il passé avec le volcan Kerrow depuis mercredi ?", 'fr', { since: '2026-11-04' }, /^le volcan Kerrow$/],
    ['Quelles sont les dernières nouvelles du volcan Kerrow cette semaine ?', 'fr', { since: '2026-11-02' }, /volcan Kerrow/],
    ['Quoi de neuf sur la grève de Halvik depuis avant-hier ?', 'fr', { since: '2026-11-06' }, /grève de Halvik/],
    ['¿Qué ha pasado con la huelga de Halvik desde el martes?', 'es', { since: '2026-11-03' }, /^la huelga de Halvik$/],
    ['Las últimas noticias sobre el volcán Kerrow esta semana', 'es', { since: '2026-11-02' }, /el volcán Kerrow/],
    ['¿Qué hay de nuevo sobre la huelga de Halvik en los últimos tres días?', 'es', { since: '2026-11-05' }, /la huelga de Halvik/],
    ['novedades del volcán Kerrow de anteayer', 'es', { since: '2026-11-06', until: '2026-11-06' }, /volcán Kerrow/],
  ])('%s', async (question, language, period, topic) => {
    const found = await read(question);
    expect(found).toMatchObject({ language, period, latest: false });
    expect(found.period).toEqual(period);
    expect(found.topic).toMatch(topic);
  });

  it('reads a weekday as the last one on or before today, whatever day it is', async () => {
    expect((await read("What's new about Kerrow since Monday?", WEDNESDAY)).period).toEqual({ since: '2026-11-09' });
    expect((await read('novità su Kerrow da lunedì', WEDNESDAY)).period).toEqual({ since: '2026-11-09' });
    expect((await read('What happened with Kerrow this week?', WEDNESDAY)).period).toEqual({ since: '2026-11-09' });
    expect((await read('What happened with Kerrow yesterday?', WEDNESDAY)).period).toEqual({ since: '2026-11-10', until: '2026-11-10' });
  });

  it.each([
    ['latest on the Halvik strike', 'en', /^the Halvik strike$/],
    ["What's the latest news about the Kerrow volcano?", 'en', /^the Kerrow volcano$/],
    // Words that ask rather than name the subject leave the topic: an absent word would weigh most in relevance.
    ['latest Halvik strike news', 'en', /^Halvik strike$/],
    ['Any Halvik strike news?', 'en', /^Any Halvik strike$/],
    ['Was gibt es Neues zum Streik in Halvik?', 'de', /^Streik in Halvik$/],
    ['Die neuesten Nachrichten über den Vulkan Kerrow', 'de', /Vulkan Kerrow/],
    ['Ci sono novità sullo sciopero di Halvik?', 'it', /^sciopero di Halvik$/],
    ['Che novità ci sono sul vulcano Kerrow?', 'it', /^vulcano Kerrow$/],
    ['Quelles sont les nouvelles du volcan Kerrow ?', 'fr', /^volcan Kerrow$/],
    ['Tell me the latest about Kerrow', 'en', /^Kerrow$/],
    ['Quoi de neuf sur le volcan Kerrow ?', 'fr', /^le volcan Kerrow$/],
    ['¿Qué hay de nuevo sobre el volcán Kerrow?', 'es', /^el volcán Kerrow$/],
  ])('"%s" asks for the latest stories: no period, no lower bound', async (question, language, topic) => {
    const found = await read(question);
    expect(found).toMatchObject({ language, period: {}, latest: true });
    expect(found.topic).toMatch(topic);
  });

  it.each([
    // A period alone does not make a timeline: the question asks about an event.
    'Who won the vote on Monday?',
    'Wer hat am Montag die Abstimmung gewonnen?',
    'Chi ha vinto il voto di lunedì?',
    'Qui a gagné le vote lundi ?',
    '¿Quién ganó la votación el lunes?',
    // "What happened" without a period asks about an event too.
    'What happened with the Halvik strike?',
    'Was ist beim Streik in Halvik passiert?',
    // "latest" describing a thing, not asking for news.
    'What was the latest offer by the port operator?',
    'How much pay rise did the union ask for?',
  ])('"%s" is not time-shaped', async (question) => {
    expect(await readTimeQuestion(question, SUNDAY)).toBeNull();
  });

  it("takes a follow-up's topic from its standalone question, and leaves a question with nothing to search by to the ordinary answer", async () => {
    const followUp = await timelineRequest("And what's new since Monday?", {
      now: SUNDAY,
      retrievalQuestion: "How much pay rise did the Halvik union ask for? And what's new since Monday?",
    });
    expect(followUp).toMatchObject({ time: { period: { since: '2026-11-02' } } });
    expect(followUp!.topic).toMatch(/Halvik union/);
    expect(followUp!.topic).not.toMatch(/Monday|new/i);
    expect(await timelineRequest("What's new today?", { now: SUNDAY })).toBeNull();
    expect(await timelineRequest('Who won the vote on Monday?', { now: SUNDAY })).toBeNull();
  });
});
