/**
 * Function words per language. They are ignored by lexical matching and relevance
 * scoring (so "the", "der", "il" never make a passage look relevant) and they are the
 * evidence the language detector counts. Lists hold folded forms (see foldText).
 */
export const STOPWORDS: Record<string, readonly string[]> = {
  en: `a about after all also an and any are as at be been before being but by can could did do does
    for from had has have he her his how i if in into is it its just me more most my no not of on one
    or other our out over said she so some than that the their them then there these they this to up
    us was we were what when where which while who whom why will with would you your yes been than
    tell told says say whats want wants wanted would should may might must shall see saw seen much many
    against between during without within through under above below since until among per via also very`.split(/\s+/),
  de: `aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dein dem den der
    des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer
    eines er es euer fur hat hatte hatten hier ich ihr ihre im in ist ja jede jedem jeden jeder jedes
    kann kein keine mit muss nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so
    uber um und uns unser unter vom von vor war waren warum was weil welche welchem welchen welcher
    welches wenn wer werden wie wieder wir wird wo wurde wurden zu zum zur wann wieviel wem wen hat
    viel viele will wollen wollte soll sollen sollte konnen konnte muss mussen mochte gibt
    gegen zwischen wahrend seit sehr etwa haben habe hast hattest ihnen ihm ihn`.split(/\s+/),
  it: `a ad al alla alle allo agli ai anche come con da dal dalla dalle dei del della delle dello di
    dove e ed era erano essere fra gli ha hanno i il in la le lo ma mi ne nei nel nella nelle non o
    per perche piu poi quale quali qualcosa quando quanto quanta quanti quante quella quelle quello
    questa queste questo se si sia sono su sua sue suo suoi tra un una uno che chi cosa cui e stato
    stata sta loro
    vuole vogliono voleva puo possono potrebbe deve devono molto molti
    contro durante senza verso circa`.split(/\s+/),
  fr: `au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes
    moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un
    une vos votre vous est sont quand comment pourquoi quel quelle`.split(/\s+/),
  es: `a al algo como con de del el ella ellos en era es esta este esto estos fue ha han la las le
    les lo los mas me mi no nos o para pero por que quien se sin sobre su sus te tu un una unos y ya
    cuando donde cual cuanto`.split(/\s+/),
};

const ALL_STOPWORDS = new Set(Object.values(STOPWORDS).flat());

export function isStopword(foldedToken: string): boolean {
  return ALL_STOPWORDS.has(foldedToken);
}
