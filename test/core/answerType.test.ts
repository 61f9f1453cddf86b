import { describe, expect, it } from 'vitest';
import { answerTypeOf, sentenceHasAnswerType } from '../../src/core/answer/answerType.js';

describe('answer types', () => {
  it('reads "where" questions in the five languages, and leaves other questions alone', () => {
    for (const q of [
      'Where did the barges unload?',
      'Wo liegt der Pegel?',
      'Dove si trova la nuova linea?',
      'Où se trouve le siège?',
      '¿Dónde se celebró la cumbre?',
      "D'où vient le gaz?",
    ]) {
      expect(answerTypeOf(q), q).toBe('place');
    }
    expect(answerTypeOf('When did the water level fall?')).toBe('time');
    expect(answerTypeOf('Who signed the agreement?')).toBe('person');
    expect(answerTypeOf('Why is shipping slowing down?')).toBeNull();
    // "ou" (or) without its accent and "dove" inside another word are not "where".
    expect(answerTypeOf('Le gaz ou le pétrole?')).toBeNull();
    expect(answerTypeOf('Why did the doves leave?')).toBeNull();
  });

  it('reads the kind of answer from the noun after "which/what" in the five languages', () => {
    expect(answerTypeOf('In which year did the line open?')).toBe('time');
    expect(answerTypeOf('In welchem Jahr wurde die Brücke gebaut?')).toBe('time');
    expect(answerTypeOf('In quale anno è stata aperta la linea?')).toBe('time');
    expect(answerTypeOf('Quel pays a signé le traité?')).toBe('place');
    expect(answerTypeOf('¿Qué ciudad acogió la cumbre?')).toBe('place');
    expect(answerTypeOf('Welche Stadt hat den Vertrag unterschrieben?')).toBe('place');
    expect(answerTypeOf('What percentage of the barges were full?')).toBe('quantity');
    expect(answerTypeOf('Quale percentuale dei voti ha ottenuto?')).toBe('quantity');
    // The noun must follow "which/what" directly: "what" elsewhere in the question decides nothing.
    expect(answerTypeOf('What did the minister say about the city budget?')).toBeNull();
    // Spanish "nombre" is a name, not a number.
    expect(answerTypeOf('¿Qué nombre recibió el puente?')).toBeNull();
  });

  it('finds a named place after a place preposition, not a month or a weekday', () => {
    const yes = [
      'The barges were unloaded in Rotterdam on Friday.',
      'Die Schiffe fahren nach Basel weiter.',
      'La linea arriva a Milano entro il 2027.',
      'Le siège est à Lyon depuis 2019.',
      'La cumbre se celebró en Sevilla.',
      'In Kaub the gauge read 38 cm.',
      'Il treno si ferma presso la Stazione Centrale.',
    ];
    const no = ['The level fell in January.', 'Er kommt am Montag.', 'The association said shipping slowed.', 'prices rose in the spring'];
    for (const s of yes) expect(sentenceHasAnswerType(s, 'place'), s).toBe(true);
    for (const s of no) expect(sentenceHasAnswerType(s, 'place'), s).toBe(false);
  });
});
