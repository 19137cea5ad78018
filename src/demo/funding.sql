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
-- The snapshot is built from the network as it stands; progress counts the milestones done by
-- the end of the period (a simplification of the portal's roll-up, good enough for demo data).
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

INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot, what_worked,
                     what_did_not, participation, plans, submitted_at, accepted_at, created_at, updated_at)
SELECT r.funding_id, r.seq, r.kind, r.period_start, r.period_end, r.due_on, r.status,
       jsonb_build_object(
           'taken_at', to_char(r.period_end + 14, 'DD.MM.YYYY') || ', 09:00 Uhr',
           'network', n.name,
           'kommune', k.name,
           'program', p.name,
           'phase', CASE WHEN f.repetition > 1 THEN ph.name || ' (' || f.repetition || '. Durchgang)' ELSE ph.name END,
           'period', to_char(r.period_start, 'DD.MM.YYYY') || ' bis ' || to_char(r.period_end, 'DD.MM.YYYY'),
           'goals', coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                          'level', CASE g.level WHEN 'kernziel' THEN 'Kernziel' WHEN 'mittelziel' THEN 'Mittelziel' ELSE 'Handlungsziel' END,
                          'title', g.title,
                          'status', CASE g.status WHEN 'offen' THEN 'Offen' WHEN 'in_arbeit' THEN 'In Arbeit'
                                        WHEN 'erreicht' THEN 'Erreicht' ELSE 'Zurückgestellt' END,
                          'progress', CASE WHEN g.status = 'erreicht' THEN 100 ELSE coalesce((
                              SELECT round(100.0 * count(*) FILTER (WHERE ms.done_on <= r.period_end) / count(*))::int
                              FROM milestones ms WHERE ms.goal_id = g.id HAVING count(*) > 0), 0) END,
                          'depth', CASE g.level WHEN 'kernziel' THEN 0 WHEN 'mittelziel' THEN 1 ELSE 2 END)
                      ORDER BY CASE g.level
                                   WHEN 'kernziel' THEN ARRAY[g.id]
                                   WHEN 'mittelziel' THEN ARRAY[g.parent_id, g.id]
                                   ELSE ARRAY[(SELECT gp.parent_id FROM goals gp WHERE gp.id = g.parent_id), g.parent_id, g.id]
                               END)
               FROM goals g WHERE g.network_id = n.id), '[]'::jsonb),
           'indicators', coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                          'name', i.name,
                          'baseline', coalesce(replace(i.baseline_value::text, '.', ','), ''),
                          'target', coalesce(replace(i.target_value::text, '.', ','), ''),
                          'values', coalesce((
                              SELECT jsonb_agg(jsonb_build_array(to_char(v.period_date, 'DD.MM.YYYY'),
                                                                 replace(v.value::text, '.', ','))
                                               ORDER BY v.period_date)
                              FROM indicator_values v
                              WHERE v.indicator_id = i.id AND v.period_date BETWEEN r.period_start AND r.period_end),
                              '[]'::jsonb))
                      ORDER BY i.name)
               FROM indicators i WHERE i.network_id = n.id), '[]'::jsonb),
           'measures', coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                          'title', m.title,
                          'fields', '',
                          'reach', coalesce(m.reach_per_year::text || ' pro Jahr', ''))
                      ORDER BY m.title)
               FROM measures m
               WHERE m.network_id = n.id AND m.status = 'laufend'
                 AND (m.start_date IS NULL OR m.start_date <= r.period_end)), '[]'::jsonb),
           'deliverables', coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                          'title', d.title,
                          'state', CASE WHEN fd.confirmed_at <= r.period_end + 14 THEN 'Bestätigt'
                                        WHEN fd.provided_at <= r.period_end + 14 THEN 'Nachweis erbracht, Bestätigung offen'
                                        ELSE 'Fehlt' END,
                          'evidence', CASE WHEN fd.provided_at <= r.period_end + 14 THEN fd.evidence_text ELSE '' END)
                      ORDER BY d.position)
               FROM phase_deliverables d
               LEFT JOIN funding_deliverables fd ON fd.funding_id = f.id AND fd.deliverable_id = d.id
               WHERE d.phase_id = f.phase_id), '[]'::jsonb)),
       r.what_worked, r.what_did_not, r.participation, r.plans, r.submitted_at,
       CASE WHEN r.status = 'angenommen' THEN r.decided_at END,
       r.period_end + 14, coalesce(r.decided_at, r.submitted_at)
FROM demo_reports r
JOIN fundings f ON f.id = r.funding_id
JOIN networks n ON n.id = f.network_id
JOIN kommunen k ON k.ags = n.kommune_ags
JOIN funding_programs p ON p.id = f.program_id
JOIN funding_phases ph ON ph.id = f.phase_id;

-- Each report's thread: opened and submitted by the coordination, review and decision by the Land.
INSERT INTO report_events (report_id, kind, user_id, actor_label, body, occurred_at)
SELECT rep.id, e.kind, u.id, u.email, e.body, e.occurred_at
FROM demo_reports r
JOIN reports rep ON rep.funding_id = r.funding_id AND rep.seq = r.seq
JOIN kommunen k ON k.ags = r.ags
JOIN LATERAL (VALUES
    (1, 'angelegt', 'kommune', '', (r.period_end + 14)::timestamptz + interval '9 hours'),
    (2, 'eingereicht', 'kommune', '', r.submitted_at),
    (3, 'pruefung_begonnen', 'land', '', r.submitted_at + interval '6 days'),
    (4, CASE r.status WHEN 'angenommen' THEN 'angenommen' ELSE 'zurueckgegeben' END, 'land', r.reason, r.decided_at)
) AS e(step, kind, side, body, occurred_at)
    ON e.step <= 2 OR r.status <> 'eingereicht' 
JOIN users u ON u.email = CASE WHEN e.side = 'land' THEN
                  CASE k.land_code WHEN '05' THEN 'land.nrw@demo.invalid' ELSE 'land.bw@demo.invalid' END
                ELSE CASE r.ags WHEN '05915' THEN 'kommune.hamm@demo.invalid'
                                WHEN '05766020' THEN 'kommune.detmold@demo.invalid'
                                ELSE 'kommune.tuebingen@demo.invalid' END END
ORDER BY rep.id, e.step;

INSERT INTO report_events (report_id, kind, user_id, actor_label, body, occurred_at)
SELECT rep.id, 'kommentar', u.id, u.email,
       'Danke für die Rückmeldung. Wir ergänzen die Kinderkonferenz in Herringen und die Kennzahlen bis Ende Mai.',
       TIMESTAMPTZ '2026-04-24 08:50+02'
FROM demo_reports r
JOIN reports rep ON rep.funding_id = r.funding_id AND rep.seq = r.seq
JOIN users u ON u.email = 'kommune.hamm@demo.invalid'
WHERE r.status = 'zurueckgegeben';
