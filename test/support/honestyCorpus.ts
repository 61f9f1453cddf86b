/**
 * Eight short fictional news articles in five languages on unrelated topics, with questions
 * they answer and questions none of them covers, for checking that answers stay honest
 * whatever embedding model is loaded. Written for these tests; no real outlet or article.
 */
export const HONESTY_ARTICLES: Record<string, string> = {
  'harbour-crane.txt': `New cranes double container capacity at Port Alder

3 March 2026

Port Alder has installed four electric ship-to-shore cranes, doubling the terminal's capacity to 1.2 million containers a year. The cranes were built in Finland and cost 96 million euros in total.

The harbour authority said the electric cranes cut the terminal's diesel use by about 40 percent. Dock workers will be trained on the new controls over the next six weeks.`,
  'library-fire.txt': `Fire damages historic library in Westbridge

11 May 2026

A fire broke out on Sunday night in the reading room of the Westbridge municipal library, which opened in 1887. Firefighters brought the blaze under control after three hours, and nobody was injured.

About 2,400 books were destroyed, most of them school textbooks, while the rare manuscript collection in the basement was not harmed. Investigators suspect a faulty heater.`,
  'wind-farm.txt': `Offshore wind farm Northern Bight starts delivering power

20 June 2026

The Northern Bight offshore wind farm has started feeding electricity into the grid. Its 64 turbines, each rated at 15 megawatts, stand 80 kilometres off the coast.

The operator expects the farm to supply power for about 900,000 homes once all turbines are running in September.`,
  'hospital.txt': `Ein neues Kinderkrankenhaus für Falkenau

2. April 2026

In Falkenau hat der Bau eines Kinderkrankenhauses mit 180 Betten begonnen. Das Land Sachsen trägt 70 Prozent der Kosten von 240 Millionen Euro.

Die Klinik soll im Herbst 2029 die ersten Patientinnen und Patienten aufnehmen. Geplant sind auch eine Notaufnahme und eine Station für Frühgeborene.`,
  'vineyard.txt': `Vendemmia anticipata nelle colline di Valdorsa

28 agosto 2026

In Valdorsa la vendemmia è iniziata con dieci giorni di anticipo a causa del caldo di luglio. I produttori stimano un calo della produzione del 15 per cento rispetto allo scorso anno.

Il consorzio locale ha detto che la qualità delle uve resta alta, soprattutto per il vino rosso.`,
  'tramway.txt': `Le tramway de Saint-Orlan transportera ses premiers voyageurs en 2028

9 septembre 2026

La ville de Saint-Orlan a signé le contrat de construction de sa première ligne de tramway. La ligne mesurera 12 kilomètres et comptera 21 arrêts.

Le chantier coûtera 410 millions d'euros, dont un tiers sera financé par l'État.`,
  'drought.txt': `La sequía obliga a restringir el riego en la cuenca del Tormes

14 julio 2026

La confederación hidrográfica ha reducido un 30 por ciento el agua para riego en la cuenca del Tormes. Los embalses están al 28 por ciento de su capacidad.

Los agricultores piden ayudas para compensar las pérdidas en las cosechas de maíz.`,
  'chess.txt': `Teenager wins the Harrowgate chess open

30 October 2026

Sixteen-year-old Mira Okafor won the Harrowgate chess open on Sunday, finishing with eight points from nine games. She is the youngest winner in the tournament's 52-year history.

Her final-round win against the defending champion lasted more than five hours.`,
};

/** Questions the articles answer, with the file they must cite and a word the answer must hold. */
export const ANSWERABLE_QUESTIONS: Array<{ question: string; source: string; answer: string }> = [
  { question: 'How much did the new cranes at Port Alder cost?', source: 'harbour-crane.txt', answer: '96 million' },
  { question: 'How many books were destroyed in the Westbridge library fire?', source: 'library-fire.txt', answer: '2,400' },
  { question: 'How many homes will the Northern Bight wind farm supply?', source: 'wind-farm.txt', answer: '900,000' },
  { question: 'Wie viele Betten hat das neue Kinderkrankenhaus in Falkenau?', source: 'hospital.txt', answer: '180' },
  { question: 'Di quanto calerà la produzione di vino a Valdorsa?', source: 'vineyard.txt', answer: '15' },
  { question: "Combien d'arrêts comptera le tramway de Saint-Orlan ?", source: 'tramway.txt', answer: '21' },
  { question: '¿Cuánto se ha reducido el agua para riego en la cuenca del Tormes?', source: 'drought.txt', answer: '30' },
  { question: 'Who won the Harrowgate chess open?', source: 'chess.txt', answer: 'Mira Okafor' },
];

/** Questions about topics none of the articles covers, in the five answer languages. */
export const OFF_TOPIC_QUESTIONS = [
  'What is the best way to bake sourdough bread at home?',
  'Who painted the ceiling of the Sistine Chapel?',
  'How tall is the highest mountain in Africa?',
  'Welche Partei hat die Kommunalwahl in Bremen gewonnen?',
  'Wie funktioniert ein Kühlschrank?',
  'Qual è la ricetta tradizionale della carbonara?',
  'Quando è nato Giuseppe Verdi?',
  'Quel est le prix du billet de métro à Lyon ?',
  'Qui a écrit Les Misérables ?',
  '¿Cuál es la capital de Australia?',
  '¿Cómo se juega al pádel?',
];
