/**
 * Questions about everyday general knowledge, in the five answer languages, that a news
 * store is not about: asked against the store during calibration, their best similarities
 * are what the loaded model gives a question the store does not cover. Probe sentences taken
 * from the store (measureCalibration.ts) are statements; these add the question form
 * ("Who ...?", "Wie ...?") whose shared words and word pieces a model may score on, and
 * enough samples for a small store's 99th percentile to be more than the maximum of a few.
 *
 * They are not tuned to any article or test question: any store that happens to cover one of
 * these topics only raises its own bar for answering by meaning (a safe error).
 */
export const BACKGROUND_QUESTIONS: readonly string[] = [
  // English
  'How long should an egg be boiled to get a soft yolk?',
  'What is the difference between a crocodile and an alligator?',
  'Why does the moon look larger near the horizon?',
  'How many strings does a standard violin have?',
  'Who invented the printing press with movable type?',
  'What is the boiling point of water at high altitude?',
  'How do I remove a red wine stain from a carpet?',
  'Which planet has the most moons?',
  'What does a dental hygienist do?',
  'How are the rules of cricket different from baseball?',
  'What language is spoken in Brazil?',
  'Why do leaves change colour in autumn?',
  // German
  'Wie lange muss ein Brotteig gehen?',
  'Warum ist der Himmel blau?',
  'Wer hat die Relativitätstheorie entwickelt?',
  'Wie viele Beine hat eine Spinne?',
  'Was ist der Unterschied zwischen Wetter und Klima?',
  'Wie pflanzt man Tomaten auf dem Balkon?',
  'Welche Farbe entsteht aus Blau und Gelb?',
  'Wie funktioniert eine Wärmepumpe im Einfamilienhaus?',
  'Wann wurde die Glühbirne erfunden?',
  'Wie schreibt man einen formellen Brief?',
  'Was fressen Igel im Winter?',
  'Wie hoch ist die Zugspitze?',
  // Italian
  'Come si prepara il risotto alla milanese?',
  'Quanti denti ha un adulto?',
  'Chi ha scritto la Divina Commedia?',
  'Perché il mare è salato?',
  'Come si coltiva il basilico in vaso?',
  'Qual è il fiume più lungo del mondo?',
  'Come funziona una bussola?',
  'Quanto vive in media un gatto domestico?',
  'Che cosa studia la geologia?',
  'Come si gioca a scopa con le carte?',
  'Perché le api producono il miele?',
  'Qual è la capitale della Norvegia?',
  // French
  'Comment faire une pâte à crêpes sans grumeaux ?',
  'Pourquoi les chats ronronnent-ils ?',
  'Qui a peint la Joconde ?',
  'Combien de temps faut-il pour apprendre le piano ?',
  'Quelle est la différence entre un virus et une bactérie ?',
  'Comment entretenir un vélo en hiver ?',
  "Pourquoi l'eau gèle-t-elle à zéro degré ?",
  'Quel est le plus grand désert du monde ?',
  'Comment se forment les arcs-en-ciel ?',
  'Quelles sont les règles du jeu de pétanque ?',
  'Combien de cordes a une guitare classique ?',
  'Comment conserver des herbes fraîches ?',
  // Spanish
  '¿Cómo se hace una tortilla de patatas?',
  '¿Por qué los flamencos son de color rosa?',
  '¿Quién escribió Don Quijote?',
  '¿Cuántos huesos tiene el cuerpo humano?',
  '¿Cómo se cuida un cactus en casa?',
  '¿Qué es la fotosíntesis?',
  '¿Cuál es el océano más grande del planeta?',
  '¿Cómo se aprende a nadar de adulto?',
  '¿Por qué tenemos hipo?',
  '¿Qué diferencia hay entre un lago y una laguna?',
  '¿Cómo funciona un reloj de arena?',
  '¿Cuántos jugadores tiene un equipo de baloncesto?',
];
