-- Demo workspace data: four municipal prevention networks (Hamm, Detmold, Tübingen, Halle (Saale))
-- with Sozialräume, partners, measures, goal trees with milestones, measure–goal links and
-- indicators with yearly values.
--
-- Plain PostgreSQL, no psql meta-commands, no transaction control: the caller wraps the script in
-- one transaction and runs it only while no network exists for these municipalities. Ids are never
-- hard-coded: every row is looked up by its natural key (network by AGS and name, Sozialraum and
-- partner by name, goal and measure by title, indicator by name) within its network.
--
-- Named facts follow the sources in /work/shared/sources (workshop documentation of the conference
-- "Armutsprävention vor Ort", 2023, and the NAP paper of 24 March 2025). Everything else (districts'
-- offers, partners' names, numbers, dates, council references) is invented but ordinary demo detail.
-- The demo's reference date is 2026-11-21: some milestones are overdue, some are due soon.
-- Contacts are organisations and function mailboxes only, all under the .invalid TLD.
--
-- Deliberate findings for the stock-taking views:
--   * gaps: Handlungsfeld × Lebensphase cells without a running measure in every network
--     (e.g. Wohnen for 16–18, Gesunde Ernährung for Schwangerschaft/Geburt);
--   * possible double structures: pairs of running measures of different partners that share a
--     Handlungsfeld, a Lebensphase, a Zielgruppe and the Sozialraum (Hamm 3, Detmold 3,
--     Tübingen 3, Halle 2).

-- ============================================================================================
-- Hamm (05915): Präventionskette Hamm
-- ============================================================================================

INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring, anchoring_note,
                      mandate_date, mandate_reference, steering_body, founded_on, contact_organisation,
                      contact_address, contact_email, is_public)
VALUES ('05915', 'Präventionskette Hamm',
        'Die Stadt Hamm hat sich die Förderung der Familienfreundlichkeit als zentrales sozialpolitisches Ziel gesetzt. '
        || 'Die Präventionskette bündelt Leistungen und Angebote für Familien von der Geburt bis zum Übergang Schule–Beruf: '
        || 'zentral im Familienrathaus, das auch als „digitaler Zwilling“ online zur Verfügung steht, und dezentral in den Stadtbezirken. '
        || 'Das kommunale Jobcenter ist fester Teil des Netzwerks. Die Leistungen für Bildung und Teilhabe werden über die YouCard Hamm digital abgerechnet, '
        || 'die Jugendberufsagentur verbindet Arbeitsagentur, Jobcenter, Jugendamt und die Koordinierungsstelle „Kein Abschluss ohne Anschluss“.',
        'Familienrathaus Hamm – Koordinierungsstelle Präventionskette',
        'sonstige',
        'Angebunden an die Stabsstelle „Familienfreundlichste Stadt Hamm“, arbeitet ressortübergreifend mit Jugendamt, '
        || 'dem Amt für Soziales, Wohnen und Pflege und dem kommunalen Jobcenter.',
        DATE '2019-05-14',
        'Ratsbeschluss „Hamm – familienfreundlichste Stadt“, Drucksache 0412/2019',
        'Lenkungskreis Familienfreundlichste Stadt unter Vorsitz des Oberbürgermeisters mit den Dezernaten Jugend, Soziales, Schule und Gesundheit, '
        || 'dem kommunalen Jobcenter und der Agentur für Arbeit. Tagt vierteljährlich und berichtet jährlich dem Rat.',
        DATE '2019-09-01',
        'Stadt Hamm – Familienrathaus',
        'Koordinierungsstelle Präventionskette, 59065 Hamm',
        'praeventionskette@hamm.invalid',
        true);

INSERT INTO sozialraeume (network_id, name)
SELECT n.id, v.name
FROM networks n,
     (VALUES ('Hamm-Mitte'), ('Herringen'), ('Bockum-Hövel'), ('Heessen'), ('Pelkum'), ('Uentrop')) AS v(name)
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
SELECT n.id, v.name, v.kind, v.ressort, v.role, v.contact
FROM networks n,
     (VALUES
        ('Familienrathaus Hamm', 'sonstige', 'jugend', 'steuerung', 'familienrathaus@hamm.invalid'),
        ('Kommunales Jobcenter Hamm', 'jobcenter', 'arbeit', 'steuerung', 'netzwerk@jobcenter-hamm.invalid'),
        ('Amt für Soziales, Wohnen und Pflege', 'sonstige', 'soziales', 'steuerung', 'soziales-wohnen-pflege@hamm.invalid'),
        ('Jugendamt der Stadt Hamm', 'jugendamt', 'jugend', 'steuerung', 'jugendamt@hamm.invalid'),
        ('Agentur für Arbeit Hamm', 'agentur_fuer_arbeit', 'arbeit', 'partner', 'hamm.chancengleichheit@arbeitsagentur.invalid'),
        ('Jugendberufsagentur Hamm', 'sonstige', 'arbeit', 'partner', 'jugendberufsagentur@hamm.invalid'),
        ('Gesundheitsamt der Stadt Hamm', 'gesundheitsamt', 'gesundheit', 'partner', 'gesundheitsamt@hamm.invalid'),
        ('Familienzentrum Herringen (Kita-Verbund)', 'familienzentrum', 'jugend', 'partner', 'familienzentrum-herringen@hamm.invalid'),
        ('Familien- und Jugendhilfe Hamm e. V.', 'freier_traeger', 'jugend', 'partner', 'info@fjh-hamm.invalid'),
        ('Grundschulverbund Bockum-Hövel', 'schule', 'bildung', 'partner', 'grundschulen-bockum-hoevel@schulen-hamm.invalid'),
        ('Stadtsportbund Hamm e. V.', 'verein', 'sport', 'partner', 'kinder-und-jugendsport@ssb-hamm.invalid'),
        ('Gesetzliche Krankenkasse – Regionalbüro Hamm', 'krankenkasse', 'gesundheit', 'partner', 'praevention.hamm@krankenkasse.invalid')
     ) AS v(name, kind, ressort, role, contact)
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen, zugaenge,
                      finanzierung, sozialraum_id, niedrigschwellig, partner_id, start_date, end_date, status,
                      reach_per_year, annual_cost_euro, participation, impact_input, impact_output, impact_outcome)
SELECT n.id, v.title, v.descr, v.hf, v.lp, v.zg, v.zu, v.fin, s.id, v.nied, p.id, v.start_d, v.end_d, v.status,
       v.reach, v.cost, v.part, v.inp, v.outp, v.outc
FROM networks n
CROSS JOIN (VALUES
  ('Familienrathaus – zentrale Anlaufstelle für Familien',
   'Im Familienrathaus werden Leistungen und Angebote für Familien von der Geburt bis zum Übergang Schule–Beruf gebündelt: Beratung, Antragsstellen, Vermittlung in Angebote der Stadtbezirke.',
   '{fruehkindliche_bildung,gesundheit,erwerbsintegration}'::text[],
   '{schwangerschaft_geburt,null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn,sechzehn_bis_achtzehn}'::text[],
   '{alle_familien}'::text[], '{komm_struktur,lotsendienst}'::text[], '{kommunal}'::text[],
   NULL::text, true, 'Familienrathaus Hamm', DATE '2019-09-01', NULL::date, 'laufend', 9500, 860000::bigint,
   'Jährliche Familienbefragung im Wartebereich und online, Familienbeirat berät über Öffnungszeiten und Angebote.',
   '9,5 Vollzeitstellen aus vier Ämtern, Räume im Familienrathaus, kommunale Mittel.',
   'Rund 9.500 beratene Familien pro Jahr, Öffnung an fünf Tagen einschließlich eines langen Donnerstags.',
   'Familien erhalten Leistungen aus einer Hand, Wege und Wartezeiten zwischen den Ämtern sinken.'),
  ('Familienrathaus digital („digitaler Zwilling“)',
   'Das Familienrathaus steht auch als digitaler Zwilling zur Verfügung: Informationen, Angebotssuche und Online-Anträge. Ergänzung, kein Ersatz für die Beratung vor Ort.',
   '{fruehkindliche_bildung,gesundheit,erwerbsintegration}', '{schwangerschaft_geburt,null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{alle_familien}', '{digital}', '{kommunal}',
   NULL, true, 'Familienrathaus Hamm', '2021-04-01', NULL, 'laufend', 21000, 110000,
   'Nutzertests mit Eltern aus zwei Stadtbezirken vor jeder größeren Änderung.',
   'Redaktion im Familienrathaus (1,0 Stelle), Betrieb durch die städtische IT.',
   'Rund 21.000 Nutzende pro Jahr, 14 Leistungen online beantragbar.',
   'Familien informieren sich niedrigschwellig und zu jeder Zeit, Anträge kommen vollständiger an.'),
  ('Willkommensbesuche für Neugeborene',
   'Fachkräfte des Familienrathauses besuchen Familien nach der Geburt zu Hause, überbringen die Willkommensmappe und informieren über Frühe Hilfen und Leistungen.',
   '{gesundheit,fruehkindliche_bildung}', '{schwangerschaft_geburt,null_bis_drei}',
   '{alle_familien}', '{aufsuchend}', '{kommunal}',
   NULL, true, 'Familienrathaus Hamm', '2020-01-01', NULL, 'laufend', 1650, 140000,
   'Rückmeldekarte in der Willkommensmappe, Auswertung einmal im Jahr.',
   '2,5 Stellen Fachkräfte Frühe Hilfen, Willkommensmappe.',
   'Rund 1.650 Besuche pro Jahr, Besuchsquote etwa 88 Prozent der Geburten.',
   'Frühe Hilfen und Leistungen sind Familien von Anfang an bekannt, Unterstützungsbedarf wird früh erkannt.'),
  ('YouCard Hamm – digitale Abrechnung der Leistungen für Bildung und Teilhabe',
   'Über die YouCard werden BuT-Leistungen digital abgerechnet: gemeinschaftliche Mittagsverpflegung, eintägige Ausflüge, mehrtägige Klassenfahrten und Beiträge zur sozio-kulturellen Teilhabe. Abrechnungsberechtigt sind rund 400 akkreditierte Schulen, Kitas, Tagespflegepersonen, Träger, Unternehmen und Caterer.',
   '{ernaehrung,freizeit_kultur_sport}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{leistungsbezug}', '{digital,komm_struktur}', '{bund,kommunal}',
   NULL, true, 'Kommunales Jobcenter Hamm', '2017-01-01', NULL, 'laufend', 12400, 380000,
   'Online-Suche nach Angeboten für Leistungsberechtigte, Rückmeldungen der Leistungserbringer im jährlichen Anbietertreffen.',
   'Kommunales Jobcenter und Amt für Soziales, Wohnen und Pflege, Abrechnungssystem (Kosten ohne Leistungsausgaben).',
   'Rund 12.400 Kinder und Jugendliche mit mindestens einer abgerechneten Leistung pro Jahr.',
   'Versorgungsquote von etwa 93 Prozent der potenziell Anspruchsberechtigten, weniger Aufwand für Familien und Anbieter.'),
  ('Jugendberufsagentur Hamm – Beratung unter einem Dach',
   'Kooperation von Agentur für Arbeit, kommunalem Jobcenter, Jugendamt und Koordinierungsstelle „Kein Abschluss ohne Anschluss“: kurze Wege, umfassende Beratung, keine Doppelbetreuung und keine Betreuungslücken.',
   '{schulische_bildung}', '{sechzehn_bis_achtzehn}',
   '{leistungsbezug,migrationsgeschichte}', '{komm_struktur,lotsendienst}', '{kommunal,bund}',
   NULL, true, 'Jugendberufsagentur Hamm', '2016-02-01', NULL, 'laufend', 2300, 240000,
   'Jugendforum zweimal im Jahr, Feedbackbogen nach jeder Beratung.',
   'Gemeinsamer Standort, Fachkräfte der vier Partner, abgestimmte Fallübergabe.',
   'Rund 2.300 beratene junge Menschen pro Jahr.',
   'Mehr junge Menschen finden nach der Schule direkt einen Anschluss.'),
  ('Aufsuchende Ansprache junger Menschen ohne Anschluss',
   'Fachkräfte der Jugendberufsagentur gehen auf junge Menschen zu, die nach der Schule keinen Anschluss gefunden haben oder nicht mehr erreichbar sind.',
   '{schulische_bildung}', '{sechzehn_bis_achtzehn}',
   '{leistungsbezug}', '{aufsuchend}', '{esf_plus,kommunal}',
   NULL, true, 'Jugendberufsagentur Hamm', '2022-09-01', NULL, 'laufend', 160, 95000,
   'Peer-Ansprache durch ehemalige Teilnehmende.',
   '1,5 Stellen Streetwork mit Schwerpunkt Übergang.',
   'Rund 160 erreichte junge Menschen pro Jahr.',
   'Weniger junge Menschen ohne Ausbildung, Schule oder Maßnahme.'),
  ('Teilzeitausbildung und Jobcoaching für Alleinerziehende',
   'Das kommunale Jobcenter begleitet Alleinerziehende mit kleinen Kindern in Teilzeitausbildung oder Beschäftigung, einschließlich Klärung der Kinderbetreuung.',
   '{erwerbsintegration}', '{null_bis_drei,drei_bis_sechs}',
   '{alleinerziehende,leistungsbezug}', '{komm_struktur,aufsuchend}', '{kommunal,esf_plus}',
   NULL, true, 'Kommunales Jobcenter Hamm', '2021-01-01', NULL, 'laufend', 190, 230000,
   'Teilnehmerinnenrat, Angebotszeiten nach den Betreuungszeiten der Kitas.',
   'Zwei Jobcoaches, Kooperation mit Kammern und Kita-Fachberatung.',
   'Rund 190 begleitete Alleinerziehende pro Jahr.',
   'Höhere Erwerbsbeteiligung von Alleinerziehenden, weniger Kinder im SGB-II-Bezug.'),
  ('Beratung zum beruflichen Wiedereinstieg für Alleinerziehende',
   'Die Beauftragte für Chancengleichheit der Agentur für Arbeit bietet Sprechstunden und Online-Veranstaltungen zum Wiedereinstieg nach der Elternzeit an.',
   '{erwerbsintegration}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn}',
   '{alleinerziehende}', '{komm_struktur,digital}', '{bund}',
   NULL, false, 'Agentur für Arbeit Hamm', '2020-03-01', NULL, 'laufend', 260, 55000,
   'Themen der Online-Reihe werden mit Teilnehmenden abgestimmt.',
   'Anteilige Stelle Chancengleichheit am Arbeitsmarkt.',
   'Rund 260 Beratungskontakte pro Jahr.',
   'Alleinerziehende kehren schneller und passgenauer in Arbeit zurück.'),
  ('Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflege',
   'Aufsuchende Begleitung belasteter Familien in Schwangerschaft und im ersten Lebensjahr durch Familienhebammen und FGKiKP.',
   '{gesundheit}', '{schwangerschaft_geburt,null_bis_drei}',
   '{alleinerziehende,behinderung}', '{aufsuchend}', '{bund,kommunal}',
   NULL, true, 'Gesundheitsamt der Stadt Hamm', '2014-01-01', NULL, 'laufend', 210, 310000,
   'Abschlussgespräch mit jeder Familie, Ergebnisse fließen in die Netzwerkkonferenz Frühe Hilfen.',
   'Vier Familienhebammen, zwei FGKiKP, Mittel der Bundesstiftung Frühe Hilfen.',
   'Rund 210 begleitete Familien pro Jahr.',
   'Gesunde Entwicklung der Säuglinge, Eltern fühlen sich sicherer im Umgang mit dem Kind.'),
  ('Schuleingangsuntersuchung mit Förderlotsen',
   'Nach der Schuleingangsuntersuchung vermitteln Förderlotsen Kinder mit Förderbedarf gezielt in Sprach-, Bewegungs- und Therapieangebote.',
   '{gesundheit,fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{migrationsgeschichte,leistungsbezug}', '{komm_struktur,lotsendienst}', '{kommunal}',
   NULL, true, 'Gesundheitsamt der Stadt Hamm', '2022-08-01', NULL, 'laufend', 1750, 120000,
   'Elterngespräch mit Sprachmittlung, Rückmeldung der Kitas zu den Vermittlungen.',
   'Schulärztlicher Dienst und 1,5 Stellen Förderlotsen.',
   'Rund 1.750 untersuchte Kinder, etwa 420 Vermittlungen pro Jahr.',
   'Förderbedarfe werden vor der Einschulung bearbeitet, der Schulstart gelingt besser.'),
  ('Sprachförderung im Familienzentrum Herringen (Rucksack KiTa)',
   'Eltern-Kind-Sprachförderung nach dem Programm Rucksack KiTa in den Kitas des Familienzentrums Herringen.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{migrationsgeschichte}', '{komm_struktur}', '{land,kommunal}',
   'Herringen', true, 'Familienzentrum Herringen (Kita-Verbund)', '2018-08-01', NULL, 'laufend', 85, 42000,
   'Elternbegleiterinnen aus der Community, Themenwahl mit den Müttern und Vätern.',
   'Zwei Elternbegleiterinnen, Material, Räume der Kitas.',
   'Rund 85 Kinder und ihre Eltern pro Jahr.',
   'Bessere Deutsch- und Herkunftssprachkompetenz, Eltern begleiten die Sprachentwicklung aktiv.'),
  ('Eltern-Kind-Sprachcafé Herringen',
   'Offenes Sprachcafé für Eltern mit Kindern bis sechs Jahre im Stadtteiltreff Herringen, mit Vorlesen, Spielen und Alltagsdeutsch.',
   '{fruehkindliche_bildung,freizeit_kultur_sport}', '{null_bis_drei,drei_bis_sechs}',
   '{migrationsgeschichte,alleinerziehende}', '{komm_struktur,aufsuchend}', '{stiftung,kommunal}',
   'Herringen', true, 'Familien- und Jugendhilfe Hamm e. V.', '2022-02-01', NULL, 'laufend', 60, 28000,
   'Programm wird monatlich mit den Teilnehmenden geplant.',
   'Eine Fachkraft in Teilzeit, Ehrenamtliche, Stiftungsmittel.',
   'Rund 60 Familien pro Jahr, wöchentlich zwei Termine.',
   'Kinder und Eltern sprechen sicherer Deutsch, Familien finden Anschluss im Stadtteil.'),
  ('Lernförderung im Offenen Ganztag Bockum-Hövel',
   'Lernförderung in Kleingruppen im Offenen Ganztag der Grundschulen in Bockum-Hövel, teilweise über die Lernförderung aus dem Bildungs- und Teilhabepaket finanziert.',
   '{schulische_bildung}', '{sechs_bis_zehn}',
   '{leistungsbezug,migrationsgeschichte}', '{komm_struktur}', '{land,bund,kommunal}',
   'Bockum-Hövel', true, 'Grundschulverbund Bockum-Hövel', '2019-08-01', NULL, 'laufend', 140, 65000,
   'Kinder bewerten die Lerngruppen halbjährlich mit einem Smiley-Bogen.',
   'Honorarkräfte, Lehramtsstudierende, Koordination durch die OGS-Leitungen.',
   'Rund 140 Kinder pro Schuljahr.',
   'Mehr Kinder erreichen die Lernziele der Klasse 4 und eine passende Schulformempfehlung.'),
  ('Hausaufgabenhilfe im Jugendtreff Bockum-Hövel',
   'Tägliche Hausaufgabenhilfe und Lernbegleitung im Jugendtreff, verbunden mit offenen Freizeitangeboten.',
   '{schulische_bildung,freizeit_kultur_sport}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{komm_struktur}', '{kommunal}',
   'Bockum-Hövel', true, 'Familien- und Jugendhilfe Hamm e. V.', '2017-09-01', NULL, 'laufend', 70, 38000,
   'Kinderrat des Jugendtreffs entscheidet über Freizeitteil und Öffnungszeiten mit.',
   'Eine Fachkraft, zwei Honorarkräfte, Räume des Jugendtreffs.',
   'Rund 70 Kinder und Jugendliche pro Jahr.',
   'Hausaufgaben werden regelmäßig erledigt, weniger Klassenwiederholungen.'),
  ('Kita-Sozialarbeit in Heessen',
   'Sozialpädagogische Fachkräfte beraten Eltern direkt in den Kitas in Heessen und vermitteln in Hilfen und Leistungen.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{leistungsbezug}', '{komm_struktur,lotsendienst}', '{land,kommunal}',
   'Heessen', true, 'Jugendamt der Stadt Hamm', '2020-08-01', NULL, 'laufend', 180, 98000,
   'Sprechstunden zu Bring- und Abholzeiten, Elterncafés.',
   'Zwei Stellen Kita-Sozialarbeit für fünf Kitas.',
   'Rund 180 beratene Familien pro Jahr.',
   'Familien nehmen Hilfen früher in Anspruch, weniger Hilfen zur Erziehung im Grundschulalter.'),
  ('Bewegte Kindheit – Sport im Quartier Heessen',
   'Offene Sport- und Bewegungsangebote auf Schulhöfen und Bolzplätzen in Heessen, mit Übergang in Vereinsangebote.',
   '{freizeit_kultur_sport,gesundheit}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,migrationsgeschichte}', '{aufsuchend,komm_struktur}', '{land,kommunal}',
   'Heessen', true, 'Stadtsportbund Hamm e. V.', '2021-05-01', NULL, 'laufend', 220, 48000,
   'Sportarten werden mit den Kindern ausgewählt.',
   'Übungsleitende, Sportgeräte, Kooperation mit drei Vereinen.',
   'Rund 220 Kinder und Jugendliche pro Jahr, etwa 30 Vereinseintritte.',
   'Mehr Bewegung im Alltag, Kinder finden in Vereine.'),
  ('Gesund aufwachsen in Pelkum – Ernährung und Bewegung in Kita und Grundschule',
   'Präventionsprojekt nach § 20a SGB V in vier Kitas und zwei Grundschulen in Pelkum: Ernährungsbildung, Bewegungspausen, Elternabende.',
   '{gesundheit,ernaehrung}', '{drei_bis_sechs,sechs_bis_zehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{krankenkasse}',
   'Pelkum', true, 'Gesetzliche Krankenkasse – Regionalbüro Hamm', '2023-01-01', NULL, 'laufend', 310, 52000,
   'Kinder gestalten Kochaktionen und Bewegungspausen mit, Elternbefragung zu Beginn und Ende.',
   'Projektkoordination der Krankenkasse, Ernährungsfachkräfte, Sachmittel.',
   'Rund 310 Kinder pro Jahr.',
   'Gesünderes Frühstück und mehr Bewegung, Eltern setzen Anregungen zu Hause um.'),
  ('Präventive Wohnraumsicherung für Familien',
   'Frühzeitige Beratung bei Mietschulden und drohendem Wohnungsverlust, Übernahme von Mietrückständen, Vermittlung mit Vermietern.',
   '{wohnen}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{mehrkindfamilien,alleinerziehende,leistungsbezug}', '{komm_struktur,aufsuchend}', '{kommunal}',
   NULL, true, 'Amt für Soziales, Wohnen und Pflege', '2018-01-01', NULL, 'laufend', 340, 175000,
   'Hausbesuche nach Terminwunsch der Familie.',
   'Fachstelle Wohnungssicherung mit 2,5 Stellen, Mittel für Mietschuldenübernahme.',
   'Rund 340 Familien pro Jahr.',
   'Wohnungsverluste von Familien mit Kindern werden vermieden.'),
  ('Quartiersbüro Familienwohnen Uentrop',
   'Geplantes Quartiersbüro für Familien in einer großen Wohnsiedlung in Uentrop: Beratung zu Wohnen, Nachbarschaftsangebote, Spielflächen.',
   '{wohnen,freizeit_kultur_sport}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn}',
   '{mehrkindfamilien,migrationsgeschichte}', '{aufsuchend,komm_struktur}', '{land,kommunal}',
   'Uentrop', true, 'Amt für Soziales, Wohnen und Pflege', '2027-03-01', NULL, 'geplant', 150, 85000,
   'Beteiligungswerkstatt mit Mieterinnen und Mietern vor der Eröffnung.',
   'Eine Stelle Quartiersarbeit, Ladenlokal der Wohnungsgesellschaft.',
   'Geplant: rund 150 Familien pro Jahr.',
   'Familien in der Siedlung wohnen sicherer und sind besser an Angebote angebunden.'),
  ('Kindermittagstisch Hamm-Mitte',
   'Warmes Mittagessen und Hausaufgabenzeit für Schulkinder. Pausiert, weil die Räume saniert werden.',
   '{ernaehrung}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{stiftung,sonstige}',
   'Hamm-Mitte', true, 'Familien- und Jugendhilfe Hamm e. V.', '2015-03-01', NULL, 'pausiert', 45, 30000,
   'Kinder stellen den Speiseplan mit zusammen.',
   'Hauswirtschaftskraft, Ehrenamtliche, Spenden.',
   'Bis zur Pause rund 45 Kinder pro Tag.',
   'Kinder erhalten verlässlich eine warme Mahlzeit.'),
  ('Elternkurse „Starke Eltern – starke Kinder“',
   'Elternkurse zur Stärkung der Erziehungskompetenz in Kitas und Grundschulen. Ende 2024 ausgelaufen, Inhalte gehen in die Angebote der Familienzentren über.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs,sechs_bis_zehn}',
   '{alle_familien}', '{komm_struktur}', '{kommunal}',
   NULL, false, 'Jugendamt der Stadt Hamm', '2017-01-01', '2024-12-31', 'beendet', 120, 25000,
   'Kursthemen nach Wünschen der Eltern.',
   'Zertifizierte Kursleitungen auf Honorarbasis.',
   'Rund 120 Eltern pro Jahr.',
   'Eltern fühlen sich in der Erziehung sicherer.')
) AS v(title, descr, hf, lp, zg, zu, fin, sr, nied, partner, start_d, end_d, status, reach, cost, part, inp, outp, outc)
LEFT JOIN sozialraeume s ON s.network_id = n.id AND s.name = v.sr
LEFT JOIN partners p ON p.network_id = n.id AND p.name = v.partner
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

-- Goal tree: Kernziele, then Mittelziele, then Handlungsziele (parents looked up by title).
INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, NULL, 'kernziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n,
     (VALUES
        ('Familien finden in Hamm niedrigschwellig Zugang zu Beratung und Leistungen',
         'Leistungen für Familien sind aus einer Hand erreichbar, zentral, in den Stadtbezirken und digital.', NULL::text, DATE '2028-12-31', 'in_arbeit'),
        ('Junge Menschen und Eltern in Hamm finden Anschluss an Ausbildung und Arbeit',
         'Kein junger Mensch geht am Übergang Schule–Beruf verloren, Eltern werden bei der Erwerbsintegration unterstützt.', NULL, '2028-12-31', 'in_arbeit'),
        ('Kinder in Hamm wachsen gesund auf und werden früh gefördert',
         'Frühe Hilfen, Sprachförderung und Gesundheitsförderung erreichen alle Kinder, die sie brauchen.', NULL, '2028-12-31', 'in_arbeit')
     ) AS v(title, descr, hf, target, status)
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'mittelziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Familien finden in Hamm niedrigschwellig Zugang zu Beratung und Leistungen',
   'Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern',
   'Die BuT-Leistungen erreichen möglichst alle anspruchsberechtigten Kinder und Jugendlichen.', NULL::text, DATE '2027-12-31', 'in_arbeit'),
  ('Familien finden in Hamm niedrigschwellig Zugang zu Beratung und Leistungen',
   'Familienrathaus als zentrale und digitale Anlaufstelle ausbauen',
   'Das Familienrathaus ist in allen Stadtbezirken präsent und online vollständig nutzbar.', NULL, '2027-06-30', 'in_arbeit'),
  ('Familien finden in Hamm niedrigschwellig Zugang zu Beratung und Leistungen',
   'Wohnungsverlust von Familien mit Kindern vermeiden',
   'Drohender Wohnungsverlust wird früh erkannt und abgewendet.', 'wohnen', '2028-12-31', 'in_arbeit'),
  ('Junge Menschen und Eltern in Hamm finden Anschluss an Ausbildung und Arbeit',
   'Übergang Schule–Beruf rechtskreisübergreifend begleiten',
   'Jugendberufsagentur, Schulen und Jugendhilfe begleiten jeden jungen Menschen bis zum Anschluss.', 'schulische_bildung', '2027-12-31', 'in_arbeit'),
  ('Junge Menschen und Eltern in Hamm finden Anschluss an Ausbildung und Arbeit',
   'Erwerbsintegration von Eltern, insbesondere Alleinerziehenden, verbessern',
   'Eltern im Leistungsbezug, vor allem Alleinerziehende, nehmen häufiger eine Ausbildung oder Arbeit auf.', 'erwerbsintegration', '2028-06-30', 'in_arbeit'),
  ('Kinder in Hamm wachsen gesund auf und werden früh gefördert',
   'Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen',
   'Angebote der Frühen Hilfen und der Sprachförderung sind nach Bedarf im Stadtbezirk verteilt und aufeinander abgestimmt.', 'fruehkindliche_bildung', '2027-12-31', 'in_arbeit'),
  ('Kinder in Hamm wachsen gesund auf und werden früh gefördert',
   'Gesundheitsförderung und Ernährung in Kita und Grundschule stärken',
   'Kitas und Grundschulen in belasteten Stadtbezirken bieten Ernährungsbildung und Bewegung an.', 'gesundheit', '2028-06-30', 'offen')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'kernziel' AND g.title = v.parent
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'handlungsziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern',
   'Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten',
   'Jährlicher Abgleich von Leistungsberechtigten und Abrechnungen, gezielte Ansprache von Familien ohne Abrechnung.', NULL::text, DATE '2027-12-31', 'in_arbeit'),
  ('Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern',
   'Weitere Anbieter soziokultureller Teilhabe für die YouCard akkreditieren',
   'Sportvereine, Musikschule und Kulturanbieter werden als Leistungserbringer gewonnen.', 'freizeit_kultur_sport', '2026-06-30', 'erreicht'),
  ('Familienrathaus als zentrale und digitale Anlaufstelle ausbauen',
   'Sprechstunden des Familienrathauses in allen Stadtbezirken anbieten',
   'Dezentrale Sprechstunden ergänzen die zentrale Anlaufstelle.', NULL, '2027-06-30', 'offen'),
  ('Familienrathaus als zentrale und digitale Anlaufstelle ausbauen',
   'Digitalen Zwilling um Terminbuchung und Antragsassistenz erweitern',
   'Online-Termine und ein Assistent für häufige Anträge, barrierefrei.', NULL, '2026-12-31', 'in_arbeit'),
  ('Wohnungsverlust von Familien mit Kindern vermeiden',
   'Quartiersbüro Familienwohnen in Uentrop eröffnen',
   'Ein Quartiersbüro in der Siedlung mit dem höchsten Anteil kinderreicher Familien.', 'wohnen', '2027-06-30', 'offen'),
  ('Übergang Schule–Beruf rechtskreisübergreifend begleiten',
   'Fallübergaben zwischen Schulen und Jugendberufsagentur verbindlich regeln',
   'Ein einheitliches Übergabeverfahren an allen weiterführenden Schulen.', 'schulische_bildung', '2025-12-31', 'erreicht'),
  ('Übergang Schule–Beruf rechtskreisübergreifend begleiten',
   'Aufsuchende Ansprache junger Menschen ohne Anschluss verstetigen',
   'Die aufsuchende Arbeit wird über die Projektförderung hinaus gesichert.', 'schulische_bildung', '2026-12-31', 'in_arbeit'),
  ('Erwerbsintegration von Eltern, insbesondere Alleinerziehenden, verbessern',
   'Angebote von Jobcenter und Agentur für Arbeit für Alleinerziehende abstimmen',
   'Die Angebote beider Stellen werden verglichen und in einem gemeinsamen Zuweisungsverfahren geordnet.', 'erwerbsintegration', '2027-03-31', 'offen'),
  ('Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen',
   'Sprachförderangebote in Herringen bündeln und abstimmen',
   'Familienzentrum und Sprachcafé stimmen Zielgruppen, Zeiten und Inhalte ab.', 'fruehkindliche_bildung', '2026-12-31', 'offen'),
  ('Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen',
   'Willkommensbesuche für alle Neugeborenen anbieten',
   'Jede Familie mit Neugeborenem erhält ein Besuchsangebot.', 'gesundheit', '2025-06-30', 'erreicht'),
  ('Gesundheitsförderung und Ernährung in Kita und Grundschule stärken',
   'Präventionsprojekt Pelkum auf weitere Stadtbezirke übertragen',
   'Das Projekt wird nach der Evaluation auf Heessen und Herringen ausgeweitet.', 'gesundheit', '2027-12-31', 'offen'),
  ('Gesundheitsförderung und Ernährung in Kita und Grundschule stärken',
   'Kindermittagstisch Hamm-Mitte nach der Sanierung wieder eröffnen',
   'Zurückgestellt, bis der Sanierungszeitplan der Räume feststeht.', 'ernaehrung', '2027-09-30', 'zurueckgestellt')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'mittelziel' AND g.title = v.parent
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO milestones (goal_id, title, due_on, done_on)
SELECT g.id, v.title, v.due_on, v.done_on
FROM networks n
CROSS JOIN (VALUES
  ('Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern', 'Auswertung der Abrechnungsdaten 2025 im Lenkungskreis', DATE '2026-03-31', DATE '2026-03-24'),
  ('Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern', 'Versorgungsquote je Stadtbezirk ausgewiesen', '2026-09-30', NULL),
  ('Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern', 'Bericht zur BuT-Inanspruchnahme im Sozialausschuss', '2027-01-28', NULL),
  ('Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten', 'Abgleich Leistungsberechtigte und Abrechnungen 2025 abgeschlossen', '2026-02-28', '2026-03-05'),
  ('Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten', 'Informationsaktion in Kitas und Schulen zum Schuljahresbeginn', '2026-08-31', '2026-09-10'),
  ('Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten', 'Nachfassaktion bei Familien ohne Abrechnung', '2026-12-15', NULL),
  ('Weitere Anbieter soziokultureller Teilhabe für die YouCard akkreditieren', 'Sportvereine, Musikschule und Kulturanbieter angeschrieben', '2025-11-30', '2025-11-20'),
  ('Weitere Anbieter soziokultureller Teilhabe für die YouCard akkreditieren', 'Mindestens 20 neue Anbieter akkreditiert', '2026-06-30', '2026-06-18'),
  ('Familienrathaus als zentrale und digitale Anlaufstelle ausbauen', 'Standortkonzept für Außensprechstunden beschlossen', '2026-04-30', '2026-05-12'),
  ('Familienrathaus als zentrale und digitale Anlaufstelle ausbauen', 'Auswertung der Besuchszahlen 2026', '2027-01-31', NULL),
  ('Sprechstunden des Familienrathauses in allen Stadtbezirken anbieten', 'Außensprechstunden in Herringen und Bockum-Hövel gestartet', '2026-03-01', '2026-03-02'),
  ('Sprechstunden des Familienrathauses in allen Stadtbezirken anbieten', 'Außensprechstunden in Heessen, Pelkum und Uentrop gestartet', '2026-10-01', NULL),
  ('Sprechstunden des Familienrathauses in allen Stadtbezirken anbieten', 'Außensprechstunde in Hamm-Mitte im Stadtteilbüro', '2027-04-30', NULL),
  ('Digitalen Zwilling um Terminbuchung und Antragsassistenz erweitern', 'Online-Terminbuchung freigeschaltet', '2026-05-31', '2026-06-02'),
  ('Digitalen Zwilling um Terminbuchung und Antragsassistenz erweitern', 'Antragsassistent für Wohngeld und Kinderzuschlag getestet', '2026-11-15', NULL),
  ('Digitalen Zwilling um Terminbuchung und Antragsassistenz erweitern', 'Prüfung der Barrierefreiheit abgeschlossen', '2026-12-31', NULL),
  ('Wohnungsverlust von Familien mit Kindern vermeiden', 'Meldeverfahren bei Räumungsklagen mit dem Amtsgericht abgestimmt', '2026-02-28', '2026-03-15'),
  ('Wohnungsverlust von Familien mit Kindern vermeiden', 'Auswertung der Fallzahlen Wohnraumsicherung 2026', '2027-01-31', NULL),
  ('Quartiersbüro Familienwohnen in Uentrop eröffnen', 'Förderantrag für das Quartiersbüro gestellt', '2026-05-31', '2026-05-28'),
  ('Quartiersbüro Familienwohnen in Uentrop eröffnen', 'Räume für das Quartiersbüro angemietet', '2026-09-30', NULL),
  ('Quartiersbüro Familienwohnen in Uentrop eröffnen', 'Eröffnung des Quartiersbüros', '2027-03-01', NULL),
  ('Übergang Schule–Beruf rechtskreisübergreifend begleiten', 'Kooperationsvereinbarung der Jugendberufsagentur fortgeschrieben', '2025-09-30', '2025-10-07'),
  ('Übergang Schule–Beruf rechtskreisübergreifend begleiten', 'Jahresbericht der Jugendberufsagentur 2026', '2027-02-15', NULL),
  ('Fallübergaben zwischen Schulen und Jugendberufsagentur verbindlich regeln', 'Einwilligungserklärung mit dem Datenschutz abgestimmt', '2025-04-30', '2025-04-22'),
  ('Fallübergaben zwischen Schulen und Jugendberufsagentur verbindlich regeln', 'Übergabeverfahren an allen weiterführenden Schulen eingeführt', '2025-12-31', '2025-12-19'),
  ('Aufsuchende Ansprache junger Menschen ohne Anschluss verstetigen', 'Anschlussfinanzierung ESF Plus beantragt', '2026-06-30', '2026-06-25'),
  ('Aufsuchende Ansprache junger Menschen ohne Anschluss verstetigen', 'Kooperation mit der Streetwork in Heessen vereinbart', '2026-10-31', NULL),
  ('Erwerbsintegration von Eltern, insbesondere Alleinerziehenden, verbessern', 'Bestandsaufnahme der Angebote für Alleinerziehende', '2026-07-31', '2026-08-14'),
  ('Erwerbsintegration von Eltern, insbesondere Alleinerziehenden, verbessern', 'Gemeinsames Angebotsportfolio im Lenkungskreis vorgestellt', '2027-02-10', NULL),
  ('Angebote von Jobcenter und Agentur für Arbeit für Alleinerziehende abstimmen', 'Fachgespräch von Jobcenter und Agentur für Arbeit', '2026-09-15', '2026-09-22'),
  ('Angebote von Jobcenter und Agentur für Arbeit für Alleinerziehende abstimmen', 'Abgestimmtes Zuweisungsverfahren vereinbart', '2026-11-30', NULL),
  ('Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen', 'Sozialraumanalyse frühe Bildung aktualisiert', '2026-03-31', '2026-04-20'),
  ('Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen', 'Sprachförderangebote in der Bezirkskonferenz abgestimmt', '2026-10-15', NULL),
  ('Sprachförderangebote in Herringen bündeln und abstimmen', 'Gemeinsamer Termin von Familienzentrum und Sprachcafé', '2026-09-30', '2026-10-06'),
  ('Sprachförderangebote in Herringen bündeln und abstimmen', 'Abgestimmtes Angebotskonzept für Herringen', '2027-01-15', NULL),
  ('Willkommensbesuche für alle Neugeborenen anbieten', 'Willkommensmappe überarbeitet', '2025-03-31', '2025-03-28'),
  ('Willkommensbesuche für alle Neugeborenen anbieten', 'Besuchsquote über 85 Prozent erreicht', '2025-06-30', '2025-07-10'),
  ('Gesundheitsförderung und Ernährung in Kita und Grundschule stärken', 'Bedarfsabfrage Ernährungsbildung in Kitas', '2026-06-30', '2026-07-03'),
  ('Gesundheitsförderung und Ernährung in Kita und Grundschule stärken', 'Kooperationsvertrag mit der Krankenkasse verlängert', '2026-12-31', NULL),
  ('Präventionsprojekt Pelkum auf weitere Stadtbezirke übertragen', 'Evaluationsbericht Pelkum liegt vor', '2026-08-31', NULL),
  ('Präventionsprojekt Pelkum auf weitere Stadtbezirke übertragen', 'Kitas in Heessen für die Teilnahme gewonnen', '2027-04-30', NULL),
  ('Kindermittagstisch Hamm-Mitte nach der Sanierung wieder eröffnen', 'Sanierungszeitplan mit der Gebäudewirtschaft abgestimmt', '2026-05-31', '2026-06-30'),
  ('Kindermittagstisch Hamm-Mitte nach der Sanierung wieder eröffnen', 'Ersatzstandort geprüft', '2026-08-31', NULL)
) AS v(goal, title, due_on, done_on)
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO measure_goals (network_id, measure_id, goal_id)
SELECT n.id, m.id, g.id
FROM networks n
CROSS JOIN (VALUES
  ('Familienrathaus – zentrale Anlaufstelle für Familien', 'Familienrathaus als zentrale und digitale Anlaufstelle ausbauen'),
  ('Familienrathaus – zentrale Anlaufstelle für Familien', 'Sprechstunden des Familienrathauses in allen Stadtbezirken anbieten'),
  ('Familienrathaus digital („digitaler Zwilling“)', 'Digitalen Zwilling um Terminbuchung und Antragsassistenz erweitern'),
  ('Willkommensbesuche für Neugeborene', 'Willkommensbesuche für alle Neugeborenen anbieten'),
  ('YouCard Hamm – digitale Abrechnung der Leistungen für Bildung und Teilhabe', 'Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten'),
  ('YouCard Hamm – digitale Abrechnung der Leistungen für Bildung und Teilhabe', 'Weitere Anbieter soziokultureller Teilhabe für die YouCard akkreditieren'),
  ('Jugendberufsagentur Hamm – Beratung unter einem Dach', 'Übergang Schule–Beruf rechtskreisübergreifend begleiten'),
  ('Jugendberufsagentur Hamm – Beratung unter einem Dach', 'Fallübergaben zwischen Schulen und Jugendberufsagentur verbindlich regeln'),
  ('Aufsuchende Ansprache junger Menschen ohne Anschluss', 'Aufsuchende Ansprache junger Menschen ohne Anschluss verstetigen'),
  ('Teilzeitausbildung und Jobcoaching für Alleinerziehende', 'Angebote von Jobcenter und Agentur für Arbeit für Alleinerziehende abstimmen'),
  ('Beratung zum beruflichen Wiedereinstieg für Alleinerziehende', 'Angebote von Jobcenter und Agentur für Arbeit für Alleinerziehende abstimmen'),
  ('Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflege', 'Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen'),
  ('Schuleingangsuntersuchung mit Förderlotsen', 'Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen'),
  ('Schuleingangsuntersuchung mit Förderlotsen', 'Gesundheitsförderung und Ernährung in Kita und Grundschule stärken'),
  ('Sprachförderung im Familienzentrum Herringen (Rucksack KiTa)', 'Sprachförderangebote in Herringen bündeln und abstimmen'),
  ('Eltern-Kind-Sprachcafé Herringen', 'Sprachförderangebote in Herringen bündeln und abstimmen'),
  ('Lernförderung im Offenen Ganztag Bockum-Hövel', 'Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern'),
  ('Hausaufgabenhilfe im Jugendtreff Bockum-Hövel', 'Inanspruchnahme der Leistungen für Bildung und Teilhabe auf hohem Niveau sichern'),
  ('Kita-Sozialarbeit in Heessen', 'Frühe Hilfen und Sprachförderung in den Stadtbezirken bedarfsgerecht aufstellen'),
  ('Bewegte Kindheit – Sport im Quartier Heessen', 'Gesundheitsförderung und Ernährung in Kita und Grundschule stärken'),
  ('Gesund aufwachsen in Pelkum – Ernährung und Bewegung in Kita und Grundschule', 'Präventionsprojekt Pelkum auf weitere Stadtbezirke übertragen'),
  ('Präventive Wohnraumsicherung für Familien', 'Wohnungsverlust von Familien mit Kindern vermeiden'),
  ('Quartiersbüro Familienwohnen Uentrop', 'Quartiersbüro Familienwohnen in Uentrop eröffnen'),
  ('Kindermittagstisch Hamm-Mitte', 'Kindermittagstisch Hamm-Mitte nach der Sanierung wieder eröffnen'),
  ('Elternkurse „Starke Eltern – starke Kinder“', 'Kinder in Hamm wachsen gesund auf und werden früh gefördert')
) AS v(measure, goal)
JOIN measures m ON m.network_id = n.id AND m.title = v.measure
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO indicators (network_id, goal_id, name, definition, unit, unit_label, higher_is_better, data_source,
                        baseline_value, baseline_date, target_value, target_date)
SELECT n.id, g.id, v.name, v.def, v.unit, v.unit_label, v.hib, v.src, v.base, v.base_d, v.target, v.target_d
FROM networks n
CROSS JOIN (VALUES
  ('Inanspruchnahme BuT-Leistungen',
   'Anteil der Kinder und Jugendlichen mit mindestens einer über die YouCard abgerechneten BuT-Leistung an allen potenziell anspruchsberechtigten Kindern und Jugendlichen (Versorgungsquote), Stand 31.12.',
   'prozent', '%', true, 'Kommunales Jobcenter Hamm und Amt für Soziales, Wohnen und Pflege, Abrechnungsdaten YouCard',
   79.5::double precision, DATE '2019-12-31', 95.0::double precision, DATE '2028-12-31',
   'Versorgungsquote BuT dauerhaft bei mindestens 93 Prozent halten'),
  ('Akkreditierte Leistungserbringer im YouCard-System',
   'Zahl der zur Abrechnung berechtigten Schulen, Kitas, Tagespflegepersonen, Träger, Unternehmen und Caterer, Stand 31.12.',
   'anzahl', 'Anbieter', true, 'Kommunales Jobcenter Hamm, Anbieterverzeichnis YouCard',
   318, '2020-12-31', 450, '2027-12-31',
   'Weitere Anbieter soziokultureller Teilhabe für die YouCard akkreditieren'),
  ('Junge Menschen ohne Anschluss nach der Schule',
   'Anteil der Schulabgängerinnen und Schulabgänger ohne Ausbildung, weiterführende Schule oder Maßnahme zum Ende des Kalenderjahres.',
   'prozent', '%', false, 'Jugendberufsagentur Hamm, Verbleibsdokumentation',
   7.4, '2020-12-31', 4.5, '2028-12-31',
   'Übergang Schule–Beruf rechtskreisübergreifend begleiten'),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug',
   'Aufnahmen einer sozialversicherungspflichtigen Beschäftigung oder Ausbildung durch Alleinerziehende im Leistungsbezug je Kalenderjahr.',
   'anzahl', 'Integrationen', true, 'Kommunales Jobcenter Hamm, Integrationsstatistik',
   395, '2020-12-31', 520, '2028-12-31',
   'Erwerbsintegration von Eltern, insbesondere Alleinerziehenden, verbessern'),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung',
   'Anteil der untersuchten Kinder mit festgestelltem Sprachförderbedarf.',
   'prozent', '%', false, 'Gesundheitsamt der Stadt Hamm, Schuleingangsuntersuchung',
   31.5, '2019-12-31', 27.0, '2028-12-31',
   NULL)
) AS v(name, def, unit, unit_label, hib, src, base, base_d, target, target_d, goal)
LEFT JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

INSERT INTO indicator_values (indicator_id, period_date, value, note, entered_by)
SELECT i.id, v.period_date, v.value, v.note, NULL
FROM networks n
CROSS JOIN (VALUES
  ('Inanspruchnahme BuT-Leistungen', DATE '2020-12-31', 84.2::double precision, ''),
  ('Inanspruchnahme BuT-Leistungen', '2021-12-31', 88.0, ''),
  ('Inanspruchnahme BuT-Leistungen', '2022-12-31', 90.6, ''),
  ('Inanspruchnahme BuT-Leistungen', '2023-12-31', 93.0, 'Versorgungsquote von ca. 93 Prozent, vorgestellt auf der Fachkonferenz „Armutsprävention vor Ort“ im Dezember 2023.'),
  ('Inanspruchnahme BuT-Leistungen', '2024-12-31', 93.4, ''),
  ('Inanspruchnahme BuT-Leistungen', '2025-12-31', 93.1, 'Leichter Rückgang nach Umstellung der Mittagessenabrechnung an zwei Schulen.'),
  ('Akkreditierte Leistungserbringer im YouCard-System', '2021-12-31', 346, ''),
  ('Akkreditierte Leistungserbringer im YouCard-System', '2022-12-31', 372, ''),
  ('Akkreditierte Leistungserbringer im YouCard-System', '2023-12-31', 400, 'Rund 400 akkreditierte Schulen, Kitas, Tagespflegepersonen, Träger, Unternehmen und Caterer.'),
  ('Akkreditierte Leistungserbringer im YouCard-System', '2024-12-31', 415, ''),
  ('Akkreditierte Leistungserbringer im YouCard-System', '2025-12-31', 428, ''),
  ('Junge Menschen ohne Anschluss nach der Schule', '2021-12-31', 7.1, ''),
  ('Junge Menschen ohne Anschluss nach der Schule', '2022-12-31', 6.6, ''),
  ('Junge Menschen ohne Anschluss nach der Schule', '2023-12-31', 6.2, 'Seit September 2022 aufsuchende Ansprache.'),
  ('Junge Menschen ohne Anschluss nach der Schule', '2024-12-31', 5.8, ''),
  ('Junge Menschen ohne Anschluss nach der Schule', '2025-12-31', 5.5, ''),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug', '2021-12-31', 410, ''),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug', '2022-12-31', 438, ''),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug', '2023-12-31', 455, ''),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug', '2024-12-31', 447, 'Rückgang wegen schwächerer Arbeitsmarktlage.'),
  ('Arbeitsaufnahmen von Alleinerziehenden im SGB-II-Bezug', '2025-12-31', 472, ''),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung', '2021-12-31', 34.2, 'Nach pandemiebedingt eingeschränktem Kita-Besuch.'),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung', '2022-12-31', 33.8, ''),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung', '2023-12-31', 32.9, ''),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung', '2024-12-31', 32.1, ''),
  ('Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung', '2025-12-31', 31.0, '')
) AS v(indicator, period_date, value, note)
JOIN indicators i ON i.network_id = n.id AND i.name = v.indicator
WHERE n.kommune_ags = '05915' AND n.name = 'Präventionskette Hamm';

-- ============================================================================================
-- Detmold (05766020, Kreis Lippe): Präventionsnetzwerk Detmold – kinderstark
-- ============================================================================================

INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring, anchoring_note,
                      mandate_date, mandate_reference, steering_body, founded_on, contact_organisation,
                      contact_address, contact_email, is_public)
VALUES ('05766020', 'Präventionsnetzwerk Detmold – kinderstark',
        'Detmold baut mit dem Landesprogramm „kinderstark – NRW schafft Chancen“ eine kommunale Präventionskette auf. '
        || 'Um die Akzeptanz der anderen Ressorts zu gewinnen, wurde die Stelle „Kommunales Präventionsmanagement“ geschaffen, die über das Wirkungsfeld der Jugendhilfeplanung hinaus agiert, etwa in die Stadtplanung. '
        || 'Familien werden über Zugangswege vor Ort erreicht: das Familienbüro in der Innenstadt, Lotsendienste bei Ärztinnen und Ärzten (Kinder- und Jugendarztpraxen, Geburtsklinik), '
        || 'Familiencafés in Grundschulen (Elternchancen) und das F.I.T-Mobil. Die Wirkung wird mit qualitativen Berichten, verbindlichen Zielen und Kennzahlen sowie der Schülerbefragung UWE beobachtet.',
        'Kommunales Bildungs- und Präventionsmanagement, Fachbereich Jugend, Schule, Sport',
        'bildungsbuero',
        'Stelle „Kommunales Präventionsmanagement“ im Fachbereich Jugend, Schule, Sport, gemeinsam mit dem kommunalen Bildungsmanagement. '
        || 'Wirkt über die Jugendhilfeplanung hinaus in andere Ressorts, z. B. Städtebauplanung.',
        DATE '2020-06-25',
        'Ratsbeschluss zur Teilnahme am Landesprogramm „kinderstark – NRW schafft Chancen“ und zur Einrichtung des Kommunalen Präventionsmanagements, Beschlussvorlage 2020/118',
        'Steuerungsgruppe Prävention unter Leitung des Fachbereichs Jugend, Schule, Sport mit Stadtentwicklung, Soziales, Jobcenter Lippe, '
        || 'dem Gesundheitsamt des Kreises Lippe und Vertretungen der freien Träger. Jährlicher Wirkungsbericht an den Jugendhilfeausschuss.',
        DATE '2020-10-01',
        'Stadt Detmold – Kommunales Präventionsmanagement',
        'Fachbereich Jugend, Schule, Sport, 32756 Detmold',
        'praeventionsmanagement@detmold.invalid',
        true);

INSERT INTO sozialraeume (network_id, name)
SELECT n.id, v.name
FROM networks n,
     (VALUES ('Innenstadt'), ('Hakedahl'), ('Herberhausen'), ('Jerxen-Orbke'), ('Heidenoldendorf')) AS v(name)
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
SELECT n.id, v.name, v.kind, v.ressort, v.role, v.contact
FROM networks n,
     (VALUES
        ('Fachbereich Jugend, Schule, Sport (Jugendamt Detmold)', 'jugendamt', 'jugend', 'steuerung', 'jugendamt@detmold.invalid'),
        ('Fachbereich Stadtentwicklung Detmold', 'sonstige', 'stadtplanung', 'steuerung', 'stadtentwicklung@detmold.invalid'),
        ('Jobcenter Lippe', 'jobcenter', 'arbeit', 'steuerung', 'netzwerk@jobcenter-lippe.invalid'),
        ('Agentur für Arbeit Detmold', 'agentur_fuer_arbeit', 'arbeit', 'partner', 'detmold.berufsberatung@arbeitsagentur.invalid'),
        ('Gesundheitsamt des Kreises Lippe', 'gesundheitsamt', 'gesundheit', 'steuerung', 'gesundheitsamt@kreis-lippe.invalid'),
        ('Geburtsklinik Detmold', 'sonstige', 'gesundheit', 'partner', 'geburtshilfe-detmold@klinikum.invalid'),
        ('Qualitätszirkel Kinder- und Jugendarztpraxen Detmold', 'sonstige', 'gesundheit', 'partner', 'qz-paediatrie@detmold.invalid'),
        ('Grundschulen in Detmold (Verbund Elternchancen)', 'schule', 'bildung', 'partner', 'elternchancen@schulen-detmold.invalid'),
        ('Jugend- und Familienhilfe Detmold e. V.', 'freier_traeger', 'jugend', 'partner', 'info@jfh-detmold.invalid'),
        ('Familienzentrum Hakedahl', 'familienzentrum', 'jugend', 'partner', 'familienzentrum-hakedahl@detmold.invalid'),
        ('Stadtsportverband Detmold e. V.', 'verein', 'sport', 'partner', 'kindersport@ssv-detmold.invalid'),
        ('Gesetzliche Krankenkasse – Regionalbüro Detmold', 'krankenkasse', 'gesundheit', 'partner', 'praevention.detmold@krankenkasse.invalid')
     ) AS v(name, kind, ressort, role, contact)
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen, zugaenge,
                      finanzierung, sozialraum_id, niedrigschwellig, partner_id, start_date, end_date, status,
                      reach_per_year, annual_cost_euro, participation, impact_input, impact_output, impact_outcome)
SELECT n.id, v.title, v.descr, v.hf, v.lp, v.zg, v.zu, v.fin, s.id, v.nied, p.id, v.start_d, v.end_d, v.status,
       v.reach, v.cost, v.part, v.inp, v.outp, v.outc
FROM networks n
CROSS JOIN (VALUES
  ('Familienbüro Innenstadt – Beratung und Lotsung für Familien',
   'Offene Anlaufstelle in der Innenstadt: Information zu Betreuung, Leistungen und Wohnen, Hilfe bei Anträgen, Vermittlung in Angebote des Netzwerks. Termine und Kurzberatung auch per Video und Messenger.',
   '{fruehkindliche_bildung,wohnen,erwerbsintegration}'::text[],
   '{schwangerschaft_geburt,null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}'::text[],
   '{alle_familien}'::text[], '{komm_struktur,lotsendienst,digital}'::text[], '{land,kommunal}'::text[],
   'Innenstadt'::text, true, 'Fachbereich Jugend, Schule, Sport (Jugendamt Detmold)', DATE '2020-11-01', NULL::date, 'laufend', 1400, 145000::bigint,
   'Kurzbefragung nach dem Besuch, Elternbeirat der Kitas berät über Öffnungszeiten.',
   'Zwei Fachkräfte, Ladenlokal in der Fußgängerzone, kinderstark-Mittel.',
   'Rund 1.400 Beratungskontakte pro Jahr.',
   'Familien kennen ihre Ansprüche und finden schneller das passende Angebot.'),
  ('Lotsendienst in Kinder- und Jugendarztpraxen',
   'Lotsinnen bieten in drei Kinder- und Jugendarztpraxen feste Sprechzeiten an und vermitteln Familien mit Unterstützungsbedarf in Angebote des Netzwerks.',
   '{gesundheit}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn}',
   '{leistungsbezug,migrationsgeschichte,alleinerziehende}', '{lotsendienst}', '{land,kommunal}',
   NULL, true, 'Qualitätszirkel Kinder- und Jugendarztpraxen Detmold', '2021-09-01', NULL, 'laufend', 420, 88000,
   'Praxisteams und Eltern geben halbjährlich Rückmeldung zu Sprechzeiten und Vermittlungen.',
   '1,5 Stellen Lotsinnen, Räume in den Praxen.',
   'Rund 420 beratene Familien pro Jahr.',
   'Belastungen werden bei Vorsorgeuntersuchungen erkannt und führen zu passenden Hilfen.'),
  ('Babylotsen in der Geburtsklinik',
   'Babylotsinnen sprechen Familien rund um die Geburt an, klären Unterstützungsbedarf und vermitteln in Frühe Hilfen und Leistungen.',
   '{gesundheit,fruehkindliche_bildung}', '{schwangerschaft_geburt,null_bis_drei}',
   '{alleinerziehende,leistungsbezug}', '{lotsendienst}', '{krankenkasse,stiftung,kommunal}',
   NULL, true, 'Geburtsklinik Detmold', '2022-01-01', NULL, 'laufend', 380, 76000,
   'Rückmeldebogen bei Entlassung, Austausch mit Hebammen.',
   'Eine Stelle Babylotsin, Finanzierung aus Stiftungs- und Krankenkassenmitteln.',
   'Rund 380 Familien mit Gesprächsangebot pro Jahr.',
   'Familien mit Belastungen werden vor der Entlassung an Frühe Hilfen angebunden.'),
  ('Familiencafés in Grundschulen (Elternchancen)',
   'Regelmäßige Familiencafés in Grundschulen als Treffpunkt und Zugang zu Beratung für Eltern.',
   '{schulische_bildung}', '{sechs_bis_zehn}',
   '{migrationsgeschichte,alleinerziehende}', '{komm_struktur}', '{land,kommunal}',
   NULL, true, 'Grundschulen in Detmold (Verbund Elternchancen)', '2021-02-01', NULL, 'laufend', 520, 64000,
   'Eltern gestalten die Themen der Cafés, Elternbegleitung aus der Community.',
   'Schulsozialarbeit, Elternbegleiterinnen, Sachmittel.',
   'Familiencafés an vier Grundschulen, rund 520 teilnehmende Eltern pro Jahr.',
   'Eltern sind besser an die Schule angebunden und unterstützen das Lernen ihrer Kinder.'),
  ('F.I.T-Mobil – mobile Familienarbeit in den Stadtteilen',
   'Mobiles, aufsuchendes Angebot, das Beratung, Information und Aktivitäten für Familien direkt in die Quartiere bringt.',
   '{freizeit_kultur_sport}', '{drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien,migrationsgeschichte}', '{aufsuchend}', '{land,kommunal}',
   NULL, true, 'Jugend- und Familienhilfe Detmold e. V.', '2022-05-01', NULL, 'laufend', 650, 92000,
   'Haltepunkte und Programm werden mit Familien vor Ort abgestimmt.',
   'Fahrzeug, zwei Fachkräfte, Spiel- und Informationsmaterial.',
   'Rund 650 erreichte Kinder und Eltern pro Jahr an festen Haltepunkten.',
   'Familien, die Komm-Strukturen nicht nutzen, werden erreicht und in Angebote vermittelt.'),
  ('Sprachförderung im Familienzentrum Hakedahl',
   'Alltagsintegrierte Sprachförderung und Eltern-Kind-Sprachgruppen im Familienzentrum.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{migrationsgeschichte}', '{komm_struktur}', '{land,kommunal}',
   'Hakedahl', true, 'Familienzentrum Hakedahl', '2019-08-01', NULL, 'laufend', 70, 36000,
   'Elternabende in mehreren Sprachen.',
   'Sprachfachkraft, Fortbildung des Teams.',
   'Rund 70 Kinder pro Jahr.',
   'Bessere Sprachkompetenz beim Übergang in die Grundschule.'),
  ('Ehrenamtliche Sprachpatenschaften Hakedahl',
   'Ehrenamtliche Sprachpatinnen und -paten begleiten Kinder wöchentlich beim Vorlesen, Spielen und Sprechen.',
   '{fruehkindliche_bildung,schulische_bildung}', '{drei_bis_sechs,sechs_bis_zehn}',
   '{migrationsgeschichte}', '{aufsuchend}', '{stiftung}',
   'Hakedahl', true, 'Jugend- und Familienhilfe Detmold e. V.', '2023-03-01', NULL, 'laufend', 45, 12000,
   'Tandems werden mit den Familien gebildet.',
   'Koordination in Teilzeit, 25 Ehrenamtliche.',
   'Rund 45 Tandems pro Jahr.',
   'Kinder sprechen sicherer Deutsch und lesen mehr.'),
  ('Teilzeitqualifizierung für Eltern in Elternzeit',
   'Qualifizierung in Teilzeit mit Kinderbetreuung für Eltern im Leistungsbezug, insbesondere Alleinerziehende.',
   '{erwerbsintegration}', '{null_bis_drei,drei_bis_sechs}',
   '{alleinerziehende,leistungsbezug}', '{komm_struktur}', '{esf_plus,kommunal}',
   NULL, false, 'Jobcenter Lippe', '2022-01-01', NULL, 'laufend', 75, 140000,
   'Teilnehmende wählen Qualifizierungsbausteine mit aus.',
   'Bildungsträger, Kinderbetreuung während der Kurszeiten.',
   'Rund 75 Teilnehmende pro Jahr.',
   'Mehr Eltern nehmen nach der Elternzeit eine Ausbildung oder Arbeit auf.'),
  ('Berufsorientierung und Übergangsberatung an weiterführenden Schulen',
   'Berufsberatung mit festen Sprechzeiten an den weiterführenden Schulen, Begleitung bis zum Anschluss.',
   '{schulische_bildung}', '{zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{migrationsgeschichte,behinderung,leistungsbezug}', '{komm_struktur,digital}', '{bund}',
   NULL, false, 'Agentur für Arbeit Detmold', '2019-08-01', NULL, 'laufend', 900, 70000,
   'Schülerinnen und Schüler bewerten die Beratung online.',
   'Berufsberaterinnen und -berater mit festen Schulzuständigkeiten.',
   'Rund 900 beratene Jugendliche pro Jahr.',
   'Mehr Jugendliche haben beim Schulabschluss eine Anschlussperspektive.'),
  ('Bewegungsförderung im Quartier Herberhausen',
   'Offene Bewegungsangebote auf dem Schulhof und in der Turnhalle, mit Brücke in die Vereine.',
   '{freizeit_kultur_sport,gesundheit}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{aufsuchend,komm_struktur}', '{land,kommunal}',
   'Herberhausen', true, 'Stadtsportverband Detmold e. V.', '2022-04-01', NULL, 'laufend', 160, 28000,
   'Kinder wählen die Sportarten für jedes Halbjahr.',
   'Übungsleitende aus drei Vereinen, Hallenzeiten.',
   'Rund 160 Kinder und Jugendliche pro Jahr.',
   'Mehr Bewegung, Vereinseintritte von Kindern aus dem Quartier.'),
  ('Kita-Ernährungsprojekt „Gesund essen“ Jerxen-Orbke',
   'Ernährungsbildung in drei Kitas: gemeinsames Frühstück, Kochen mit Kindern, Elternnachmittage.',
   '{ernaehrung,gesundheit}', '{drei_bis_sechs}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{krankenkasse}',
   'Jerxen-Orbke', true, 'Gesetzliche Krankenkasse – Regionalbüro Detmold', '2023-09-01', NULL, 'laufend', 120, 24000,
   'Kinder planen Rezepte mit, Eltern kochen bei Elternnachmittagen mit.',
   'Ernährungsfachkraft, Sachmittel, Präventionsmittel der Krankenkasse.',
   'Rund 120 Kinder pro Jahr.',
   'Ausgewogeneres Frühstück, Eltern kennen einfache gesunde Rezepte.'),
  ('Zahn- und Ernährungsberatung in Kitas Jerxen-Orbke',
   'Gruppenprophylaxe und Ernährungsberatung des Gesundheitsamts in den Kitas des Stadtteils.',
   '{gesundheit,ernaehrung}', '{drei_bis_sechs}',
   '{leistungsbezug}', '{aufsuchend}', '{kommunal}',
   'Jerxen-Orbke', true, 'Gesundheitsamt des Kreises Lippe', '2018-01-01', NULL, 'laufend', 140, 15000,
   'Kurze Elternbefragung nach jedem Kita-Besuch.',
   'Zahnmedizinische Prophylaxefachkraft, Ernährungsberaterin anteilig.',
   'Rund 140 Kinder pro Jahr, zwei Besuche je Kita.',
   'Weniger Karies, bessere Ernährungsgewohnheiten bei Vorschulkindern.'),
  ('Beratung bei Mietschulden und drohendem Wohnungsverlust',
   'Frühzeitige Beratung und Übernahme von Mietrückständen für Familien im Leistungsbezug.',
   '{wohnen}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur,aufsuchend}', '{kommunal}',
   NULL, true, 'Jobcenter Lippe', '2019-01-01', NULL, 'laufend', 260, 95000,
   'Hausbesuch auf Wunsch der Familie.',
   'Fachkraft Wohnungssicherung, Mittel für Mietschuldenübernahme.',
   'Rund 260 beratene Familien pro Jahr.',
   'Wohnungsverluste von Familien mit Kindern werden vermieden.'),
  ('Quartiersentwicklung Jerxen-Orbke – familienfreundliches Wohnumfeld',
   'Integriertes Quartierskonzept mit Spielflächen, Wegen und Treffpunkten, entwickelt mit Familien aus dem Stadtteil.',
   '{wohnen,freizeit_kultur_sport}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{mehrkindfamilien,migrationsgeschichte}', '{komm_struktur}', '{land,bund,kommunal}',
   'Jerxen-Orbke', false, 'Fachbereich Stadtentwicklung Detmold', '2021-01-01', NULL, 'laufend', 900, 250000,
   'Beteiligungswerkstätten mit Kindern und Eltern, Spielplatzplanung mit Kindern.',
   'Städtebaufördermittel, Quartiersmanagement in Teilzeit.',
   'Zwei neu gestaltete Spielflächen, rund 900 Bewohnerinnen und Bewohner mit Kindern im Quartier.',
   'Familien nutzen das Wohnumfeld mehr und fühlen sich im Quartier wohler.'),
  ('Familienbüro Hakedahl (zweiter Standort)',
   'Geplanter zweiter Standort des Familienbüros im Quartierszentrum Hakedahl.',
   '{fruehkindliche_bildung,wohnen,erwerbsintegration}', '{schwangerschaft_geburt,null_bis_drei,drei_bis_sechs,sechs_bis_zehn}',
   '{alle_familien}', '{komm_struktur,lotsendienst}', '{land,kommunal}',
   'Hakedahl', true, 'Fachbereich Jugend, Schule, Sport (Jugendamt Detmold)', '2027-04-01', NULL, 'geplant', 500, 90000,
   'Familien aus Hakedahl werden vor der Eröffnung zu Öffnungszeiten und Angeboten befragt.',
   'Eine Fachkraft, Räume im Quartierszentrum.',
   'Geplant: rund 500 Beratungskontakte pro Jahr.',
   'Familien in Hakedahl erreichen Beratung ohne Weg in die Innenstadt.'),
  ('Väter-Kind-Treff Herberhausen',
   'Samstagstreff für Väter mit Kindern. Pausiert, weil die Fachkraft gewechselt hat.',
   '{freizeit_kultur_sport}', '{drei_bis_sechs,sechs_bis_zehn}',
   '{alle_familien}', '{komm_struktur}', '{kommunal}',
   'Herberhausen', true, 'Jugend- und Familienhilfe Detmold e. V.', '2021-03-01', NULL, 'pausiert', 35, 8000,
   'Väter planen das Programm mit.',
   'Fachkraft auf Honorarbasis, Räume im Stadtteiltreff.',
   'Bis zur Pause rund 35 Väter pro Jahr.',
   'Väter sind stärker in Erziehung und Freizeit ihrer Kinder eingebunden.'),
  ('Lernförderung „Aufholen nach Corona“',
   'Lernförderung in Kleingruppen aus dem Aktionsprogramm „Aufholen nach Corona für Kinder und Jugendliche“. Mit Programmende ausgelaufen.',
   '{schulische_bildung}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{komm_struktur}', '{bund,land}',
   NULL, false, 'Grundschulen in Detmold (Verbund Elternchancen)', '2021-09-01', '2023-07-31', 'beendet', 300, 110000,
   'Kinder bewerteten die Gruppen am Ende jedes Halbjahres.',
   'Honorarkräfte, Lehramtsstudierende.',
   'Rund 300 Kinder pro Schuljahr.',
   'Pandemiebedingte Lernrückstände wurden teilweise aufgeholt.')
) AS v(title, descr, hf, lp, zg, zu, fin, sr, nied, partner, start_d, end_d, status, reach, cost, part, inp, outp, outc)
LEFT JOIN sozialraeume s ON s.network_id = n.id AND s.name = v.sr
LEFT JOIN partners p ON p.network_id = n.id AND p.name = v.partner
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, NULL, 'kernziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n,
     (VALUES
        ('Familien in Detmold werden frühzeitig und wohnortnah erreicht',
         'Zugangswege setzen dort an, wo Familien ohnehin sind: Arztpraxis, Geburtsklinik, Grundschule, Quartier.', NULL::text, DATE '2028-12-31', 'in_arbeit'),
        ('Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen',
         'Sprachförderung, Gesundheit und Ernährung sind in Kita und Schule verlässlich verankert.', NULL, '2028-12-31', 'in_arbeit'),
        ('Armutsprävention ist ressortübergreifend in der Stadtverwaltung verankert',
         'Prävention ist Aufgabe aller Ressorts und wird mit Zielen und Kennzahlen gesteuert.', NULL, '2027-12-31', 'in_arbeit')
     ) AS v(title, descr, hf, target, status)
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'mittelziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Familien in Detmold werden frühzeitig und wohnortnah erreicht',
   'Zugangswege über Gesundheitswesen und Schulen ausbauen',
   'Lotsendienste und Familiencafés erreichen Familien mit Unterstützungsbedarf früh.', 'gesundheit'::text, DATE '2027-12-31', 'in_arbeit'),
  ('Familien in Detmold werden frühzeitig und wohnortnah erreicht',
   'Familienbüros als Anlaufstellen in den Quartieren etablieren',
   'Neben der Innenstadt erhalten Quartiere mit hohem Bedarf eigene Anlaufstellen.', NULL, '2028-06-30', 'in_arbeit'),
  ('Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen',
   'Sprachförderung in Hakedahl bedarfsgerecht bündeln',
   'Sprachförderangebote im Stadtteil sind abgestimmt und erreichen alle Kinder mit Bedarf.', 'fruehkindliche_bildung', '2027-06-30', 'in_arbeit'),
  ('Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen',
   'Gesundheit und Ernährung in Kitas stärken',
   'Kitas in belasteten Quartieren bieten abgestimmte Gesundheits- und Ernährungsangebote.', 'ernaehrung', '2028-06-30', 'offen'),
  ('Armutsprävention ist ressortübergreifend in der Stadtverwaltung verankert',
   'Wirkungsorientiertes Berichtswesen mit Zielen und Kennzahlen aufbauen',
   'Qualitative Berichte mit verbindlichen Zielen und Kennzahlen nach dem Qualitätskreislauf von kinderstark.', NULL, '2026-12-31', 'in_arbeit'),
  ('Armutsprävention ist ressortübergreifend in der Stadtverwaltung verankert',
   'Stadtplanung und Wohnen in die Präventionskette einbinden',
   'Belange von Familien in Armutslagen fließen in Quartiers- und Bauleitplanung ein.', 'wohnen', '2028-12-31', 'in_arbeit')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'kernziel' AND g.title = v.parent
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'handlungsziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Zugangswege über Gesundheitswesen und Schulen ausbauen',
   'Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen',
   'Praxislotsen und Babylotsen klären Zuständigkeiten für Familien mit Säuglingen und vermeiden Doppelkontakte.', 'gesundheit'::text, DATE '2026-12-31', 'in_arbeit'),
  ('Zugangswege über Gesundheitswesen und Schulen ausbauen',
   'Familiencafés an allen Grundschulen in Quartieren mit hoher SGB-II-Quote anbieten',
   'Von vier auf sechs Grundschulen.', 'schulische_bildung', '2027-07-31', 'in_arbeit'),
  ('Familienbüros als Anlaufstellen in den Quartieren etablieren',
   'Zweites Familienbüro in Hakedahl eröffnen',
   'Standort im Quartierszentrum, gleiche Leistungen wie in der Innenstadt.', NULL, '2027-06-30', 'offen'),
  ('Familienbüros als Anlaufstellen in den Quartieren etablieren',
   'F.I.T-Mobil in allen Quartieren mit festen Terminen einsetzen',
   'Feste, veröffentlichte Haltepunkte in allen Sozialräumen.', 'freizeit_kultur_sport', '2026-09-30', 'erreicht'),
  ('Sprachförderung in Hakedahl bedarfsgerecht bündeln',
   'Gemeinsames Sprachförderkonzept von Familienzentrum und Sprachpatenschaften',
   'Ein abgestimmtes Konzept statt zwei paralleler Angebote für dieselben Kinder.', 'fruehkindliche_bildung', '2026-12-31', 'offen'),
  ('Gesundheit und Ernährung in Kitas stärken',
   'Ernährungsangebote in Jerxen-Orbke zusammenführen',
   'Krankenkassenprojekt und Beratung des Gesundheitsamts in einem gemeinsamen Jahresplan.', 'ernaehrung', '2027-03-31', 'offen'),
  ('Gesundheit und Ernährung in Kitas stärken',
   'Ernährungsberatung für Schwangere und junge Eltern konzipieren',
   'Lücke aus der Bestandsaufnahme: kein Ernährungsangebot rund um Schwangerschaft und Geburt. Zurückgestellt bis zur Klärung der Finanzierung.', 'ernaehrung', '2027-12-31', 'zurueckgestellt'),
  ('Wirkungsorientiertes Berichtswesen mit Zielen und Kennzahlen aufbauen',
   'UWE-Befragung in allen weiterführenden Schulen durchführen',
   'Schülerinnen- und Schülerbefragung UWE (Umwelt, Wohlbefinden und Entwicklung) zur Bedarfsermittlung und zum Monitoring.', 'schulische_bildung', '2026-06-30', 'erreicht'),
  ('Wirkungsorientiertes Berichtswesen mit Zielen und Kennzahlen aufbauen',
   'Jährlichen Wirkungsbericht im Jugendhilfeausschuss vorstellen',
   'Der Bericht zeigt Erfolge und offene Lücken.', NULL, '2026-12-31', 'in_arbeit'),
  ('Stadtplanung und Wohnen in die Präventionskette einbinden',
   'Präventionsbelange im Quartierskonzept Jerxen-Orbke verankern',
   'Das Präventionsmanagement nimmt zum Quartierskonzept Stellung.', 'wohnen', '2026-10-31', 'in_arbeit')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'mittelziel' AND g.title = v.parent
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO milestones (goal_id, title, due_on, done_on)
SELECT g.id, v.title, v.due_on, v.done_on
FROM networks n
CROSS JOIN (VALUES
  ('Zugangswege über Gesundheitswesen und Schulen ausbauen', 'Kooperationsvereinbarung mit dem Qualitätszirkel der Kinder- und Jugendarztpraxen', DATE '2025-06-30', DATE '2025-06-12'),
  ('Zugangswege über Gesundheitswesen und Schulen ausbauen', 'Auswertung der Lotsenkontakte 2026', '2027-02-28', NULL),
  ('Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen', 'Gemeinsame Fallbesprechung von Babylotsen und Praxislotsen eingeführt', '2026-06-30', '2026-07-08'),
  ('Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen', 'Abgestimmter Übergabebogen zur U-Untersuchung', '2026-10-31', NULL),
  ('Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen', 'Gespräch mit der Krankenkasse zur gemeinsamen Finanzierung', '2027-01-20', NULL),
  ('Familiencafés an allen Grundschulen in Quartieren mit hoher SGB-II-Quote anbieten', 'Familiencafés an vier Grundschulen gestartet', '2025-09-30', '2025-09-15'),
  ('Familiencafés an allen Grundschulen in Quartieren mit hoher SGB-II-Quote anbieten', 'Zwei weitere Grundschulen gewonnen', '2026-08-31', NULL),
  ('Familienbüros als Anlaufstellen in den Quartieren etablieren', 'Standortanalyse für Familienbüros abgeschlossen', '2026-03-31', '2026-04-15'),
  ('Familienbüros als Anlaufstellen in den Quartieren etablieren', 'Personal für den zweiten Standort im Haushalt 2027 angemeldet', '2026-12-10', NULL),
  ('Zweites Familienbüro in Hakedahl eröffnen', 'Räume im Quartierszentrum Hakedahl gesichert', '2026-11-01', NULL),
  ('Zweites Familienbüro in Hakedahl eröffnen', 'Eröffnung des Familienbüros Hakedahl', '2027-04-01', NULL),
  ('F.I.T-Mobil in allen Quartieren mit festen Terminen einsetzen', 'Tourenplan mit festen Haltepunkten veröffentlicht', '2026-04-30', '2026-04-28'),
  ('F.I.T-Mobil in allen Quartieren mit festen Terminen einsetzen', 'Rückmelderunde mit Familien an den Haltepunkten', '2026-09-30', '2026-09-25'),
  ('Sprachförderung in Hakedahl bedarfsgerecht bündeln', 'Bestandsaufnahme der Sprachförderangebote in Hakedahl', '2026-05-31', '2026-06-10'),
  ('Sprachförderung in Hakedahl bedarfsgerecht bündeln', 'Abstimmungstermin von Familienzentrum und Sprachpatenschaften', '2026-12-05', NULL),
  ('Gemeinsames Sprachförderkonzept von Familienzentrum und Sprachpatenschaften', 'Entwurf des Sprachförderkonzepts', '2026-10-15', NULL),
  ('Gemeinsames Sprachförderkonzept von Familienzentrum und Sprachpatenschaften', 'Beschluss in der Stadtteilkonferenz Hakedahl', '2027-02-15', NULL),
  ('Gesundheit und Ernährung in Kitas stärken', 'Kita-Befragung zu Ernährungsangeboten', '2026-07-31', '2026-08-20'),
  ('Gesundheit und Ernährung in Kitas stärken', 'Fachtag Gesunde Ernährung in Kitas', '2027-03-15', NULL),
  ('Ernährungsangebote in Jerxen-Orbke zusammenführen', 'Gespräch von Gesundheitsamt und Krankenkasse', '2026-09-30', NULL),
  ('Ernährungsangebote in Jerxen-Orbke zusammenführen', 'Gemeinsamer Jahresplan für die Kitas in Jerxen-Orbke', '2027-01-31', NULL),
  ('Ernährungsberatung für Schwangere und junge Eltern konzipieren', 'Bedarf mit Hebammen und Geburtsklinik geklärt', '2026-06-30', NULL),
  ('Ernährungsberatung für Schwangere und junge Eltern konzipieren', 'Finanzierung über Präventionsmittel der Krankenkassen geprüft', '2027-06-30', NULL),
  ('Wirkungsorientiertes Berichtswesen mit Zielen und Kennzahlen aufbauen', 'Kennzahlenset in der Steuerungsgruppe beschlossen', '2025-11-30', '2025-11-27'),
  ('Wirkungsorientiertes Berichtswesen mit Zielen und Kennzahlen aufbauen', 'Entwurf des Wirkungsberichts 2026', '2026-11-30', NULL),
  ('UWE-Befragung in allen weiterführenden Schulen durchführen', 'Schulen und Schulamt für die Befragung gewonnen', '2025-12-31', '2026-01-20'),
  ('UWE-Befragung in allen weiterführenden Schulen durchführen', 'Befragung durchgeführt', '2026-04-30', '2026-05-08'),
  ('UWE-Befragung in allen weiterführenden Schulen durchführen', 'Ergebnisse in den Schulkonferenzen vorgestellt', '2026-10-31', NULL),
  ('Jährlichen Wirkungsbericht im Jugendhilfeausschuss vorstellen', 'Datenabfrage bei allen Netzwerkpartnern', '2026-09-30', '2026-10-02'),
  ('Jährlichen Wirkungsbericht im Jugendhilfeausschuss vorstellen', 'Vorstellung im Jugendhilfeausschuss', '2026-12-09', NULL),
  ('Stadtplanung und Wohnen in die Präventionskette einbinden', 'Präventionsmanagement in der AG Stadtentwicklung vertreten', '2025-03-31', '2025-03-20'),
  ('Stadtplanung und Wohnen in die Präventionskette einbinden', 'Familienfreundlichkeits-Check für Bebauungspläne erprobt', '2027-06-30', NULL),
  ('Präventionsbelange im Quartierskonzept Jerxen-Orbke verankern', 'Beteiligungswerkstatt mit Familien in Jerxen-Orbke', '2026-05-31', '2026-05-23'),
  ('Präventionsbelange im Quartierskonzept Jerxen-Orbke verankern', 'Stellungnahme zum Quartierskonzept abgegeben', '2026-10-31', NULL)
) AS v(goal, title, due_on, done_on)
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO measure_goals (network_id, measure_id, goal_id)
SELECT n.id, m.id, g.id
FROM networks n
CROSS JOIN (VALUES
  ('Familienbüro Innenstadt – Beratung und Lotsung für Familien', 'Familienbüros als Anlaufstellen in den Quartieren etablieren'),
  ('Lotsendienst in Kinder- und Jugendarztpraxen', 'Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen'),
  ('Babylotsen in der Geburtsklinik', 'Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen'),
  ('Familiencafés in Grundschulen (Elternchancen)', 'Familiencafés an allen Grundschulen in Quartieren mit hoher SGB-II-Quote anbieten'),
  ('F.I.T-Mobil – mobile Familienarbeit in den Stadtteilen', 'F.I.T-Mobil in allen Quartieren mit festen Terminen einsetzen'),
  ('Sprachförderung im Familienzentrum Hakedahl', 'Gemeinsames Sprachförderkonzept von Familienzentrum und Sprachpatenschaften'),
  ('Ehrenamtliche Sprachpatenschaften Hakedahl', 'Gemeinsames Sprachförderkonzept von Familienzentrum und Sprachpatenschaften'),
  ('Teilzeitqualifizierung für Eltern in Elternzeit', 'Familien in Detmold werden frühzeitig und wohnortnah erreicht'),
  ('Berufsorientierung und Übergangsberatung an weiterführenden Schulen', 'Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen'),
  ('Bewegungsförderung im Quartier Herberhausen', 'Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen'),
  ('Kita-Ernährungsprojekt „Gesund essen“ Jerxen-Orbke', 'Ernährungsangebote in Jerxen-Orbke zusammenführen'),
  ('Zahn- und Ernährungsberatung in Kitas Jerxen-Orbke', 'Ernährungsangebote in Jerxen-Orbke zusammenführen'),
  ('Beratung bei Mietschulden und drohendem Wohnungsverlust', 'Stadtplanung und Wohnen in die Präventionskette einbinden'),
  ('Quartiersentwicklung Jerxen-Orbke – familienfreundliches Wohnumfeld', 'Präventionsbelange im Quartierskonzept Jerxen-Orbke verankern'),
  ('Familienbüro Hakedahl (zweiter Standort)', 'Zweites Familienbüro in Hakedahl eröffnen'),
  ('Väter-Kind-Treff Herberhausen', 'Familien in Detmold werden frühzeitig und wohnortnah erreicht'),
  ('Lernförderung „Aufholen nach Corona“', 'Kinder in Detmold wachsen gesund auf und haben faire Bildungschancen')
) AS v(measure, goal)
JOIN measures m ON m.network_id = n.id AND m.title = v.measure
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO indicators (network_id, goal_id, name, definition, unit, unit_label, higher_is_better, data_source,
                        baseline_value, baseline_date, target_value, target_date)
SELECT n.id, g.id, v.name, v.def, v.unit, v.unit_label, v.hib, v.src, v.base, v.base_d, v.target, v.target_d
FROM networks n
CROSS JOIN (VALUES
  ('Durch Lotsendienste erreichte Familien',
   'Familien mit mindestens einem Beratungskontakt bei den Lotsendiensten in Arztpraxen und Geburtsklinik je Kalenderjahr.',
   'anzahl', 'Familien', true, 'Dokumentation der Lotsendienste, Kommunales Präventionsmanagement',
   190::double precision, DATE '2021-12-31', 900::double precision, DATE '2028-12-31',
   'Zugangswege über Gesundheitswesen und Schulen ausbauen'::text),
  ('Teilnahme an der Früherkennungsuntersuchung U7a',
   'Anteil der Kinder mit dokumentierter U7a bei der Schuleingangsuntersuchung.',
   'prozent', '%', true, 'Gesundheitsamt des Kreises Lippe, Schuleingangsuntersuchung (Auswertung für Detmold)',
   86.0, '2020-12-31', 93.0, '2028-12-31',
   'Lotsendienste in Arztpraxen und Geburtsklinik aufeinander abstimmen'),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften',
   'Anteil der unter 15-Jährigen in Bedarfsgemeinschaften nach SGB II an allen unter 15-Jährigen, Stichtag Dezember.',
   'prozent', '%', false, 'Statistik der Bundesagentur für Arbeit',
   16.8, '2020-12-31', 14.0, '2028-12-31',
   NULL),
  ('Wohlbefinden der Schülerinnen und Schüler (UWE, Klasse 7)',
   'Anteil der Befragten der Klasse 7 mit hohem Wert im Wohlbefindens-Index der UWE-Befragung.',
   'prozent', '%', true, 'UWE-Befragung (Umwelt, Wohlbefinden und Entwicklung)',
   58.0, '2022-06-30', 65.0, '2028-06-30',
   'UWE-Befragung in allen weiterführenden Schulen durchführen'),
  ('Teilnehmende Eltern an Familiencafés',
   'Eltern, die im Kalenderjahr mindestens einmal an einem Familiencafé in einer Grundschule teilgenommen haben.',
   'anzahl', 'Eltern', true, 'Teilnahmelisten der Familiencafés',
   140, '2021-12-31', 650, '2027-12-31',
   'Familiencafés an allen Grundschulen in Quartieren mit hoher SGB-II-Quote anbieten')
) AS v(name, def, unit, unit_label, hib, src, base, base_d, target, target_d, goal)
LEFT JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

INSERT INTO indicator_values (indicator_id, period_date, value, note, entered_by)
SELECT i.id, v.period_date, v.value, v.note, NULL
FROM networks n
CROSS JOIN (VALUES
  ('Durch Lotsendienste erreichte Familien', DATE '2022-12-31', 410::double precision, 'Seit Januar 2022 zusätzlich Babylotsen in der Geburtsklinik.'),
  ('Durch Lotsendienste erreichte Familien', '2023-12-31', 560, ''),
  ('Durch Lotsendienste erreichte Familien', '2024-12-31', 690, ''),
  ('Durch Lotsendienste erreichte Familien', '2025-12-31', 780, 'Ein Teil der Familien hatte Kontakt zu beiden Lotsendiensten.'),
  ('Teilnahme an der Früherkennungsuntersuchung U7a', '2021-12-31', 85.2, ''),
  ('Teilnahme an der Früherkennungsuntersuchung U7a', '2022-12-31', 86.4, ''),
  ('Teilnahme an der Früherkennungsuntersuchung U7a', '2023-12-31', 87.9, ''),
  ('Teilnahme an der Früherkennungsuntersuchung U7a', '2024-12-31', 88.6, ''),
  ('Teilnahme an der Früherkennungsuntersuchung U7a', '2025-12-31', 89.3, ''),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '2021-12-31', 16.4, ''),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '2022-12-31', 17.1, 'Anstieg durch Rechtskreiswechsel geflüchteter Familien aus der Ukraine.'),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '2023-12-31', 16.9, ''),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '2024-12-31', 16.5, ''),
  ('Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', '2025-12-31', 16.2, ''),
  ('Wohlbefinden der Schülerinnen und Schüler (UWE, Klasse 7)', '2023-06-30', 60.0, ''),
  ('Wohlbefinden der Schülerinnen und Schüler (UWE, Klasse 7)', '2024-06-30', 59.0, ''),
  ('Wohlbefinden der Schülerinnen und Schüler (UWE, Klasse 7)', '2025-06-30', 62.0, ''),
  ('Wohlbefinden der Schülerinnen und Schüler (UWE, Klasse 7)', '2026-06-30', 63.0, 'Erstmals alle weiterführenden Schulen beteiligt.'),
  ('Teilnehmende Eltern an Familiencafés', '2022-12-31', 260, ''),
  ('Teilnehmende Eltern an Familiencafés', '2023-12-31', 390, ''),
  ('Teilnehmende Eltern an Familiencafés', '2024-12-31', 470, ''),
  ('Teilnehmende Eltern an Familiencafés', '2025-12-31', 520, 'Vier Grundschulen beteiligt.')
) AS v(indicator, period_date, value, note)
JOIN indicators i ON i.network_id = n.id AND i.name = v.indicator
WHERE n.kommune_ags = '05766020' AND n.name = 'Präventionsnetzwerk Detmold – kinderstark';

-- ============================================================================================
-- Tübingen (08416041, Landkreis Tübingen): Präventionsnetzwerk gegen Kinderarmut Tübingen
-- ============================================================================================

INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring, anchoring_note,
                      mandate_date, mandate_reference, steering_body, founded_on, contact_organisation,
                      contact_address, contact_email, is_public)
VALUES ('08416041', 'Präventionsnetzwerk gegen Kinderarmut Tübingen',
        'Tübingen war neben Singen einer der beiden Modellstandorte, mit denen das Land Baden-Württemberg die Förderung von Präventionsnetzwerken gegen Kinderarmut begonnen hat. '
        || 'Die Stadt wurde 2013 als Modellkommune gefördert und im Rahmen des Programms „Starke Kinder.chancenreich“ erneut 2020 und 2023. '
        || 'Die Förderung des Landes folgt einer dreistufigen Systematik (zweijährige Aufbauphase, zweijährige Weiterentwicklungsphase, einjährige, mehrfach beantragbare Verstetigungsphase). '
        || 'Die FamilienForschung Baden-Württemberg im Statistischen Landesamt (FaFo) begleitet das Netzwerk: Beratung in allen Phasen, Austausch mit den anderen Präventionsnetzwerken im Land, Qualitätsentwicklung.',
        'Koordination Kinderchancen der Universitätsstadt Tübingen',
        'sozialplanung',
        'Die Koordination Kinderchancen ist in der Sozialplanung der Stadt angesiedelt und eng mit der Jugendhilfeplanung des Landkreises verzahnt. '
        || 'Prozessbegleitung durch die FamilienForschung Baden-Württemberg (FaFo).',
        DATE '2013-07-22',
        'Gemeinderatsbeschluss zur Teilnahme als Modellstandort „Präventionsnetzwerk gegen Kinderarmut“, Vorlage 215/2013',
        'Lenkungsgruppe Kinderchancen mit Bürgermeisteramt, Sozialplanung, Fachabteilung Kindertagesbetreuung, Kreisjugendamt, Jobcenter, Gesundheitsamt '
        || 'und Liga der freien Wohlfahrtspflege. Tagt dreimal im Jahr, Prozessbegleitung durch die FaFo.',
        DATE '2013-10-01',
        'Universitätsstadt Tübingen – Koordination Kinderchancen',
        'Fachbereich Soziales, 72070 Tübingen',
        'kinderchancen@tuebingen.invalid',
        false);

INSERT INTO sozialraeume (network_id, name)
SELECT n.id, v.name
FROM networks n,
     (VALUES ('Innenstadt'), ('Südstadt'), ('Weststadt'), ('Nordstadt/Waldhäuser Ost'), ('Lustnau')) AS v(name)
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
SELECT n.id, v.name, v.kind, v.ressort, v.role, v.contact
FROM networks n,
     (VALUES
        ('Kreisjugendamt Tübingen (Landratsamt)', 'jugendamt', 'jugend', 'steuerung', 'jugendamt@kreis-tuebingen.invalid'),
        ('Jobcenter Landkreis Tübingen', 'jobcenter', 'arbeit', 'steuerung', 'netzwerk@jobcenter-tuebingen.invalid'),
        ('Agentur für Arbeit, Geschäftsstelle Tübingen', 'agentur_fuer_arbeit', 'arbeit', 'partner', 'tuebingen.berufsberatung@arbeitsagentur.invalid'),
        ('Gesundheitsamt Landkreis Tübingen', 'gesundheitsamt', 'gesundheit', 'steuerung', 'gesundheitsamt@kreis-tuebingen.invalid'),
        ('Kinder- und Familienzentrum Südstadt', 'familienzentrum', 'jugend', 'partner', 'kifaz-suedstadt@tuebingen.invalid'),
        ('Städtische Kindertageseinrichtungen Tübingen', 'kita', 'bildung', 'partner', 'kita-fachberatung@tuebingen.invalid'),
        ('Gemeinschaftsschule Weststadt', 'schule', 'bildung', 'partner', 'sekretariat@gms-weststadt.invalid'),
        ('Mobile Jugendarbeit Tübingen', 'freier_traeger', 'jugend', 'partner', 'mobile-jugendarbeit@tuebingen.invalid'),
        ('Familienbildungsstätte Tübingen', 'freier_traeger', 'bildung', 'partner', 'info@fbs-tuebingen.invalid'),
        ('Sportverein Lustnau e. V.', 'verein', 'sport', 'partner', 'kinderturnen@sv-lustnau.invalid'),
        ('Gesetzliche Krankenkasse – Bezirksdirektion Tübingen', 'krankenkasse', 'gesundheit', 'partner', 'praevention.tuebingen@krankenkasse.invalid'),
        ('Kindermittagstisch Tübingen e. V.', 'verein', 'ernaehrung', 'partner', 'mittagstisch@tuebingen.invalid')
     ) AS v(name, kind, ressort, role, contact)
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen, zugaenge,
                      finanzierung, sozialraum_id, niedrigschwellig, partner_id, start_date, end_date, status,
                      reach_per_year, annual_cost_euro, participation, impact_input, impact_output, impact_outcome)
SELECT n.id, v.title, v.descr, v.hf, v.lp, v.zg, v.zu, v.fin, s.id, v.nied, p.id, v.start_d, v.end_d, v.status,
       v.reach, v.cost, v.part, v.inp, v.outp, v.outc
FROM networks n
CROSS JOIN (VALUES
  ('Lotsendienst Kinderchancen – Beratung zu Familienleistungen',
   'Lotsinnen und Lotsen helfen Familien bei Wohngeld, Kinderzuschlag, Bildung und Teilhabe und Ermäßigungen für Freizeitangebote und begleiten bei Bedarf zu Ämtern.',
   '{wohnen,freizeit_kultur_sport}'::text[], '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}'::text[],
   '{alleinerziehende,mehrkindfamilien,leistungsbezug}'::text[], '{lotsendienst,komm_struktur}'::text[], '{land,kommunal}'::text[],
   NULL::text, true, 'Familienbildungsstätte Tübingen', DATE '2014-03-01', NULL::date, 'laufend', 480, 78000::bigint,
   'Familien mit Lotsen-Erfahrung wirken im Beirat Kinderchancen mit.',
   '1,5 Stellen Lotsendienst, Sprechzeiten in Familienbildungsstätte und Stadtteiltreffs.',
   'Rund 480 beratene Familien pro Jahr.',
   'Familien nehmen ihnen zustehende Leistungen tatsächlich in Anspruch.'),
  ('Eltern-Kind-Gruppen und Sprachförderung im Kinder- und Familienzentrum Südstadt',
   'Eltern-Kind-Gruppen ab dem ersten Lebensjahr und Sprachförderung für Kinder im Kindergartenalter im Kinder- und Familienzentrum.',
   '{fruehkindliche_bildung}', '{null_bis_drei,drei_bis_sechs}',
   '{migrationsgeschichte,alleinerziehende}', '{komm_struktur}', '{kommunal,land}',
   'Südstadt', true, 'Kinder- und Familienzentrum Südstadt', '2016-09-01', NULL, 'laufend', 110, 68000,
   'Eltern bestimmen Themen der Gruppen, Sprachmittlung bei Bedarf.',
   'Zwei pädagogische Fachkräfte in Teilzeit, Räume des KiFaZ.',
   'Rund 110 Familien pro Jahr.',
   'Kinder starten mit besseren Deutschkenntnissen in Kita und Schule.'),
  ('Alltagsintegrierte Sprachförderung in den Kitas der Südstadt',
   'Sprachförderung für Kinder mit Zusatzbedarf in den städtischen Kitas der Südstadt, nach dem Landesprogramm zur Sprachförderung.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{migrationsgeschichte}', '{komm_struktur}', '{land,kommunal}',
   'Südstadt', true, 'Städtische Kindertageseinrichtungen Tübingen', '2019-09-01', NULL, 'laufend', 160, 95000,
   'Entwicklungsgespräche mit Eltern zweimal im Jahr.',
   'Sprachförderkräfte, Fortbildung der Kita-Teams.',
   'Rund 160 Kinder pro Jahr.',
   'Weniger Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung.'),
  ('Mobile Jugendarbeit Waldhäuser Ost',
   'Streetwork, Cliquenarbeit und Einzelhilfe für Jugendliche im Stadtteil, mit Unterstützung bei Schule und Ausbildungssuche.',
   '{freizeit_kultur_sport,schulische_bildung}', '{zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{migrationsgeschichte,leistungsbezug}', '{aufsuchend}', '{kommunal,land}',
   'Nordstadt/Waldhäuser Ost', true, 'Mobile Jugendarbeit Tübingen', '2010-01-01', NULL, 'laufend', 190, 120000,
   'Jugendliche gestalten Projekte und Aktionen selbst.',
   'Zwei Fachkräfte, Anlaufstelle im Stadtteil.',
   'Rund 190 Jugendliche pro Jahr.',
   'Jugendliche bleiben in Schule und Ausbildung, Konflikte im Stadtteil nehmen ab.'),
  ('Lernförderung im Ganztag der Gemeinschaftsschule Weststadt',
   'Lernförderung in Kleingruppen im Ganztag für Schülerinnen und Schüler der Klassen 5 bis 8.',
   '{schulische_bildung}', '{zehn_bis_sechzehn}',
   '{leistungsbezug,migrationsgeschichte}', '{komm_struktur}', '{land,bund}',
   'Weststadt', true, 'Gemeinschaftsschule Weststadt', '2020-09-01', NULL, 'laufend', 85, 40000,
   'Schülerinnen und Schüler wählen Fächerschwerpunkte mit.',
   'Lehrkräfte, Honorarkräfte, Mittel aus Bildung und Teilhabe.',
   'Rund 85 Schülerinnen und Schüler pro Schuljahr.',
   'Mehr Schülerinnen und Schüler erreichen das Ziel ihrer Klassenstufe.'),
  ('Lernpatenschaften Weststadt',
   'Ehrenamtliche Lernpatinnen und -paten begleiten Kinder und Jugendliche einmal pro Woche beim Lernen.',
   '{schulische_bildung,freizeit_kultur_sport}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{aufsuchend,komm_struktur}', '{stiftung,kommunal}',
   'Weststadt', true, 'Familienbildungsstätte Tübingen', '2021-10-01', NULL, 'laufend', 55, 18000,
   'Tandems werden gemeinsam mit Kindern und Eltern gebildet.',
   'Koordination in Teilzeit, rund 40 Ehrenamtliche.',
   'Rund 55 Tandems pro Jahr.',
   'Kinder gewinnen Lernfreude und Selbstvertrauen.'),
  ('Frühe Hilfen – Willkommensbesuche und Familienhebammen',
   'Willkommensbesuche nach der Geburt und aufsuchende Begleitung durch Familienhebammen für belastete Familien.',
   '{gesundheit,fruehkindliche_bildung}', '{schwangerschaft_geburt,null_bis_drei}',
   '{alleinerziehende,behinderung}', '{aufsuchend}', '{bund,kommunal}',
   NULL, true, 'Kreisjugendamt Tübingen (Landratsamt)', '2012-01-01', NULL, 'laufend', 620, 210000,
   'Rückmeldebogen nach Abschluss der Begleitung.',
   'Fachkräfte Frühe Hilfen, Familienhebammen, Mittel der Bundesstiftung Frühe Hilfen.',
   'Rund 620 Willkommensbesuche und 60 längere Begleitungen pro Jahr.',
   'Familien sind früh an Unterstützung angebunden, Säuglinge entwickeln sich gesund.'),
  ('Kinderturnen im Quartier Lustnau',
   'Offenes Kinderturnen und Bewegungsangebote in der Turnhalle, ohne Vereinsbeitrag für Familien mit geringem Einkommen.',
   '{freizeit_kultur_sport,gesundheit}', '{drei_bis_sechs,sechs_bis_zehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{kommunal,sonstige}',
   'Lustnau', true, 'Sportverein Lustnau e. V.', '2018-04-01', NULL, 'laufend', 75, 9000,
   'Kinder wählen Stationen und Spiele mit.',
   'Übungsleitende, Hallenzeiten, Spenden.',
   'Rund 75 Kinder pro Jahr.',
   'Mehr Bewegung und bessere motorische Fähigkeiten.'),
  ('Bewegungsprogramm „Kita in Bewegung“ Lustnau',
   'Präventionsprogramm der Krankenkasse in den Kitas in Lustnau: tägliche Bewegungszeiten, Fortbildung der Fachkräfte, Elternabende.',
   '{gesundheit}', '{drei_bis_sechs}',
   '{leistungsbezug}', '{komm_struktur}', '{krankenkasse}',
   'Lustnau', true, 'Gesetzliche Krankenkasse – Bezirksdirektion Tübingen', '2024-01-01', NULL, 'laufend', 90, 21000,
   'Eltern werden an Bewegungsfesten beteiligt.',
   'Programmkoordination, Fortbildung, Sachmittel.',
   'Rund 90 Kinder in drei Kitas.',
   'Kinder bewegen sich täglich mehr, Fachkräfte setzen Bewegungseinheiten selbst um.'),
  ('Kindermittagstisch Innenstadt',
   'Warmes Mittagessen, Hausaufgabenzeit und Freizeit für Schulkinder in der Innenstadt.',
   '{ernaehrung}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,alleinerziehende}', '{komm_struktur}', '{stiftung,kommunal}',
   'Innenstadt', true, 'Kindermittagstisch Tübingen e. V.', '2011-10-01', NULL, 'laufend', 95, 45000,
   'Kinderkonferenz einmal im Monat zum Speiseplan und Programm.',
   'Hauswirtschaftskraft, Ehrenamtliche, Spenden und städtischer Zuschuss.',
   'Rund 95 Kinder pro Jahr, etwa 40 pro Tag.',
   'Kinder erhalten verlässlich eine gesunde warme Mahlzeit.'),
  ('Berufsorientierung und Übergangsbegleitung',
   'Berufsberatung an Schulen und Begleitung junger Menschen mit besonderem Unterstützungsbedarf in Ausbildung.',
   '{schulische_bildung}', '{sechzehn_bis_achtzehn}',
   '{migrationsgeschichte,behinderung}', '{komm_struktur}', '{bund}',
   NULL, false, 'Agentur für Arbeit, Geschäftsstelle Tübingen', '2019-09-01', NULL, 'laufend', 600, 60000,
   'Online-Bewertung der Beratung durch die Jugendlichen.',
   'Berufsberaterinnen und -berater mit festen Schulzuständigkeiten.',
   'Rund 600 beratene junge Menschen pro Jahr.',
   'Mehr junge Menschen beginnen direkt nach der Schule eine Ausbildung.'),
  ('Coaching für Familien im SGB-II-Bezug',
   'Ganzheitliches Coaching für Bedarfsgemeinschaften mit Kindern: Arbeit, Kinderbetreuung, Gesundheit und Alltag.',
   '{erwerbsintegration}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur,aufsuchend}', '{bund,esf_plus}',
   NULL, false, 'Jobcenter Landkreis Tübingen', '2022-04-01', NULL, 'laufend', 140, 160000,
   'Ziele werden mit der ganzen Familie vereinbart.',
   'Drei Familiencoaches.',
   'Rund 140 begleitete Familien pro Jahr.',
   'Mehr Eltern nehmen Arbeit auf, Familien verlassen den Leistungsbezug.'),
  ('Einschulungsuntersuchung mit Förderlotsung',
   'Nach der Einschulungsuntersuchung im vorletzten Kindergartenjahr werden Kinder mit Förderbedarf gezielt in Angebote vermittelt.',
   '{gesundheit,fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{migrationsgeschichte,leistungsbezug}', '{komm_struktur,lotsendienst}', '{land}',
   NULL, true, 'Gesundheitsamt Landkreis Tübingen', '2020-01-01', NULL, 'laufend', 850, 55000,
   'Elterngespräche mit Sprachmittlung.',
   'Kinder- und Jugendärztlicher Dienst, sozialmedizinische Assistenz.',
   'Rund 850 untersuchte Kinder, etwa 190 Vermittlungen pro Jahr.',
   'Förderbedarfe werden bis zur Einschulung bearbeitet.'),
  ('Elterncafé Innenstadt',
   'Offenes Café für Eltern mit kleinen Kindern. Pausiert, bis neue Räume gefunden sind.',
   '{fruehkindliche_bildung,freizeit_kultur_sport}', '{null_bis_drei,drei_bis_sechs}',
   '{alle_familien}', '{komm_struktur}', '{kommunal}',
   'Innenstadt', true, 'Familienbildungsstätte Tübingen', '2019-05-01', NULL, 'pausiert', 40, 6000,
   'Eltern organisieren das Café mit.',
   'Fachkraft in geringem Umfang, Ehrenamtliche.',
   'Bis zur Pause rund 40 Familien pro Jahr.',
   'Eltern knüpfen Kontakte und erfahren von Angeboten.'),
  ('Ferienprogramm „Aufholen nach Corona“',
   'Ferienangebote mit Lern- und Freizeitanteilen aus dem Aktionsprogramm „Aufholen nach Corona für Kinder und Jugendliche“.',
   '{freizeit_kultur_sport,schulische_bildung}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{komm_struktur,aufsuchend}', '{bund}',
   NULL, true, 'Mobile Jugendarbeit Tübingen', '2021-07-01', '2023-09-30', 'beendet', 260, 70000,
   'Programm wurde mit Jugendlichen geplant.',
   'Honorarkräfte, Fahrten, Eintritte.',
   'Rund 260 Kinder und Jugendliche pro Jahr.',
   'Soziale Kontakte und Lernmotivation nach der Pandemie gestärkt.'),
  ('Teilhabe-Ermäßigungen für Kinder in Bädern, Musikschule und Volkshochschule',
   'Geplante einheitliche Ermäßigung für Kinder aus Familien mit geringem Einkommen. Konzeption durch die Koordination Kinderchancen, noch ohne verantwortlichen Partner.',
   '{freizeit_kultur_sport}', '{sechs_bis_zehn,zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{leistungsbezug}', '{komm_struktur,digital}', '{kommunal}',
   NULL, true, NULL, '2027-09-01', NULL, 'geplant', 1200, 150000,
   'Kinder- und Jugendgemeinderat wird bei der Auswahl der Angebote beteiligt.',
   'Kommunale Mittel für Einnahmeausfälle, Verwaltungsaufwand.',
   'Geplant: rund 1.200 berechtigte Kinder und Jugendliche.',
   'Kinder aus Familien mit geringem Einkommen nutzen Kultur- und Freizeitangebote so oft wie andere.')
) AS v(title, descr, hf, lp, zg, zu, fin, sr, nied, partner, start_d, end_d, status, reach, cost, part, inp, outp, outc)
LEFT JOIN sozialraeume s ON s.network_id = n.id AND s.name = v.sr
LEFT JOIN partners p ON p.network_id = n.id AND p.name = v.partner
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, NULL, 'kernziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n,
     (VALUES
        ('Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe',
         'Angebote in den Sozialräumen sind abgestimmt und erreichen die Kinder, die sie brauchen.', NULL::text, DATE '2028-12-31', 'in_arbeit'),
        ('Familien in Tübingen kennen und nutzen ihre Ansprüche',
         'Leistungen und Ermäßigungen werden in Anspruch genommen, das Netzwerk ist dauerhaft gesichert.', NULL, '2027-12-31', 'in_arbeit')
     ) AS v(title, descr, hf, target, status)
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'mittelziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe',
   'Frühe Bildung und Sprachförderung in der Südstadt abstimmen',
   'Kinder- und Familienzentrum, Kitas und Gesundheitsamt arbeiten bei der Sprachförderung Hand in Hand.', 'fruehkindliche_bildung'::text, DATE '2027-07-31', 'in_arbeit'),
  ('Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe',
   'Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten',
   'Lern- und Bewegungsangebote in Weststadt, Waldhäuser Ost und Lustnau werden gemeinsam geplant.', 'schulische_bildung', '2028-06-30', 'in_arbeit'),
  ('Familien in Tübingen kennen und nutzen ihre Ansprüche',
   'Inanspruchnahme von Familienleistungen erhöhen',
   'Wohngeld, Kinderzuschlag und Bildung und Teilhabe erreichen mehr anspruchsberechtigte Familien.', NULL, '2027-12-31', 'in_arbeit'),
  ('Familien in Tübingen kennen und nutzen ihre Ansprüche',
   'Netzwerk in der Verstetigungsphase sichern',
   'Die Netzwerkarbeit ist personell kontinuierlich und unabhängig von befristeter Förderung.', NULL, '2026-12-31', 'in_arbeit')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'kernziel' AND g.title = v.parent
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'handlungsziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Frühe Bildung und Sprachförderung in der Südstadt abstimmen',
   'Sprachförderangebote von Kinder- und Familienzentrum und Kitas in der Südstadt verzahnen',
   'Gemeinsame Förderplanung statt paralleler Angebote für dieselben Kinder.', 'fruehkindliche_bildung'::text, DATE '2026-12-31', 'in_arbeit'),
  ('Frühe Bildung und Sprachförderung in der Südstadt abstimmen',
   'Förderlotsung nach der Einschulungsuntersuchung für alle Kinder mit Förderbedarf',
   'Jedes Kind mit festgestelltem Förderbedarf erhält ein Vermittlungsangebot.', 'gesundheit', '2027-07-31', 'offen'),
  ('Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten',
   'Lernangebote in der Weststadt gemeinsam planen',
   'Gemeinschaftsschule und Lernpatenschaften stimmen Zielgruppen und Zeiten ab.', 'schulische_bildung', '2026-09-30', 'in_arbeit'),
  ('Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten',
   'Bewegungsangebote für Kita-Kinder in Lustnau bündeln',
   'Sportverein und Krankenkassenprogramm bilden ein gemeinsames Angebot.', 'freizeit_kultur_sport', '2027-03-31', 'offen'),
  ('Inanspruchnahme von Familienleistungen erhöhen',
   'Lotsendienst Kinderchancen in allen Sozialräumen mit Sprechzeiten vertreten',
   'Feste Sprechzeiten in jedem Sozialraum.', NULL, '2026-12-31', 'in_arbeit'),
  ('Inanspruchnahme von Familienleistungen erhöhen',
   'Teilhabe-Ermäßigungen für Kinder einführen',
   'Einheitliche Ermäßigung für Bäder, Musikschule und Volkshochschule.', 'freizeit_kultur_sport', '2027-09-30', 'offen'),
  ('Netzwerk in der Verstetigungsphase sichern',
   'Antrag auf Verstetigungsförderung stellen',
   'Antrag beim Land für die nächste Verstetigungsphase.', NULL, '2026-03-31', 'erreicht'),
  ('Netzwerk in der Verstetigungsphase sichern',
   'Netzwerkkoordination unbefristet im Stellenplan verankern',
   'Befristete Koordinationsstellen gefährden die Kontinuität der Netzwerkarbeit.', NULL, '2027-12-31', 'offen')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'mittelziel' AND g.title = v.parent
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO milestones (goal_id, title, due_on, done_on)
SELECT g.id, v.title, v.due_on, v.done_on
FROM networks n
CROSS JOIN (VALUES
  ('Frühe Bildung und Sprachförderung in der Südstadt abstimmen', 'Bestandsaufnahme der Sprachförderung in der Südstadt', DATE '2026-02-28', DATE '2026-03-10'),
  ('Frühe Bildung und Sprachförderung in der Südstadt abstimmen', 'Gemeinsames Fachteam Südstadt eingerichtet', '2026-12-15', NULL),
  ('Sprachförderangebote von Kinder- und Familienzentrum und Kitas in der Südstadt verzahnen', 'Gruppenzeiten abgestimmt', '2026-07-31', '2026-07-29'),
  ('Sprachförderangebote von Kinder- und Familienzentrum und Kitas in der Südstadt verzahnen', 'Gemeinsamer Elternabend durchgeführt', '2026-10-15', NULL),
  ('Förderlotsung nach der Einschulungsuntersuchung für alle Kinder mit Förderbedarf', 'Datenschutzkonzept für die Förderlotsung', '2026-06-30', '2026-09-01'),
  ('Förderlotsung nach der Einschulungsuntersuchung für alle Kinder mit Förderbedarf', 'Auswertung Untersuchungsjahrgang 2026/27', '2027-08-31', NULL),
  ('Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten', 'Quartiersanalyse Weststadt und Lustnau', '2026-04-30', '2026-05-05'),
  ('Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten', 'Bericht an die Lenkungsgruppe', '2027-01-25', NULL),
  ('Lernangebote in der Weststadt gemeinsam planen', 'Gespräch von Gemeinschaftsschule und Familienbildungsstätte', '2026-05-31', '2026-06-16'),
  ('Lernangebote in der Weststadt gemeinsam planen', 'Gemeinsame Planung für das Schuljahr 2026/27', '2026-09-15', NULL),
  ('Bewegungsangebote für Kita-Kinder in Lustnau bündeln', 'Termin von Sportverein, Krankenkasse und Kitas', '2026-11-10', NULL),
  ('Bewegungsangebote für Kita-Kinder in Lustnau bündeln', 'Abgestimmtes Bewegungsangebot ab Frühjahr 2027', '2027-03-01', NULL),
  ('Inanspruchnahme von Familienleistungen erhöhen', 'Informationsmaterial in Leichter Sprache und fünf Sprachen', '2025-10-31', '2025-11-14'),
  ('Inanspruchnahme von Familienleistungen erhöhen', 'Auswertung der Lotsenkontakte 2026', '2027-02-10', NULL),
  ('Lotsendienst Kinderchancen in allen Sozialräumen mit Sprechzeiten vertreten', 'Sprechzeiten in Südstadt und Weststadt', '2026-01-31', '2026-01-31'),
  ('Lotsendienst Kinderchancen in allen Sozialräumen mit Sprechzeiten vertreten', 'Sprechzeit in Waldhäuser Ost', '2026-09-30', NULL),
  ('Lotsendienst Kinderchancen in allen Sozialräumen mit Sprechzeiten vertreten', 'Sprechzeit in Lustnau', '2026-12-31', NULL),
  ('Teilhabe-Ermäßigungen für Kinder einführen', 'Kostenschätzung der Kämmerei', '2026-10-31', NULL),
  ('Teilhabe-Ermäßigungen für Kinder einführen', 'Vorlage für den Gemeinderat', '2027-03-31', NULL),
  ('Netzwerk in der Verstetigungsphase sichern', 'Bilanzgespräch mit der Prozessbegleitung (FaFo)', '2026-02-15', '2026-02-12'),
  ('Netzwerk in der Verstetigungsphase sichern', 'Verwendungsnachweis der Verstetigungsphase', '2027-01-31', NULL),
  ('Antrag auf Verstetigungsförderung stellen', 'Antragsentwurf mit der Lenkungsgruppe abgestimmt', '2026-02-28', '2026-02-26'),
  ('Antrag auf Verstetigungsförderung stellen', 'Antrag eingereicht', '2026-03-31', '2026-03-27'),
  ('Netzwerkkoordination unbefristet im Stellenplan verankern', 'Stellenbewertung durch die Personalabteilung', '2026-09-30', '2026-10-20'),
  ('Netzwerkkoordination unbefristet im Stellenplan verankern', 'Beratung im Verwaltungsausschuss', '2027-05-31', NULL)
) AS v(goal, title, due_on, done_on)
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO measure_goals (network_id, measure_id, goal_id)
SELECT n.id, m.id, g.id
FROM networks n
CROSS JOIN (VALUES
  ('Lotsendienst Kinderchancen – Beratung zu Familienleistungen', 'Lotsendienst Kinderchancen in allen Sozialräumen mit Sprechzeiten vertreten'),
  ('Lotsendienst Kinderchancen – Beratung zu Familienleistungen', 'Inanspruchnahme von Familienleistungen erhöhen'),
  ('Eltern-Kind-Gruppen und Sprachförderung im Kinder- und Familienzentrum Südstadt', 'Sprachförderangebote von Kinder- und Familienzentrum und Kitas in der Südstadt verzahnen'),
  ('Alltagsintegrierte Sprachförderung in den Kitas der Südstadt', 'Sprachförderangebote von Kinder- und Familienzentrum und Kitas in der Südstadt verzahnen'),
  ('Mobile Jugendarbeit Waldhäuser Ost', 'Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten'),
  ('Lernförderung im Ganztag der Gemeinschaftsschule Weststadt', 'Lernangebote in der Weststadt gemeinsam planen'),
  ('Lernpatenschaften Weststadt', 'Lernangebote in der Weststadt gemeinsam planen'),
  ('Frühe Hilfen – Willkommensbesuche und Familienhebammen', 'Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe'),
  ('Kinderturnen im Quartier Lustnau', 'Bewegungsangebote für Kita-Kinder in Lustnau bündeln'),
  ('Bewegungsprogramm „Kita in Bewegung“ Lustnau', 'Bewegungsangebote für Kita-Kinder in Lustnau bündeln'),
  ('Kindermittagstisch Innenstadt', 'Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe'),
  ('Berufsorientierung und Übergangsbegleitung', 'Jedes Kind in Tübingen hat Zugang zu Bildung, Gesundheit und Teilhabe'),
  ('Coaching für Familien im SGB-II-Bezug', 'Inanspruchnahme von Familienleistungen erhöhen'),
  ('Einschulungsuntersuchung mit Förderlotsung', 'Förderlotsung nach der Einschulungsuntersuchung für alle Kinder mit Förderbedarf'),
  ('Elterncafé Innenstadt', 'Familien in Tübingen kennen und nutzen ihre Ansprüche'),
  ('Ferienprogramm „Aufholen nach Corona“', 'Lernförderung und Bewegung in den Quartieren bedarfsgerecht ausrichten'),
  ('Teilhabe-Ermäßigungen für Kinder in Bädern, Musikschule und Volkshochschule', 'Teilhabe-Ermäßigungen für Kinder einführen')
) AS v(measure, goal)
JOIN measures m ON m.network_id = n.id AND m.title = v.measure
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO indicators (network_id, goal_id, name, definition, unit, unit_label, higher_is_better, data_source,
                        baseline_value, baseline_date, target_value, target_date)
SELECT n.id, g.id, v.name, v.def, v.unit, v.unit_label, v.hib, v.src, v.base, v.base_d, v.target, v.target_d
FROM networks n
CROSS JOIN (VALUES
  ('SGB-II-Quote der unter 15-Jährigen',
   'Anteil der unter 15-Jährigen in Bedarfsgemeinschaften nach SGB II an allen unter 15-Jährigen, Stichtag Dezember.',
   'prozent', '%', false, 'Statistik der Bundesagentur für Arbeit',
   7.8::double precision, DATE '2020-12-31', 6.5::double precision, DATE '2028-12-31',
   NULL::text),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung',
   'Anteil der untersuchten Kinder mit intensivem Sprachförderbedarf.',
   'prozent', '%', false, 'Gesundheitsamt Landkreis Tübingen, Einschulungsuntersuchung (Auswertung für die Stadt)',
   21.0, '2020-12-31', 18.0, '2028-12-31',
   'Förderlotsung nach der Einschulungsuntersuchung für alle Kinder mit Förderbedarf'),
  ('Beratungskontakte des Lotsendienstes Kinderchancen',
   'Beratungskontakte mit Familien je Kalenderjahr.',
   'anzahl', 'Kontakte', true, 'Dokumentation Lotsendienst Kinderchancen',
   310, '2020-12-31', 600, '2027-12-31',
   'Inanspruchnahme von Familienleistungen erhöhen'),
  ('Inanspruchnahme BuT-Leistungen',
   'Anteil der leistungsberechtigten Kinder und Jugendlichen in der Stadt mit mindestens einer bewilligten BuT-Leistung (ohne Schulbedarf).',
   'prozent', '%', true, 'Jobcenter Landkreis Tübingen und Landratsamt, BuT-Statistik',
   55.0, '2020-12-31', 80.0, '2028-12-31',
   'Inanspruchnahme von Familienleistungen erhöhen')
) AS v(name, def, unit, unit_label, hib, src, base, base_d, target, target_d, goal)
LEFT JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

INSERT INTO indicator_values (indicator_id, period_date, value, note, entered_by)
SELECT i.id, v.period_date, v.value, v.note, NULL
FROM networks n
CROSS JOIN (VALUES
  ('SGB-II-Quote der unter 15-Jährigen', DATE '2021-12-31', 7.4::double precision, ''),
  ('SGB-II-Quote der unter 15-Jährigen', '2022-12-31', 7.9, 'Anstieg durch Rechtskreiswechsel geflüchteter Familien aus der Ukraine.'),
  ('SGB-II-Quote der unter 15-Jährigen', '2023-12-31', 7.7, ''),
  ('SGB-II-Quote der unter 15-Jährigen', '2024-12-31', 7.5, ''),
  ('SGB-II-Quote der unter 15-Jährigen', '2025-12-31', 7.3, ''),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung', '2021-12-31', 23.5, 'Nach pandemiebedingt eingeschränktem Kita-Besuch.'),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung', '2022-12-31', 23.1, ''),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung', '2023-12-31', 22.4, ''),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung', '2024-12-31', 21.6, ''),
  ('Kinder mit intensivem Sprachförderbedarf bei der Einschulungsuntersuchung', '2025-12-31', 20.8, ''),
  ('Beratungskontakte des Lotsendienstes Kinderchancen', '2021-12-31', 355, ''),
  ('Beratungskontakte des Lotsendienstes Kinderchancen', '2022-12-31', 420, ''),
  ('Beratungskontakte des Lotsendienstes Kinderchancen', '2023-12-31', 455, ''),
  ('Beratungskontakte des Lotsendienstes Kinderchancen', '2024-12-31', 470, ''),
  ('Beratungskontakte des Lotsendienstes Kinderchancen', '2025-12-31', 480, 'Kapazitätsgrenze bei 1,5 Stellen erreicht.'),
  ('Inanspruchnahme BuT-Leistungen', '2021-12-31', 58.0, ''),
  ('Inanspruchnahme BuT-Leistungen', '2022-12-31', 61.0, ''),
  ('Inanspruchnahme BuT-Leistungen', '2023-12-31', 64.0, ''),
  ('Inanspruchnahme BuT-Leistungen', '2024-12-31', 66.0, ''),
  ('Inanspruchnahme BuT-Leistungen', '2025-12-31', 68.0, '')
) AS v(indicator, period_date, value, note)
JOIN indicators i ON i.network_id = n.id AND i.name = v.indicator
WHERE n.kommune_ags = '08416041' AND n.name = 'Präventionsnetzwerk gegen Kinderarmut Tübingen';

-- ============================================================================================
-- Halle (Saale) (15002): Präventionsnetzwerk Halle (Saale)
-- ============================================================================================

INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring, anchoring_note,
                      mandate_date, mandate_reference, steering_body, founded_on, contact_organisation,
                      contact_address, contact_email, is_public)
VALUES ('15002', 'Präventionsnetzwerk Halle (Saale)',
        'In Halle (Saale) koordiniert die Jugendhilfeplanung die Prävention von Armutsfolgen. Grundlage ist der Präventionskettenansatz, weiterentwickelt als Netzwerk: '
        || 'gesamtstädtisch und rechtskreisübergreifend gedacht, von der Bedarfsanalyse über feste Arbeitsgruppen bis zur Entwicklung passgenauer Angebote und ihrem Controlling. '
        || 'Die Jugendhilfeplanung bringt die unterschiedlichen Gremien miteinander ins Gespräch. Neben dem Engagement der Fachebene trägt die Unterstützung der politischen Entscheidungsebene den Prozess.',
        'Jugendhilfeplanung der Stadt Halle (Saale)',
        'jugendhilfeplanung',
        'Die Jugendhilfeplanung übernimmt die Koordinierung zwischen Gremien und Ressorts und verknüpft Jugendhilfe-, Schulentwicklungs- und Sozialplanung.',
        DATE '2021-03-24',
        'Stadtratsbeschluss „Armutsfolgenprävention als Querschnittsaufgabe“, Beschlussvorlage VII/2021/02145',
        'Arbeitsgemeinschaft Armutsfolgenprävention nach § 78 SGB VIII unter Federführung der Jugendhilfeplanung, mit Jobcenter, den Fachbereichen Gesundheit, Bildung und Soziales, '
        || 'dem Kita-Eigenbetrieb und freien Trägern. Berichtet jährlich dem Jugendhilfeausschuss.',
        DATE '2021-06-01',
        'Stadt Halle (Saale) – Jugendhilfeplanung',
        'Fachbereich Bildung, 06108 Halle (Saale)',
        'jugendhilfeplanung@halle.invalid',
        false);

INSERT INTO sozialraeume (network_id, name)
SELECT n.id, v.name
FROM networks n,
     (VALUES ('Silberhöhe'), ('Neustadt'), ('Südliche Innenstadt'), ('Heide-Nord'), ('Südstadt')) AS v(name)
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
SELECT n.id, v.name, v.kind, v.ressort, v.role, v.contact
FROM networks n,
     (VALUES
        ('Jugendamt der Stadt Halle (Saale)', 'jugendamt', 'jugend', 'steuerung', 'jugendamt@halle.invalid'),
        ('Jobcenter Halle (Saale)', 'jobcenter', 'arbeit', 'steuerung', 'netzwerk@jobcenter-halle.invalid'),
        ('Agentur für Arbeit Halle', 'agentur_fuer_arbeit', 'arbeit', 'partner', 'halle.berufsberatung@arbeitsagentur.invalid'),
        ('Fachbereich Gesundheit der Stadt Halle (Saale)', 'gesundheitsamt', 'gesundheit', 'steuerung', 'gesundheit@halle.invalid'),
        ('Familienzentrum Silberhöhe', 'familienzentrum', 'jugend', 'partner', 'familienzentrum-silberhoehe@halle.invalid'),
        ('Kita-Eigenbetrieb der Stadt Halle (Saale)', 'kita', 'bildung', 'steuerung', 'kita-eigenbetrieb@halle.invalid'),
        ('Grundschulverbund Neustadt', 'schule', 'bildung', 'partner', 'grundschulverbund-neustadt@schulen-halle.invalid'),
        ('Kinder- und Jugendhilfe Halle e. V.', 'freier_traeger', 'jugend', 'partner', 'info@kjh-halle.invalid'),
        ('Sportverein Südstadt e. V.', 'verein', 'sport', 'partner', 'kindersport@sv-suedstadt-halle.invalid'),
        ('Gesetzliche Krankenkasse – Regionaldirektion Halle', 'krankenkasse', 'gesundheit', 'partner', 'praevention.halle@krankenkasse.invalid'),
        ('Quartiersmanagement Südliche Innenstadt', 'sonstige', 'stadtplanung', 'partner', 'quartiersmanagement-suedliche-innenstadt@halle.invalid'),
        ('Stadtteilverein Silberhöhe e. V.', 'verein', 'soziales', 'partner', 'info@stadtteilverein-silberhoehe.invalid')
     ) AS v(name, kind, ressort, role, contact)
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen, zugaenge,
                      finanzierung, sozialraum_id, niedrigschwellig, partner_id, start_date, end_date, status,
                      reach_per_year, annual_cost_euro, participation, impact_input, impact_output, impact_outcome)
SELECT n.id, v.title, v.descr, v.hf, v.lp, v.zg, v.zu, v.fin, s.id, v.nied, p.id, v.start_d, v.end_d, v.status,
       v.reach, v.cost, v.part, v.inp, v.outp, v.outc
FROM networks n
CROSS JOIN (VALUES
  ('Eltern-Kind-Angebote im Familienzentrum Silberhöhe',
   'Krabbelgruppen, Elternberatung, Entwicklungsberatung und Gesundheitssprechstunde für Familien mit Kindern bis sechs Jahre.',
   '{fruehkindliche_bildung,gesundheit}'::text[], '{null_bis_drei,drei_bis_sechs}'::text[],
   '{alleinerziehende,leistungsbezug}'::text[], '{komm_struktur}'::text[], '{kommunal,land}'::text[],
   'Silberhöhe'::text, true, 'Familienzentrum Silberhöhe', DATE '2017-01-01', NULL::date, 'laufend', 240, 115000::bigint,
   'Elternrat des Familienzentrums plant das Halbjahresprogramm.',
   'Drei Fachkräfte in Teilzeit, Kinderärztin mit monatlicher Sprechstunde.',
   'Rund 240 Familien pro Jahr.',
   'Eltern sind in ihrer Erziehungskompetenz gestärkt, Entwicklungsauffälligkeiten werden früh erkannt.'),
  ('Kita-Sozialarbeit in den Kitas der Silberhöhe',
   'Sozialpädagogische Fachkräfte in vier Kitas des Eigenbetriebs beraten Eltern und vermitteln in Hilfen.',
   '{fruehkindliche_bildung}', '{drei_bis_sechs}',
   '{leistungsbezug}', '{komm_struktur,aufsuchend}', '{kommunal,esf_plus}',
   'Silberhöhe', true, 'Kita-Eigenbetrieb der Stadt Halle (Saale)', '2020-08-01', NULL, 'laufend', 310, 140000,
   'Sprechstunden zu Bring- und Abholzeiten, Elterncafés.',
   'Zwei Stellen Kita-Sozialarbeit.',
   'Rund 310 beratene Familien pro Jahr.',
   'Familien nehmen Hilfen früher an, Kinder kommen regelmäßiger in die Kita.'),
  ('Schulsozialarbeit an Grundschulen in Neustadt',
   'Schulsozialarbeit an vier Grundschulen in Halle-Neustadt: Einzelfallhilfe, soziale Gruppenarbeit, Elternarbeit.',
   '{schulische_bildung}', '{sechs_bis_zehn}',
   '{leistungsbezug,migrationsgeschichte}', '{komm_struktur}', '{esf_plus,land,kommunal}',
   'Neustadt', true, 'Kinder- und Jugendhilfe Halle e. V.', '2015-08-01', NULL, 'laufend', 650, 210000,
   'Klassenräte, Elternsprechstunden mit Sprachmittlung.',
   'Vier Fachkräfte der Schulsozialarbeit.',
   'Rund 650 Schülerinnen und Schüler mit Kontakt pro Jahr.',
   'Weniger Schulabsentismus, mehr Eltern sind mit der Schule im Gespräch.'),
  ('Deutsch-als-Zweitsprache-Förderung im Ganztag Neustadt',
   'Sprachförderung in Deutsch als Zweitsprache in Kleingruppen im Ganztag der Grundschulen in Neustadt.',
   '{schulische_bildung}', '{sechs_bis_zehn}',
   '{migrationsgeschichte}', '{komm_struktur}', '{land}',
   'Neustadt', true, 'Grundschulverbund Neustadt', '2019-09-01', NULL, 'laufend', 180, 60000,
   'Kinder gestalten Sprachprojekte mit, Eltern werden zu Präsentationen eingeladen.',
   'DaZ-Lehrkräfte, pädagogische Mitarbeitende.',
   'Rund 180 Kinder pro Schuljahr.',
   'Kinder folgen dem Regelunterricht sicherer.'),
  ('Familien-Coaching im SGB II',
   'Ganzheitliches Coaching für Bedarfsgemeinschaften mit Kindern, mit Blick auf Arbeit, Kinderbetreuung und Alltag.',
   '{erwerbsintegration}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,alleinerziehende}', '{komm_struktur,aufsuchend,digital}', '{bund,esf_plus}',
   NULL, false, 'Jobcenter Halle (Saale)', '2021-01-01', NULL, 'laufend', 420, 380000,
   'Ziele werden mit der ganzen Familie vereinbart.',
   'Sechs Familiencoaches.',
   'Rund 420 begleitete Familien pro Jahr.',
   'Mehr Eltern nehmen Arbeit auf, Kinder erleben einen strukturierteren Familienalltag.'),
  ('Berufsberatung und Übergangsbegleitung an Sekundar- und Gemeinschaftsschulen',
   'Berufsberatung mit festen Sprechzeiten an den Schulen und per Videoberatung, Begleitung junger Menschen mit besonderem Unterstützungsbedarf.',
   '{schulische_bildung}', '{zehn_bis_sechzehn,sechzehn_bis_achtzehn}',
   '{migrationsgeschichte,behinderung}', '{komm_struktur,digital}', '{bund}',
   NULL, false, 'Agentur für Arbeit Halle', '2018-09-01', NULL, 'laufend', 1300, 95000,
   'Online-Bewertung durch die Jugendlichen.',
   'Berufsberaterinnen und -berater mit festen Schulzuständigkeiten.',
   'Rund 1.300 beratene Jugendliche pro Jahr.',
   'Mehr Jugendliche haben beim Schulabschluss eine Anschlussperspektive.'),
  ('Familienhebammen und Frühe Hilfen',
   'Aufsuchende Begleitung belasteter Familien durch Familienhebammen in Schwangerschaft und im ersten Lebensjahr.',
   '{gesundheit}', '{schwangerschaft_geburt,null_bis_drei}',
   '{alleinerziehende,leistungsbezug}', '{aufsuchend}', '{bund,kommunal}',
   NULL, true, 'Fachbereich Gesundheit der Stadt Halle (Saale)', '2013-01-01', NULL, 'laufend', 290, 260000,
   'Abschlussgespräch mit jeder Familie.',
   'Familienhebammen, Mittel der Bundesstiftung Frühe Hilfen.',
   'Rund 290 begleitete Familien pro Jahr.',
   'Säuglinge entwickeln sich gesund, Eltern sind an weitere Hilfen angebunden.'),
  ('Offener Kinder- und Jugendtreff Heide-Nord',
   'Offener Treff mit Freizeit-, Kreativ- und Sportangeboten für Kinder und Jugendliche.',
   '{freizeit_kultur_sport}', '{zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{kommunal}',
   'Heide-Nord', true, 'Kinder- und Jugendhilfe Halle e. V.', '2012-01-01', NULL, 'laufend', 150, 90000,
   'Jugendrat des Treffs entscheidet über Programm und Anschaffungen.',
   'Zwei Fachkräfte, Räume im Stadtteilzentrum.',
   'Rund 150 Kinder und Jugendliche pro Jahr.',
   'Jugendliche haben einen sicheren Ort und verlässliche Ansprechpersonen.'),
  ('Sport im Park Südstadt',
   'Kostenlose offene Sportangebote im Park von Mai bis September.',
   '{freizeit_kultur_sport,gesundheit}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,migrationsgeschichte}', '{aufsuchend}', '{kommunal,sonstige}',
   'Südstadt', true, 'Sportverein Südstadt e. V.', '2022-05-01', NULL, 'laufend', 200, 14000,
   'Sportarten werden mit den Kindern ausgewählt.',
   'Übungsleitende, mobile Sportgeräte.',
   'Rund 200 Kinder und Jugendliche pro Saison.',
   'Mehr Bewegung, Vereinseintritte aus dem Stadtteil.'),
  ('Gesunde Kita Silberhöhe – Ernährung und Bewegung',
   'Präventionsprojekt nach § 20a SGB V in den Kitas der Silberhöhe: gesunde Verpflegung, Bewegungszeiten, Elternnachmittage.',
   '{ernaehrung,gesundheit}', '{drei_bis_sechs}',
   '{alle_familien}', '{komm_struktur}', '{krankenkasse}',
   'Silberhöhe', true, 'Gesetzliche Krankenkasse – Regionaldirektion Halle', '2023-03-01', NULL, 'laufend', 260, 35000,
   'Kinder planen Speisepläne mit, Eltern kochen bei Elternnachmittagen mit.',
   'Projektkoordination, Ernährungsfachkraft, Sachmittel.',
   'Rund 260 Kinder in sechs Kitas.',
   'Gesündere Verpflegung und mehr Bewegung im Kita-Alltag.'),
  ('Familienfreundliches Wohnumfeld – Hof- und Spielplatzgestaltung mit Kindern',
   'Kinder und Eltern planen mit dem Quartiersmanagement die Umgestaltung von Innenhöfen und Spielplätzen.',
   '{wohnen,freizeit_kultur_sport}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{alle_familien}', '{aufsuchend,komm_struktur}', '{bund,land,kommunal}',
   'Südliche Innenstadt', false, 'Quartiersmanagement Südliche Innenstadt', '2022-04-01', NULL, 'laufend', 350, 120000,
   'Planungswerkstätten mit Kindern, Abstimmung mit Mieterinnen und Mietern.',
   'Städtebaufördermittel, Quartiersmanagement.',
   'Drei umgestaltete Höfe, rund 350 beteiligte Kinder und Eltern.',
   'Kinder haben sichere Spielorte im Wohnumfeld.'),
  ('Kindermittagstisch Silberhöhe',
   'Warmes Mittagessen und Hausaufgabenzeit für Schulkinder im Stadtteiltreff.',
   '{ernaehrung}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug,mehrkindfamilien}', '{komm_struktur}', '{stiftung,sonstige}',
   'Silberhöhe', true, 'Stadtteilverein Silberhöhe e. V.', '2016-02-01', NULL, 'laufend', 80, 32000,
   'Kinder bestimmen einmal pro Woche das Essen.',
   'Hauswirtschaftskraft, Ehrenamtliche, Spenden.',
   'Rund 80 Kinder pro Jahr, etwa 35 pro Tag.',
   'Kinder erhalten verlässlich eine warme Mahlzeit.'),
  ('Präventive Wohnungssicherung für Familien mit Kindern',
   'Beratung bei Mietschulden und drohendem Wohnungsverlust, Übernahme von Mietrückständen.',
   '{wohnen}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn}',
   '{mehrkindfamilien,alleinerziehende}', '{komm_struktur,aufsuchend}', '{kommunal}',
   NULL, true, 'Jobcenter Halle (Saale)', '2019-01-01', NULL, 'laufend', 380, 150000,
   'Hausbesuch auf Wunsch der Familie.',
   'Fachstelle Wohnungssicherung, Mittel für Mietschuldenübernahme.',
   'Rund 380 beratene Familien pro Jahr.',
   'Wohnungsverluste von Familien mit Kindern werden vermieden.'),
  ('Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt',
   'Geplanter Lotsendienst, der Familien im Jobcenter zu Angeboten der Jugendhilfe, Gesundheit und Bildung im Stadtteil lotst.',
   '{erwerbsintegration,wohnen}', '{null_bis_drei,drei_bis_sechs,sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{lotsendienst}', '{kommunal,esf_plus}',
   'Neustadt', true, 'Jobcenter Halle (Saale)', '2027-03-01', NULL, 'geplant', 300, 85000,
   'Konzept wird mit Eltern aus Neustadt erprobt.',
   'Eine Stelle Lotsin oder Lotse.',
   'Geplant: rund 300 Familien pro Jahr.',
   'Familien im Leistungsbezug nutzen Angebote im Stadtteil häufiger.'),
  ('Ferienfahrten für Kinder aus Heide-Nord',
   'Mehrtägige Ferienfahrten für Kinder aus Familien mit geringem Einkommen. Pausiert, weil der bisherige Träger ausgestiegen ist.',
   '{freizeit_kultur_sport}', '{sechs_bis_zehn,zehn_bis_sechzehn}',
   '{leistungsbezug}', '{komm_struktur}', '{kommunal,stiftung}',
   'Heide-Nord', true, 'Kinder- und Jugendhilfe Halle e. V.', '2018-07-01', NULL, 'pausiert', 60, 25000,
   'Kinder wählen Ziele und Programm mit.',
   'Betreuende, Unterkunft, Fahrtkosten.',
   'Bis zur Pause rund 60 Kinder pro Jahr.',
   'Kinder erleben Ferien außerhalb des Stadtteils.'),
  ('Bundesprogramm Sprach-Kitas',
   'Zusätzliche Fachkräfte für sprachliche Bildung in Kitas des Eigenbetriebs. Mit dem Ende des Bundesprogramms im Juni 2023 ausgelaufen.',
   '{fruehkindliche_bildung}', '{null_bis_drei,drei_bis_sechs}',
   '{migrationsgeschichte}', '{komm_struktur}', '{bund}',
   NULL, true, 'Kita-Eigenbetrieb der Stadt Halle (Saale)', '2016-01-01', '2023-06-30', 'beendet', 1100, 480000,
   'Elternabende zur Mehrsprachigkeit.',
   'Zusätzliche Sprachfachkräfte, Fachberatung.',
   'Rund 1.100 Kinder in zwölf Kitas.',
   'Sprachliche Bildung im Kita-Alltag verankert.')
) AS v(title, descr, hf, lp, zg, zu, fin, sr, nied, partner, start_d, end_d, status, reach, cost, part, inp, outp, outc)
LEFT JOIN sozialraeume s ON s.network_id = n.id AND s.name = v.sr
LEFT JOIN partners p ON p.network_id = n.id AND p.name = v.partner
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, NULL, 'kernziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n,
     (VALUES
        ('Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert',
         'Jugendhilfeplanung koordiniert ein systematisches und ressortübergreifendes Zusammenwirken auf allen Handlungsebenen.', NULL::text, DATE '2028-12-31', 'in_arbeit'),
        ('Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge',
         'Gesundheit, Ernährung und Übergänge werden in den Sozialräumen mit hohem Bedarf gezielt gefördert.', NULL, '2028-12-31', 'in_arbeit')
     ) AS v(title, descr, hf, target, status)
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'mittelziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert',
   'Feste Arbeitsgruppen und Controlling der Präventionskette etablieren',
   'Von der Bedarfsanalyse bis zum Controlling: feste Arbeitsgruppen und ein abgestimmtes Kennzahlenset.', NULL::text, DATE '2026-12-31', 'in_arbeit'),
  ('Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert',
   'Angebote in den Sozialräumen abstimmen und Doppelstrukturen abbauen',
   'Auf Grundlage der Bestandsaufnahme werden parallele Angebote verzahnt.', NULL, '2027-12-31', 'in_arbeit'),
  ('Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert',
   'Eltern in Arbeit bringen und Wohnverhältnisse sichern',
   'Jobcenter und Jugendhilfe arbeiten bei Familien im Leistungsbezug zusammen.', 'erwerbsintegration', '2028-12-31', 'in_arbeit'),
  ('Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge',
   'Gesundheit und Ernährung in Kitas der Silberhöhe fördern',
   'Alle Kitas im Sozialraum bieten gesunde Verpflegung und Bewegung.', 'ernaehrung', '2027-12-31', 'in_arbeit'),
  ('Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge',
   'Übergänge Kita–Schule und Schule–Beruf begleiten',
   'Übergänge werden in Kooperation von Kitas, Schulen, Jugendhilfe und Agentur für Arbeit gestaltet.', 'schulische_bildung', '2028-06-30', 'offen')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'kernziel' AND g.title = v.parent
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO goals (network_id, parent_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, g.id, 'handlungsziel', v.title, v.descr, v.hf, v.target, v.status
FROM networks n
CROSS JOIN (VALUES
  ('Feste Arbeitsgruppen und Controlling der Präventionskette etablieren',
   'Sozialraumbezogenes Monitoring für Silberhöhe, Neustadt und Heide-Nord aufbauen',
   'Kleinräumige Daten zu Leistungsbezug, Kita-Besuch und Schulerfolg.', NULL::text, DATE '2026-06-30', 'in_arbeit'),
  ('Feste Arbeitsgruppen und Controlling der Präventionskette etablieren',
   'Jährlichen Bericht zur Armutsfolgenprävention im Jugendhilfeausschuss vorlegen',
   'Der Bericht macht Erfolge und Lücken transparent.', NULL, '2026-12-31', 'in_arbeit'),
  ('Angebote in den Sozialräumen abstimmen und Doppelstrukturen abbauen',
   'Frühe Förderung in der Silberhöhe zwischen Familienzentrum und Kitas abstimmen',
   'Familienzentrum und Kita-Sozialarbeit teilen Zuständigkeiten für Familien mit Kindern von drei bis sechs Jahren.', 'fruehkindliche_bildung', '2027-03-31', 'offen'),
  ('Angebote in den Sozialräumen abstimmen und Doppelstrukturen abbauen',
   'Schulsozialarbeit und Sprachförderung an Grundschulen in Neustadt verzahnen',
   'Ein gemeinsames Förderkonzept an den Grundschulen in Neustadt.', 'schulische_bildung', '2027-07-31', 'offen'),
  ('Eltern in Arbeit bringen und Wohnverhältnisse sichern',
   'Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt einrichten',
   'Ein Lotsendienst im Jobcenter verbindet Leistungsbezug und Angebote im Stadtteil.', 'erwerbsintegration', '2027-06-30', 'offen'),
  ('Gesundheit und Ernährung in Kitas der Silberhöhe fördern',
   'Alle Kitas der Silberhöhe nehmen am Projekt Gesunde Kita teil',
   'Sechs von neun Kitas sind bereits beteiligt.', 'ernaehrung', '2027-08-31', 'in_arbeit'),
  ('Übergänge Kita–Schule und Schule–Beruf begleiten',
   'Übergangsbegleitung an Sekundarschulen in Heide-Nord ausbauen',
   'Feste Sprechzeiten der Berufsberatung und Berufsorientierungstage im Stadtteil.', 'schulische_bildung', '2027-12-31', 'offen'),
  ('Übergänge Kita–Schule und Schule–Beruf begleiten',
   'Ferienangebote für Kinder aus Heide-Nord wieder aufnehmen',
   'Zurückgestellt, bis ein neuer Träger gefunden ist.', 'freizeit_kultur_sport', '2026-07-31', 'zurueckgestellt')
) AS v(parent, title, descr, hf, target, status)
JOIN goals g ON g.network_id = n.id AND g.level = 'mittelziel' AND g.title = v.parent
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO milestones (goal_id, title, due_on, done_on)
SELECT g.id, v.title, v.due_on, v.done_on
FROM networks n
CROSS JOIN (VALUES
  ('Feste Arbeitsgruppen und Controlling der Präventionskette etablieren', 'Arbeitsgemeinschaft nach § 78 SGB VIII konstituiert', DATE '2024-09-30', DATE '2024-09-18'),
  ('Feste Arbeitsgruppen und Controlling der Präventionskette etablieren', 'Kennzahlenset abgestimmt', '2026-05-31', '2026-06-24'),
  ('Feste Arbeitsgruppen und Controlling der Präventionskette etablieren', 'Controllingbericht 2026', '2027-02-01', NULL),
  ('Sozialraumbezogenes Monitoring für Silberhöhe, Neustadt und Heide-Nord aufbauen', 'Kleinräumige Datenlieferung von Einwohnermeldeamt und Jobcenter', '2026-03-31', '2026-04-30'),
  ('Sozialraumbezogenes Monitoring für Silberhöhe, Neustadt und Heide-Nord aufbauen', 'Erste Monitoring-Auswertung für drei Sozialräume', '2026-09-30', NULL),
  ('Jährlichen Bericht zur Armutsfolgenprävention im Jugendhilfeausschuss vorlegen', 'Berichtsentwurf in der Arbeitsgemeinschaft abgestimmt', '2026-11-10', NULL),
  ('Jährlichen Bericht zur Armutsfolgenprävention im Jugendhilfeausschuss vorlegen', 'Vorstellung im Jugendhilfeausschuss', '2026-12-03', NULL),
  ('Angebote in den Sozialräumen abstimmen und Doppelstrukturen abbauen', 'Bestandsaufnahme der Angebote in allen Sozialräumen', '2025-12-31', '2026-01-29'),
  ('Angebote in den Sozialräumen abstimmen und Doppelstrukturen abbauen', 'Sozialraumkonferenzen zu möglichen Doppelstrukturen durchgeführt', '2026-10-31', NULL),
  ('Frühe Förderung in der Silberhöhe zwischen Familienzentrum und Kitas abstimmen', 'Fachgespräch von Familienzentrum und Kita-Eigenbetrieb', '2026-12-10', NULL),
  ('Frühe Förderung in der Silberhöhe zwischen Familienzentrum und Kitas abstimmen', 'Kooperationsvereinbarung frühe Förderung Silberhöhe', '2027-03-31', NULL),
  ('Schulsozialarbeit und Sprachförderung an Grundschulen in Neustadt verzahnen', 'Gegenseitige Hospitation von Schulsozialarbeit und DaZ-Lehrkräften', '2026-06-30', '2026-06-26'),
  ('Schulsozialarbeit und Sprachförderung an Grundschulen in Neustadt verzahnen', 'Gemeinsames Förderkonzept Neustadt', '2027-01-31', NULL),
  ('Eltern in Arbeit bringen und Wohnverhältnisse sichern', 'Abstimmung von Jobcenter und Jugendamt zum Familien-Coaching', '2025-11-30', '2025-11-25'),
  ('Eltern in Arbeit bringen und Wohnverhältnisse sichern', 'Fallzahlen der Wohnungssicherung ausgewertet', '2026-12-20', NULL),
  ('Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt einrichten', 'Konzept für den Lotsendienst Neustadt', '2026-08-31', '2026-09-09'),
  ('Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt einrichten', 'Stelle für den Lotsendienst ausgeschrieben', '2026-11-30', NULL),
  ('Gesundheit und Ernährung in Kitas der Silberhöhe fördern', 'Auftaktveranstaltung mit der Krankenkasse', '2025-03-31', '2025-03-12'),
  ('Gesundheit und Ernährung in Kitas der Silberhöhe fördern', 'Zwischenevaluation Gesunde Kita', '2026-09-30', '2026-10-14'),
  ('Alle Kitas der Silberhöhe nehmen am Projekt Gesunde Kita teil', 'Sechs von neun Kitas beteiligt', '2026-02-28', '2026-02-20'),
  ('Alle Kitas der Silberhöhe nehmen am Projekt Gesunde Kita teil', 'Alle neun Kitas beteiligt', '2027-08-31', NULL),
  ('Übergänge Kita–Schule und Schule–Beruf begleiten', 'Übergangsdaten der Sekundarschulen ausgewertet', '2026-04-30', '2026-05-20'),
  ('Übergänge Kita–Schule und Schule–Beruf begleiten', 'Workshop Übergang Kita–Schule', '2027-02-10', NULL),
  ('Übergangsbegleitung an Sekundarschulen in Heide-Nord ausbauen', 'Kooperationsgespräch von Agentur für Arbeit und Schulen in Heide-Nord', '2026-09-15', NULL),
  ('Übergangsbegleitung an Sekundarschulen in Heide-Nord ausbauen', 'Berufsorientierungstage in Heide-Nord', '2027-04-30', NULL),
  ('Ferienangebote für Kinder aus Heide-Nord wieder aufnehmen', 'Finanzierung der Ferienfahrten 2026 geprüft', '2026-03-31', '2026-04-10'),
  ('Ferienangebote für Kinder aus Heide-Nord wieder aufnehmen', 'Neuer Träger für die Ferienfahrten gefunden', '2026-11-15', NULL)
) AS v(goal, title, due_on, done_on)
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO measure_goals (network_id, measure_id, goal_id)
SELECT n.id, m.id, g.id
FROM networks n
CROSS JOIN (VALUES
  ('Eltern-Kind-Angebote im Familienzentrum Silberhöhe', 'Frühe Förderung in der Silberhöhe zwischen Familienzentrum und Kitas abstimmen'),
  ('Kita-Sozialarbeit in den Kitas der Silberhöhe', 'Frühe Förderung in der Silberhöhe zwischen Familienzentrum und Kitas abstimmen'),
  ('Schulsozialarbeit an Grundschulen in Neustadt', 'Schulsozialarbeit und Sprachförderung an Grundschulen in Neustadt verzahnen'),
  ('Deutsch-als-Zweitsprache-Förderung im Ganztag Neustadt', 'Schulsozialarbeit und Sprachförderung an Grundschulen in Neustadt verzahnen'),
  ('Familien-Coaching im SGB II', 'Eltern in Arbeit bringen und Wohnverhältnisse sichern'),
  ('Berufsberatung und Übergangsbegleitung an Sekundar- und Gemeinschaftsschulen', 'Übergänge Kita–Schule und Schule–Beruf begleiten'),
  ('Berufsberatung und Übergangsbegleitung an Sekundar- und Gemeinschaftsschulen', 'Übergangsbegleitung an Sekundarschulen in Heide-Nord ausbauen'),
  ('Familienhebammen und Frühe Hilfen', 'Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge'),
  ('Offener Kinder- und Jugendtreff Heide-Nord', 'Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge'),
  ('Sport im Park Südstadt', 'Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge'),
  ('Gesunde Kita Silberhöhe – Ernährung und Bewegung', 'Alle Kitas der Silberhöhe nehmen am Projekt Gesunde Kita teil'),
  ('Familienfreundliches Wohnumfeld – Hof- und Spielplatzgestaltung mit Kindern', 'Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert'),
  ('Kindermittagstisch Silberhöhe', 'Gesundheit und Ernährung in Kitas der Silberhöhe fördern'),
  ('Präventive Wohnungssicherung für Familien mit Kindern', 'Eltern in Arbeit bringen und Wohnverhältnisse sichern'),
  ('Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt', 'Lotsendienst Kinderarmut am Jobcenter-Standort Neustadt einrichten'),
  ('Ferienfahrten für Kinder aus Heide-Nord', 'Ferienangebote für Kinder aus Heide-Nord wieder aufnehmen'),
  ('Bundesprogramm Sprach-Kitas', 'Kinder und Jugendliche in Halle (Saale) wachsen gesund auf und meistern Bildungsübergänge')
) AS v(measure, goal)
JOIN measures m ON m.network_id = n.id AND m.title = v.measure
JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO indicators (network_id, goal_id, name, definition, unit, unit_label, higher_is_better, data_source,
                        baseline_value, baseline_date, target_value, target_date)
SELECT n.id, g.id, v.name, v.def, v.unit, v.unit_label, v.hib, v.src, v.base, v.base_d, v.target, v.target_d
FROM networks n
CROSS JOIN (VALUES
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)',
   'Anteil der unter 15-Jährigen in Bedarfsgemeinschaften nach SGB II an allen unter 15-Jährigen, Stichtag Dezember.',
   'prozent', '%', false, 'Statistik der Bundesagentur für Arbeit',
   27.8::double precision, DATE '2020-12-31', 24.0::double precision, DATE '2028-12-31',
   'Armutsfolgen für Kinder in Halle (Saale) werden gesamtstädtisch und rechtskreisübergreifend gemindert'::text),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe',
   'Wie gesamtstädtisch, kleinräumig für den Sozialraum Silberhöhe.',
   'prozent', '%', false, 'Statistik der Bundesagentur für Arbeit, kleinräumige Auswertung der Stadt',
   55.2, '2020-12-31', 48.0, '2028-12-31',
   'Sozialraumbezogenes Monitoring für Silberhöhe, Neustadt und Heide-Nord aufbauen'),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss',
   'Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen ohne mindestens Hauptschulabschluss, Schuljahresende.',
   'prozent', '%', false, 'Landesschulamt Sachsen-Anhalt, Schulstatistik (Auswertung für die Stadt)',
   13.9, '2020-12-31', 10.0, '2028-12-31',
   'Übergänge Kita–Schule und Schule–Beruf begleiten'),
  ('Durch Familienhebammen begleitete Familien',
   'Familien mit mindestens drei Hausbesuchen durch Familienhebammen je Kalenderjahr.',
   'anzahl', 'Familien', true, 'Fachbereich Gesundheit, Dokumentation Frühe Hilfen',
   210, '2020-12-31', 320, '2028-12-31',
   NULL)
) AS v(name, def, unit, unit_label, hib, src, base, base_d, target, target_d, goal)
LEFT JOIN goals g ON g.network_id = n.id AND g.title = v.goal
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';

INSERT INTO indicator_values (indicator_id, period_date, value, note, entered_by)
SELECT i.id, v.period_date, v.value, v.note, NULL
FROM networks n
CROSS JOIN (VALUES
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', DATE '2021-12-31', 27.1::double precision, ''),
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', '2022-12-31', 28.0, 'Anstieg durch Rechtskreiswechsel geflüchteter Familien aus der Ukraine.'),
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', '2023-12-31', 27.4, ''),
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', '2024-12-31', 26.9, ''),
  ('SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', '2025-12-31', 26.5, ''),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe', '2021-12-31', 54.6, ''),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe', '2022-12-31', 56.1, ''),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe', '2023-12-31', 55.0, ''),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe', '2024-12-31', 53.8, ''),
  ('SGB-II-Quote der unter 15-Jährigen in der Silberhöhe', '2025-12-31', 52.9, 'Erstmals aus dem neuen Sozialraum-Monitoring.'),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss', '2021-12-31', 14.6, ''),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss', '2022-12-31', 15.1, ''),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss', '2023-12-31', 14.2, ''),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss', '2024-12-31', 13.6, ''),
  ('Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss', '2025-12-31', 13.1, ''),
  ('Durch Familienhebammen begleitete Familien', '2021-12-31', 228, ''),
  ('Durch Familienhebammen begleitete Familien', '2022-12-31', 251, ''),
  ('Durch Familienhebammen begleitete Familien', '2023-12-31', 276, ''),
  ('Durch Familienhebammen begleitete Familien', '2024-12-31', 284, ''),
  ('Durch Familienhebammen begleitete Familien', '2025-12-31', 290, 'Kapazitätsgrenze erreicht, zwei Stellen unbesetzt.')
) AS v(indicator, period_date, value, note)
JOIN indicators i ON i.network_id = n.id AND i.name = v.indicator
WHERE n.kommune_ags = '15002' AND n.name = 'Präventionsnetzwerk Halle (Saale)';
