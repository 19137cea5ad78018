-- Demo funding data: two Land programs with phases and required deliverables, fundings of the
-- demo networks, evidence, and reports with their thread.
--
-- Runs after workspace.sql in the same transaction, only while no demo program exists. Plain
-- PostgreSQL; every row is looked up by natural keys (Land and program name, phase name,
-- network by AGS). The demo's reference date is 2026-11-21.
--
-- NRW, "kinderstark – NRW schafft Chancen" (workshop 4: short program periods, qualitative
-- reports with binding goals and indicators): Hamm was funded 2024–2025 (interim report 2024
-- accepted, final report 2025 returned with a reason) and continues in 2026; Detmold started in
-- November 2024, its first interim report is due. Baden-Württemberg (workshop 2: three-step
-- funding under a Verwaltungsvorschrift of 2023, process support by FaFo): Aufbau 24 months,
-- Weiterentwicklung 24, Verstetigung 12 and repeatable; Tübingen is in its third Verstetigung.
-- Amounts are invented but plausible; all narrative text is written for the demo.

INSERT INTO funding_programs (land_code, name, description, legal_basis, own_share_percent,
                              integrated_planning_required, report_due_days)
VALUES
('05', 'kinderstark – NRW schafft Chancen',
 'Landesprogramm zum Auf- und Ausbau kommunaler Präventionsketten: Kreise und kreisfreie Städte entwickeln eine '
 || 'kommunale Gesamtstrategie für gelingendes Aufwachsen, bündeln Angebote entlang der Lebensphasen und schaffen Zugänge '
 || 'vor Ort (Familienbüros, Lotsendienste, Elterncafés). Berichtet wird qualitativ, mit verbindlichen Zielen und Kennzahlen.',
 'Förderrichtlinie kinderstark des Landes Nordrhein-Westfalen', 15, true, 90),
('08', 'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg',
 'Dreistufige Förderung kommunaler Präventionsnetzwerke: zweijährige Aufbauphase, zweijährige Weiterentwicklung und '
 || 'eine einjährige Verstetigungsphase, die mehrmals beantragt werden kann. Die Familienforschung im Statistischen '
 || 'Landesamt (FaFo) begleitet die Netzwerke in allen Phasen und organisiert den landesweiten Austausch.',
 'Verwaltungsvorschrift zur Förderung von Präventionsnetzwerken gegen Kinderarmut (2023)', 20, true, 120);

INSERT INTO funding_phases (program_id, position, name, duration_months, repeatable, report_interval_months, final_report)
SELECT p.id, v.position, v.name, v.months, v.repeatable, v.interval_months, true
FROM funding_programs p
JOIN (VALUES
    ('05', 1, 'Aufbau der Gesamtstrategie', 24, false, 12),
    ('05', 2, 'Weiterführung', 12, true, NULL),
    ('08', 1, 'Aufbau', 24, false, 12),
    ('08', 2, 'Weiterentwicklung', 24, false, 12),
    ('08', 3, 'Verstetigung', 12, true, NULL)
) AS v(land, position, name, months, repeatable, interval_months) ON v.land = p.land_code
WHERE p.name IN ('kinderstark – NRW schafft Chancen', 'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg');

INSERT INTO phase_deliverables (phase_id, position, title)
SELECT ph.id, v.position, v.title
FROM funding_phases ph
JOIN funding_programs p ON p.id = ph.program_id
JOIN (VALUES
    ('05', 'Aufbau der Gesamtstrategie', 1, 'Koordinierungsstelle eingerichtet'),
    ('05', 'Aufbau der Gesamtstrategie', 2, 'Ratsbeschluss zur kommunalen Gesamtstrategie'),
    ('05', 'Aufbau der Gesamtstrategie', 3, 'Bestandsaufnahme der Angebote'),
    ('05', 'Aufbau der Gesamtstrategie', 4, 'Bedarfsanalyse auf Sozialraumebene'),
    ('05', 'Weiterführung', 1, 'Fortschreibung der Gesamtstrategie'),
    ('08', 'Aufbau', 1, 'Netzwerkkoordination benannt'),
    ('08', 'Aufbau', 2, 'Netzwerkgruppe gebildet'),
    ('08', 'Aufbau', 3, 'Bestandsaufnahme'),
    ('08', 'Aufbau', 4, 'Bedarfsanalyse'),
    ('08', 'Weiterentwicklung', 1, 'Handlungskonzept mit Zielen und Kennzahlen'),
    ('08', 'Weiterentwicklung', 2, 'Beteiligung von Kindern und Familien dokumentiert'),
    ('08', 'Verstetigung', 1, 'Ratsbeschluss zur dauerhaften Verankerung')
) AS v(land, phase, position, title) ON v.land = p.land_code AND v.phase = ph.name
WHERE p.name IN ('kinderstark – NRW schafft Chancen', 'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg');

-- Fundings: (AGS, phase, repetition, start, end, granted €, own share €, status, file reference).
INSERT INTO fundings (network_id, program_id, phase_id, repetition, start_date, end_date, granted_amount_euro,
                      own_share_euro, status, file_reference)
SELECT n.id, ph.program_id, ph.id, v.repetition, v.start_date, v.end_date, v.granted, v.own_share, v.status, v.reference
FROM (VALUES
    ('05915', 'Aufbau der Gesamtstrategie', 1, DATE '2024-01-01', DATE '2025-12-31', 240000, 48000, 'abgeschlossen', 'KS-2023-0417'),
    ('05915', 'Weiterführung', 1, DATE '2026-01-01', DATE '2026-12-31', 110000, 22000, 'laufend', 'KS-2025-0388'),
    ('05766020', 'Aufbau der Gesamtstrategie', 1, DATE '2024-11-01', DATE '2026-10-31', 190000, 36000, 'abgeschlossen', 'KS-2024-0702'),
    ('08416041', 'Aufbau', 1, DATE '2020-01-01', DATE '2021-12-31', 160000, 40000, 'abgeschlossen', 'FaFo-PN-2019-07'),
    ('08416041', 'Weiterentwicklung', 1, DATE '2022-01-01', DATE '2023-12-31', 150000, 38000, 'abgeschlossen', 'FaFo-PN-2021-11'),
    ('08416041', 'Verstetigung', 1, DATE '2024-01-01', DATE '2024-12-31', 60000, 15000, 'abgeschlossen', 'FaFo-PN-2023-21'),
    ('08416041', 'Verstetigung', 2, DATE '2025-01-01', DATE '2025-12-31', 60000, 15000, 'abgeschlossen', 'FaFo-PN-2024-19'),
    ('08416041', 'Verstetigung', 3, DATE '2026-01-01', DATE '2026-12-31', 62000, 16000, 'laufend', 'FaFo-PN-2025-23')
) AS v(ags, phase, repetition, start_date, end_date, granted, own_share, status, reference)
JOIN networks n ON n.kommune_ags = v.ags
JOIN kommunen k ON k.ags = n.kommune_ags
JOIN funding_programs p ON p.land_code = k.land_code
    AND p.name IN ('kinderstark – NRW schafft Chancen', 'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg')
JOIN funding_phases ph ON ph.program_id = p.id AND ph.name = v.phase
WHERE n.id = (SELECT min(id) FROM networks WHERE kommune_ags = v.ags);

-- Evidence (and the Land's confirmation) for the checklists.
INSERT INTO funding_deliverables (funding_id, phase_id, deliverable_id, evidence_text, evidence_link, evidence_date,
                                  provided_by, provided_at, confirmed_by, confirmed_at)
SELECT f.id, f.phase_id, d.id, v.evidence, v.link, v.evidence_date,
       (SELECT id FROM users WHERE email = v.provider), v.evidence_date + 3,
       CASE WHEN v.confirmed THEN (SELECT id FROM users WHERE email = v.confirmer) END,
       CASE WHEN v.confirmed THEN v.evidence_date + 17 END
FROM (VALUES
    ('05915', 'Aufbau der Gesamtstrategie', 1, 'Koordinierungsstelle eingerichtet',
     'Koordinierungsstelle Präventionskette im Familienrathaus, zwei Vollzeitstellen besetzt.', '', DATE '2024-02-15',
     'kommune.hamm@demo.invalid', true, 'land.nrw@demo.invalid'),
    ('05915', 'Aufbau der Gesamtstrategie', 1, 'Ratsbeschluss zur kommunalen Gesamtstrategie',
     'Ratsbeschluss „Hamm – familienfreundlichste Stadt“, fortgeschrieben mit Beschluss vom 12.03.2024.',
     'https://www.hamm.invalid/rat/beschluesse', DATE '2024-03-12', 'kommune.hamm@demo.invalid', true, 'land.nrw@demo.invalid'),
    ('05915', 'Aufbau der Gesamtstrategie', 1, 'Bestandsaufnahme der Angebote',
     'Bestandsaufnahme im Portal, Stand Oktober 2024: 38 Angebote in sechs Stadtbezirken.', '', DATE '2024-10-30',
     'kommune.hamm@demo.invalid', true, 'land.nrw@demo.invalid'),
    ('05915', 'Aufbau der Gesamtstrategie', 1, 'Bedarfsanalyse auf Sozialraumebene',
     'Sozialraummonitoring 2025 mit SGB-II-Quoten und Schuleingangsuntersuchung je Stadtbezirk.', '', DATE '2025-09-30',
     'kommune.hamm@demo.invalid', false, NULL),
    ('05766020', 'Aufbau der Gesamtstrategie', 1, 'Koordinierungsstelle eingerichtet',
     'Stelle „Kommunales Präventionsmanagement“ im Fachbereich Jugend, Schule, Sport besetzt.', '', DATE '2024-12-01',
     'kommune.detmold@demo.invalid', true, 'land.nrw@demo.invalid'),
    ('05766020', 'Aufbau der Gesamtstrategie', 1, 'Bestandsaufnahme der Angebote',
     'Bestandsaufnahme der Zugangswege: Familienbüros, Lotsendienste in Arztpraxen, Elternchancen an Grundschulen.',
     '', DATE '2025-06-30', 'kommune.detmold@demo.invalid', false, NULL),
    ('08416041', 'Verstetigung', 3, 'Ratsbeschluss zur dauerhaften Verankerung',
     'Gemeinderatsbeschluss zur Fortführung der Koordination Kinderchancen im Haushalt 2026.', '', DATE '2025-12-11',
     'kommune.tuebingen@demo.invalid', true, 'land.bw@demo.invalid')
) AS v(ags, phase, repetition, title, evidence, link, evidence_date, provider, confirmed, confirmer)
JOIN networks n ON n.kommune_ags = v.ags AND n.id = (SELECT min(id) FROM networks WHERE kommune_ags = v.ags)
JOIN fundings f ON f.network_id = n.id AND f.repetition = v.repetition
JOIN funding_phases ph ON ph.id = f.phase_id AND ph.name = v.phase
JOIN phase_deliverables d ON d.phase_id = ph.id AND d.title = v.title;

-- Reports: (AGS, phase, repetition, slot, kind, period, due, status, answers, submitted, decided).
-- The snapshot is built from the network as it stands; goal progress counts the milestones done
-- by the end of the period, rolled up as the goals page does (see demo_report_parts).
CREATE TEMPORARY TABLE demo_reports ON COMMIT DROP AS
SELECT f.id AS funding_id, n.id AS network_id, v.*
FROM (VALUES
    ('05915', 'Aufbau der Gesamtstrategie', 1, 1, 'zwischenbericht', DATE '2024-01-01', DATE '2024-12-31', DATE '2025-03-31',
     'angenommen',
     'Das Familienrathaus ist als zentrale Anlaufstelle eröffnet und als digitaler Zwilling online. Die YouCard wird in allen Stadtbezirken angenommen.',
     'Die Jugendberufsagentur erreicht Jugendliche ohne Anschluss noch zu spät; der Datenaustausch mit den Schulen ist ungeklärt.',
     'Kinderkonferenz in Herringen mit 35 Kindern; Elternbefragung in den Familienzentren (412 Antworten).',
     'Bedarfsanalyse je Stadtbezirk, Ausbau der aufsuchenden Arbeit in Bockum-Hövel.',
     TIMESTAMPTZ '2025-03-20 10:15+01', TIMESTAMPTZ '2025-04-14 14:30+02', ''),
    ('05915', 'Aufbau der Gesamtstrategie', 1, 2, 'abschlussbericht', DATE '2025-01-01', DATE '2025-12-31', DATE '2026-03-31',
     'zurueckgegeben',
     'Die Präventionskette ist in allen sechs Stadtbezirken mit Anlaufstellen vertreten; 38 Angebote sind in der Bestandsaufnahme erfasst.',
     'Die Bedarfsanalyse wurde später fertig als geplant.',
     'Beteiligung über die Familienzentren.',
     'Weiterführung ab 2026 mit Schwerpunkt Übergang Kita–Grundschule.',
     TIMESTAMPTZ '2026-03-27 09:40+01', TIMESTAMPTZ '2026-04-22 11:05+02',
     'Bitte ergänzen Sie, wie Kinder und Jugendliche selbst beteiligt waren (nicht nur Eltern über die Familienzentren), '
     || 'und stellen Sie die Entwicklung der Kennzahlen des Jahres 2025 den Zielen gegenüber.'),
    ('05766020', 'Aufbau der Gesamtstrategie', 1, 1, 'zwischenbericht', DATE '2024-11-01', DATE '2025-10-31', DATE '2026-01-29',
     'eingereicht',
     'Familienbüro in der Innenstadt eröffnet; Lotsendienste in vier Kinderarztpraxen; Elternchancen an drei Grundschulen.',
     'Das F.I.T-Mobil erreicht die Ortsteile noch nicht regelmäßig.',
     'Familiencafés an Grundschulen mit Elternrunden; Kinderbefragung in zwei Stadtteilen.',
     'Bedarfsanalyse und Ratsbeschluss zur Gesamtstrategie im Jahr 2026.',
     TIMESTAMPTZ '2026-01-20 11:00+01', NULL, ''),
    ('08416041', 'Aufbau', 1, 1, 'zwischenbericht', DATE '2020-01-01', DATE '2020-12-31', DATE '2021-04-30', 'angenommen',
     'Netzwerkkoordination benannt, Netzwerkgruppe mit 14 Partnern gebildet.', 'Präsenztreffen fielen pandemiebedingt aus.',
     'Online-Befragung von Familien in der Südstadt.', 'Bestandsaufnahme und Bedarfsanalyse.',
     TIMESTAMPTZ '2021-04-12 10:00+02', TIMESTAMPTZ '2021-05-03 15:00+02', ''),
    ('08416041', 'Aufbau', 1, 2, 'abschlussbericht', DATE '2021-01-01', DATE '2021-12-31', DATE '2022-04-30', 'angenommen',
     'Bestandsaufnahme und Bedarfsanalyse abgeschlossen; Handlungsfelder priorisiert.', 'Die Erreichbarkeit von Familien mit Fluchtgeschichte blieb gering.',
     'Kinderbeteiligung in zwei Grundschulen.', 'Weiterentwicklung mit Handlungskonzept.',
     TIMESTAMPTZ '2022-04-08 10:00+02', TIMESTAMPTZ '2022-05-02 15:00+02', ''),
    ('08416041', 'Weiterentwicklung', 1, 1, 'zwischenbericht', DATE '2022-01-01', DATE '2022-12-31', DATE '2023-05-01', 'angenommen',
     'Handlungskonzept mit Zielen und Kennzahlen vom Netzwerk beschlossen.', 'Fachkräftemangel in den Kitas bremste neue Angebote.',
     'Jugendforum zur Freizeitgestaltung.', 'Lotsendienst an Kinderarztpraxen.',
     TIMESTAMPTZ '2023-04-17 10:00+02', TIMESTAMPTZ '2023-05-08 15:00+02', ''),
    ('08416041', 'Weiterentwicklung', 1, 2, 'abschlussbericht', DATE '2023-01-01', DATE '2023-12-31', DATE '2024-04-29', 'angenommen',
     'Lotsendienst an drei Praxen eingeführt; Beteiligung dokumentiert.', 'Die Datengrundlage je Stadtteil ist lückenhaft.',
     'Kinderchancen-Konferenz mit 60 Kindern und Jugendlichen.', 'Verstetigung beantragt.',
     TIMESTAMPTZ '2024-04-15 10:00+02', TIMESTAMPTZ '2024-05-06 15:00+02', ''),
    ('08416041', 'Verstetigung', 1, 1, 'abschlussbericht', DATE '2024-01-01', DATE '2024-12-31', DATE '2025-04-30', 'angenommen',
     'Koordination im Stellenplan verankert; Angebote laufen ohne Projektmittel weiter.', 'Der Übergang Schule–Beruf ist noch schwach vernetzt.',
     'Kinderbeirat berät das Netzwerk zweimal im Jahr.', 'Zweite Verstetigungsphase mit Schwerpunkt Übergang Schule–Beruf.',
     TIMESTAMPTZ '2025-04-10 10:00+02', TIMESTAMPTZ '2025-05-05 15:00+02', ''),
    ('08416041', 'Verstetigung', 2, 1, 'abschlussbericht', DATE '2025-01-01', DATE '2025-12-31', DATE '2026-04-30', 'angenommen',
     'Jugendberufshilfe und Schulsozialarbeit in die Netzwerkgruppe aufgenommen.', 'Zwei Angebote endeten mit ihrer Projektförderung.',
     'Kinderbeirat und Jugendforum.', 'Dritte Verstetigungsphase; Ratsbeschluss zur dauerhaften Verankerung liegt vor.',
     TIMESTAMPTZ '2026-04-09 10:00+02', TIMESTAMPTZ '2026-05-04 15:00+02', '')
) AS v(ags, phase, repetition, seq, kind, period_start, period_end, due_on, status, what_worked, what_did_not,
       participation, plans, submitted_at, decided_at, reason)
JOIN networks n ON n.kommune_ags = v.ags AND n.id = (SELECT min(id) FROM networks WHERE kommune_ags = v.ags)
JOIN fundings f ON f.network_id = n.id AND f.repetition = v.repetition
JOIN funding_phases ph ON ph.id = f.phase_id AND ph.name = v.phase;

-- Goals with their progress and the indicator values of each report's period, filled in by
-- the demo's Rust code with the portal's own roll-up and number formats (demo/mod.rs).
CREATE TEMPORARY TABLE demo_report_parts (
    funding_id bigint NOT NULL,
    seq        integer NOT NULL,
    goals      jsonb NOT NULL,
    indicators jsonb NOT NULL
) ON COMMIT DROP;
