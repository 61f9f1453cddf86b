/** Small realistic articles for tests (the project never depends on ../shared). */
export const ARTICLES: Record<string, string> = {
  'rhine.txt': `Rhine barges sail a third full as Kaub gauge drops

14 August 2026

The water level at the Kaub gauge on the Rhine fell to 38 centimetres on Thursday, forcing barge operators to carry about a third of their usual loads.

Freight rates for gasoil from Rotterdam to Karlsruhe have roughly tripled since the start of August, traders said.

  • RiverRat77

Deepen the channel at Kaub and stop talking about it.

  • Skipper_Jo

My barge has been waiting in Bingen for three days now.

  • Lena K

Rail would take some of this freight if the tracks were free.
`,
  'bahn.txt': `Bahnstreik: GDL kündigt 48-Stunden-Ausstand an

6. Oktober 2026

Die Gewerkschaft Deutscher Lokomotivführer hat zu einem 48-stündigen Streik im Fernverkehr der Deutschen Bahn aufgerufen. Die GDL fordert eine Lohnerhöhung von 8,5 Prozent.

Die Bahn will einen Notfahrplan anbieten, mit dem etwa ein Fünftel der Fernzüge fahren soll.
`,
  'torino.txt': `Torino, via libera alla linea 2 della metropolitana

Il progetto del primo tratto della linea 2 della metropolitana di Torino è stato approvato. Il tratto sarà lungo 9,7 chilometri e avrà 13 stazioni.

Il costo stimato è di 1,83 miliardi di euro. L'apertura al pubblico è prevista nel 2033.
`,
};
