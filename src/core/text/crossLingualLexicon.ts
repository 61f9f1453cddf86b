/**
 * A small cross-lingual lexicon of everyday news vocabulary (en | de | it | fr | es).
 *
 * Why: the multilingual embedding model is what normally bridges languages, but an
 * operator may run without it (offline, no cache). Names and numbers already match across
 * languages; this table lets the lexical side also find "Spanien" for "Spain" or
 * "accordo" for "agreement". Each row is one concept; alternatives within a language are
 * separated by "/". Words are written unfolded and are folded + stemmed when loaded.
 */
const ROWS = `
agreement/deal/contract | Vertrag/Abkommen/Vereinbarung/Deal/Vorvertrag | accordo/contratto/intesa | accord/contrat | acuerdo/contrato
collaboration/cooperation/partnership | Zusammenarbeit/Kooperation/Partnerschaft | collaborazione/cooperazione/partnership | collaboration/partenariat | colaboracion/cooperacion
patent | Patent | brevetto | brevet | patente
license/licence | Lizenz | licenza | licence | licencia
company/companies/firm/business | Unternehmen/Firma/Konzern | azienda/societa/impresa | entreprise/societe | empresa/compania
market | Markt | mercato | marche | mercado
billion | Milliarde/Milliarden | miliardo/miliardi | milliard | mil millones
million | Million/Millionen | milione/milioni | million | millon
sign/signed | unterzeichnen/unterzeichnete/unterschreiben/unterschrieben | firmare/firmato | signer/signe | firmar/firmo
expansion/expand | Expansion/expandieren | espansione/espandere | expansion | expansion
global/worldwide | global/weltweit | globale/mondiale | mondial | global/mundial
smartphone/phone/phones | Smartphone/Handy/Telefon | smartphone/telefono | smartphone/telephone | telefono/movil
price/cost | Preis/Kosten | prezzo/costo | prix | precio
launch/release | Start/Markteinfuhrung/Veroffentlichung | lancio | lancement | lanzamiento
president | Prasident | presidente | president | presidente
visit/visited | Besuch/besuchte/besuchen | visita/visitato | visite | visita
headquarters | Hauptquartier/Zentrale/Hauptsitz | sede/quartier generale | siege | sede
network/networks | Netzwerk/Netz | rete | reseau | red
infrastructure | Infrastruktur | infrastruttura | infrastructure | infraestructura
data center/datacenter | Datencenter/Rechenzentrum | data center | centre de donnees | centro de datos
software | Software | software | logiciel | software
manufacturer/maker | Hersteller | produttore | fabricant | fabricante
customer/customers | Kunde/Kunden | cliente/clienti | client | cliente
investment/investments | Investition/Investitionen | investimento/investimenti | investissement | inversion
government | Regierung | governo | gouvernement | gobierno
election | Wahl | elezione | election | eleccion
law | Gesetz | legge | loi | ley
court | Gericht | tribunale/corte | tribunal | tribunal
police | Polizei | polizia | police | policia
city | Stadt | citta | ville | ciudad
country | Land | paese | pays | pais
week | Woche | settimana | semaine | semana
month | Monat | mese | mois | mes
year | Jahr | anno | annee | ano
today | heute | oggi | aujourd'hui | hoy
yesterday | gestern | ieri | hier | ayer
day/days | Tag/Tage/Tagen | giorno/giorni | jour | dia
strategy/strategic | Strategie/strategisch | strategia/strategica/strategico | strategie | estrategia
goal/goals/focus | Ziel/Ziele/Kernbereiche/konzentrieren | obiettivo/obiettivi | objectif | objetivo
growth/grow | Wachstum/wachsen | crescita | croissance | crecimiento
artificial intelligence/ai | kunstliche Intelligenz/KI | intelligenza artificiale | intelligence artificielle | inteligencia artificial
payment/payments | Bezahldienste/Zahlung | pagamento/pagamenti | paiement | pago
accessories | Zubehor | accessori | accessoires | accesorios
speculation/rumor/rumors/rumours | Spekulation/Gerucht/Geruchte | speculazione/speculazioni/rumors | rumeur | rumor
announce/announced | ankundigen/angekundigt | annunciare/annunciato | annoncer | anunciar
acquire/acquisition/buy | ubernehmen/Ubernahme/kaufen/erworben | acquisire/acquisizione | acquerir/acquisition | adquirir/adquisicion
sell/sold | verkaufen/verkauft/vertrieben/vertreiben | vendere/venduto | vendre | vender
available | verfugbar/erhaltlich | disponibile | disponible | disponible
official/officially | offiziell | ufficiale/ufficialmente | officiel | oficial
new | neu/neue/neuen | nuovo/nuova/nuovi | nouveau | nuevo
Chinese | chinesisch/chinesische | cinese | chinois | chino
American/North American | amerikanisch/nordamerikanisch | americano/statunitense | americain | estadounidense
German | deutsch | tedesco | allemand | aleman
Indian | indisch | indiano | indien | indio
European | europaisch | europeo | europeen | europeo
finnish | finnisch | finlandese | finlandais | finlandes
customisation/customization | Personalisierung/Anpassung | personalizzazione | personnalisation | personalizacion
comment/comments/reader | Kommentar/Leser | commento/lettore | commentaire/lecteur | comentario/lector
China | China | Cina | Chine | China
India | Indien | India | Inde | India
Germany | Deutschland | Germania | Allemagne | Alemania
Spain/Spanish | Spanien/spanisch | Spagna/spagnolo | Espagne/espagnol | Espana/espanol
Italy | Italien | Italia | Italie | Italia
France | Frankreich | Francia | France | Francia
Mexico | Mexiko | Messico | Mexique | Mexico
Finland | Finnland | Finlandia | Finlande | Finlandia
Europe | Europa | Europa | Europe | Europa
United States/USA/US/America | USA/Vereinigte Staaten/Amerika | Stati Uniti/USA/America | Etats-Unis | Estados Unidos
Poland | Polen | Polonia | Pologne | Polonia
Dubai | Dubai | Dubai | Dubai | Dubai
Beijing | Peking | Pechino | Pekin | Pekin
Latin America | Lateinamerika | America Latina | Amerique latine | America Latina
January | Januar | gennaio | janvier | enero
February | Februar | febbraio | fevrier | febrero
March | Marz | marzo | mars | marzo
April | April | aprile | avril | abril
May | Mai | maggio | mai | mayo
June | Juni | giugno | juin | junio
July | Juli | luglio | juillet | julio
August | August | agosto | aout | agosto
September | September | settembre | septembre | septiembre
October | Oktober | ottobre | octobre | octubre
November | November | novembre | novembre | noviembre
December | Dezember | dicembre | decembre | diciembre
worth/value | wert/Wert | valore/valgono/vale | valeur/vaut | valor/vale
responsible/in charge | zustandig/verantwortlich | responsabile | responsable | responsable
leave/left/departure/quit | Weggang/verlassen/verliess/Abgang | lasciare/lasciato/partenza/addio | quitter/depart | dejar/salida
manager/executive/head | Manager/Leiter/Chef | manager/dirigente/responsabile | dirigeant | director/gerente
chief executive/ceo | CEO/Chef/Vorstandschef | amministratore delegato/ceo | PDG | consejero delegado
shop/store | Shop/Geschaft/Laden | negozio | magasin/boutique | tienda
holiday/Easter | Urlaub/Ostern | vacanza/Pasqua | vacances/Paques | vacaciones/Pascua
lawsuit/litigation | Klage/Patentklage/Klagen | causa/contenzioso | proces | demanda
gift/gave | Geschenk/schenkte/schenken | regalo/regalato | cadeau | regalo
preinstalled/pre-installed | vorinstalliert | preinstallato | preinstalle | preinstalado
speaker/speakers | Lautsprecher | altoparlante | haut-parleur | altavoz
headphones | Kopfhorer | cuffie | casque | auriculares
power bank/powerbank | Powerbank | powerbank | batterie externe | bateria externa
months | Monate/Monaten | mesi | mois | meses
years | Jahre/Jahren | anni | ans | anos
enter/entry | einsteigen/Einstieg/Markteintritt/vorwagen/vorzuwagen | entrare/ingresso/sbarcare | entrer/entree | entrar/entrada
strike/walkout | Streik/Ausstand/streiken | sciopero/scioperare | greve | huelga
union/trade union | Gewerkschaft | sindacato | syndicat | sindicato
train/trains | Zug/Zuge/Bahn | treno/treni | train | tren
railway/rail | Bahn/Eisenbahn/Schiene | ferrovia/ferroviario | chemin de fer/ferroviaire | ferrocarril
wage/wages/pay/salary | Lohn/Lohne/Gehalt/Lohnerhohung | salario/stipendio/retribuzione | salaire | salario/sueldo
raise/increase/rise | Erhohung/erhohen/steigen/Anstieg | aumento/aumentare/crescere | hausse/augmentation | aumento/subida
percent/per cent | Prozent | percento/per cento | pour cent | por ciento
metro/subway/underground | U-Bahn/Metro | metropolitana/metro | metro | metro
tram | Strassenbahn/Tram | tram/tranvia | tramway | tranvia
bus/buses | Bus/Busse | autobus | bus | autobus
station/stations | Bahnhof/Station/Haltestelle | stazione/stazioni/fermata | gare/station | estacion
line | Linie | linea | ligne | linea
kilometre/kilometres/kilometer/km | Kilometer | chilometro/chilometri | kilometre | kilometro
cost/costs | Kosten/kosten | costo/costi/costa | cout | coste
open/opening/opened | Eroffnung/eroffnen/offnung | apertura/aprire/inaugurazione | ouverture | apertura
construction/building works | Bau/Bauarbeiten | cantiere/cantieri/costruzione/lavori | chantier/construction | construccion/obras
passenger/passengers | Fahrgast/Fahrgaste/Passagier | passeggero/passeggeri | passager | pasajero
ticket/tickets | Ticket/Fahrkarte/Fahrschein | biglietto/abbonamento | billet | billete
free/free of charge | kostenlos/gratis | gratuito/gratis | gratuit | gratis/gratuito
school/schools/pupils/students | Schule/Schuler/Schulerinnen | scuola/studenti/alunni | ecole/eleves | escuela/alumnos
council/city council | Gemeinderat/Stadtrat | consiglio comunale/giunta | conseil municipal | ayuntamiento
mayor | Burgermeister/Oberburgermeister | sindaco/sindaca | maire | alcalde
minister/ministers | Minister | ministro/ministri | ministre | ministro
parking | Parken/Parkgebuhren | parcheggio/sosta | stationnement | aparcamiento
water | Wasser | acqua | eau | agua
river | Fluss | fiume | fleuve/riviere | rio
level/levels | Pegel/Stand/Niveau | livello | niveau | nivel
flood/flooding | Hochwasser/Uberschwemmung/Flut | alluvione/inondazione | inondation/crue | inundacion
rain/rainfall | Regen/Niederschlag | pioggia/piogge | pluie | lluvia
drought/low water | Durre/Niedrigwasser | siccita/secca | secheresse | sequia
families/family | Familie/Familien | famiglia/famiglie | famille | familia
households/homes/houses | Haushalte/Wohnungen/Hauser | famiglie/abitazioni/case | foyers/logements | hogares/viviendas
damage/damages | Schaden/Schaden | danno/danni | degats/dommages | danos
reconstruction/rebuilding | Wiederaufbau | ricostruzione | reconstruction | reconstruccion
funds/funding/money | Mittel/Geld/Finanzierung | fondi/risorse/finanziamento/stanziamento | fonds/financement | fondos/financiacion
decree/law | Verordnung/Dekret | decreto | decret | decreto
inflation | Inflation | inflazione | inflation | inflacion
interest rate/rates | Zins/Zinsen/Leitzins | tasso/tassi di interesse | taux d'interet | tipo de interes
central bank | Zentralbank/Notenbank | banca centrale | banque centrale | banco central
solar | Solar/Photovoltaik | solare/fotovoltaico | solaire | solar
electricity/power/energy | Strom/Energie | elettricita/energia | electricite/energie | electricidad/energia
battery/batteries | Akku/Batterie | batteria | batterie | bateria
update/updates | Update/Updates/Aktualisierung | aggiornamento/aggiornamenti | mise a jour | actualizacion
repair/repairs | Reparatur/reparieren | riparazione/riparare | reparation | reparacion
Turin | Turin | Torino | Turin | Turin
Munich | Munchen | Monaco di Baviera | Munich | Munich
Cologne | Koln | Colonia | Cologne | Colonia
Milan | Mailand | Milano | Milan | Milan
Rome | Rom | Roma | Rome | Roma
Venice | Venedig | Venezia | Venise | Venecia
Vienna | Wien | Vienna | Vienne | Viena
Florence | Florenz | Firenze | Florence | Florencia
Naples | Neapel | Napoli | Naples | Napoles
Geneva | Genf | Ginevra | Geneve | Ginebra
Zurich | Zurich | Zurigo | Zurich | Zurich
Switzerland/Swiss | Schweiz/schweizerisch | Svizzera/svizzero | Suisse | Suiza
Netherlands/Dutch | Niederlande/niederlandisch | Paesi Bassi/olandese | Pays-Bas/neerlandais | Paises Bajos/neerlandes
demand/demands/call for | fordern/fordert/Forderung | chiedere/chiede/richiesta/rivendicazione | exiger/revendication | exigir/reclamar
duration/hours | Stunden/stundig/Dauer | ore/durata | heures/duree | horas/duracion
run/running/operate | fahren/verkehren/fahrt | circolare/viaggiare/circolano | circuler/rouler | circular/funcionar
renovation/refurbishment/repair works | Sanierung/Renovierung/Instandsetzung | ristrutturazione/rinnovo/restauro | renovation | renovacion
old | alt/alte/alten | vecchio/vecchia | vieux/ancien | viejo/antiguo
tunnel | Tunnel/Rohre | galleria/tunnel | tunnel | tunel
closed/closure/shut | gesperrt/Sperrung/geschlossen | chiuso/chiusura | ferme/fermeture | cerrado/cierre
fee/charge/levy/toll | Gebuhr/Abgabe/Eintritt/Maut | contributo/tassa/pedaggio | taxe/redevance/peage | tasa/peaje
peak/busiest | Spitze/Hauptsaison/Spitzentage | punta/picco/affluenza | pointe | punta
tourist/tourists/visitors | Tourist/Touristen/Besucher | turista/turisti/visitatori | touriste | turista
supply/supplies/power | versorgen/versorgt/liefern | fornire/alimentare | fournir/alimenter | suministrar/abastecer
fall/fell/drop/dropped | sinken/gesunken/fallen/fiel | scendere/sceso/calare/calato | baisser/chuter | bajar/caer
provide/allocate/allocated/earmark | bereitstellen/bereit/stellt | stanziare/stanzia/stanziato/destinare | allouer/debloquer | asignar/destinar
Italian | italienisch/italienische | italiano/italiana | italien | italiano
fine/penalty | Strafe/Bussgeld | multa/sanzione | amende | multa
appeal | Berufung/Einspruch | ricorso/appello | appel/recours | recurso
court | Gericht/Gerichtshof | tribunale/corte | tribunal/cour | tribunal
begin/start/starts | beginnen/beginnt/Beginn | iniziare/inizia/inizio | commencer/debut | empezar/comenzar
end/ends | enden/endet/Ende | finire/finisce/fine | finir/fin | terminar/fin
vote/votes | Stimme/Stimmen/Abstimmung | voto/voti | vote | voto
Rhine | Rhein | Reno | Rhin | Rin
Danube | Donau | Danubio | Danube | Danubio
Elbe | Elbe | Elba | Elbe | Elba
Seville | Sevilla | Siviglia | Seville | Sevilla
Freiburg | Freiburg | Friburgo | Fribourg | Friburgo
Hamburg | Hamburg | Amburgo | Hambourg | Hamburgo
Venice | Venedig | Venezia | Venise | Venecia
revealed/disclosed | enthullt/bekannt | rivelata/rivelato/noto | revele | revelado
`;

export const LEXICON_LANGUAGES = ['en', 'de', 'it', 'fr', 'es'] as const;

export interface LexiconConcept {
  /** Words per language, unfolded, as written above. */
  words: Record<(typeof LEXICON_LANGUAGES)[number], string[]>;
}

export const LEXICON: LexiconConcept[] = ROWS.trim()
  .split('\n')
  .map((row) => {
    const cells = row.split('|').map((cell) => cell.split('/').map((w) => w.trim()).filter(Boolean));
    const words = Object.fromEntries(LEXICON_LANGUAGES.map((lang, i) => [lang, cells[i] ?? []]));
    return { words } as LexiconConcept;
  });
