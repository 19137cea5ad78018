-- Further demo networks for the national overview, the map and public discovery: 45 networks in
-- Kreise and kreisfreie Städte of all 16 Länder, each named "… (Demo)" and described as demo
-- data, every second one with a public profile, with three to six measures each (most of them
-- running), and every third one funded by a demo program of its Land (NRW and Baden-Württemberg:
-- their demo programs of funding.sql), some of them with a report.
--
-- Everything here is invented demo detail, not a statement about the real places. Deterministic:
-- the same rows on every run. Plain PostgreSQL, no transaction control: the caller wraps it in one
-- transaction and runs it only while no network named "… (Demo)" exists.

CREATE TEMP TABLE demo_national ON COMMIT DROP AS
SELECT v.i, k.ags, k.land_code, split_part(k.name, ',', 1) AS place
FROM (VALUES (1, '01002'), (2, '01055'), (3, '01004'), (4, '02000'), (5, '03241'), (6, '03159'),
             (7, '03454'), (8, '03101'), (9, '04011'), (10, '05315'), (11, '05711'), (12, '05978'),
             (13, '05120'), (14, '05913'), (15, '05382'), (16, '06412'), (17, '06435'), (18, '06534'),
             (19, '07111'), (20, '07315'), (21, '07332'), (22, '08111'), (23, '08222'), (24, '08316'),
             (25, '08127'), (26, '09162'), (27, '09564'), (28, '09761'), (29, '09187'), (30, '09462'),
             (31, '10041'), (32, '10045'), (33, '11000'), (34, '12054'), (35, '12062'), (36, '13003'),
             (37, '13075'), (38, '14612'), (39, '14713'), (40, '14626'), (41, '15003'), (42, '15090'),
             (43, '16051'), (44, '16053'), (45, '16062')) AS v (i, ags)
JOIN kommunen k ON k.ags = v.ags;

CREATE TEMP TABLE demo_national_networks ON COMMIT DROP AS
WITH inserted AS (
    INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring, founded_on,
                          is_public, contact_organisation, contact_email)
    SELECT d.ags,
           'Präventionsnetzwerk ' || d.place || ' (Demo)',
           'Demo-Daten: ein erfundenes Netzwerk, damit Bundesübersicht und Karte etwas zeigen. '
               || 'Jugendhilfe, Schulen, Gesundheitsamt und Jobcenter in ' || d.place
               || ' stimmen ihre Angebote für Familien entlang der Lebensphasen ab.',
           'Koordinierungsstelle Prävention ' || d.place || ' (Demo)',
           (ARRAY['jugendhilfeplanung', 'sozialplanung', 'bildungsbuero', 'gesundheit', 'sonstige'])[d.i % 5 + 1],
           DATE '2017-01-01' + d.i * 53,
           d.i % 2 = 1,
           'Verwaltung ' || d.place || ' (Demo)',
           'praevention' || d.i || '@demo.invalid'
    FROM demo_national d
    RETURNING id, kommune_ags
)
SELECT d.i, d.land_code, d.place, n.id
FROM inserted n JOIN demo_national d ON d.ags = n.kommune_ags;

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen, zugaenge,
                      finanzierung, niedrigschwellig, start_date, status, reach_per_year)
SELECT n.id, t.title, t.descr, ARRAY[t.hf], ARRAY[t.lp], ARRAY[t.zg], ARRAY[t.zu], ARRAY[t.fin], t.nied,
       DATE '2019-01-01' + (n.i * 37 + t.m * 91) % 1800,
       CASE WHEN (n.i + t.m) % 5 = 0 THEN 'geplant' ELSE 'laufend' END,
       40 + (n.i * t.m * 17) % 400
FROM demo_national_networks n
JOIN (VALUES
    (1, 'Willkommensbesuche für Neugeborene', 'Hausbesuch mit Informationen zu Angeboten im Stadtteil.',
        'gesundheit', 'schwangerschaft_geburt', 'alle_familien', 'aufsuchend', 'kommunal', true),
    (2, 'Sprachförderung in Kitas', 'Alltagsintegrierte Sprachbildung mit Fachberatung.',
        'fruehkindliche_bildung', 'drei_bis_sechs', 'migrationsgeschichte', 'komm_struktur', 'land', false),
    (3, 'Lotsendienst Bildung und Teilhabe', 'Hilft Familien, Leistungen für Bildung und Teilhabe zu beantragen.',
        'schulische_bildung', 'sechs_bis_zehn', 'leistungsbezug', 'lotsendienst', 'kommunal', true),
    (4, 'Gesundes Frühstück an Grundschulen', 'Tägliches Frühstück mit Eltern und Schulvereinen.',
        'ernaehrung', 'sechs_bis_zehn', 'alle_familien', 'komm_struktur', 'stiftung', true),
    (5, 'Ferienprogramm für alle Kinder', 'Kostenfreie Sport- und Kulturangebote in den Ferien.',
        'freizeit_kultur_sport', 'zehn_bis_sechzehn', 'alle_familien', 'komm_struktur', 'kommunal', true),
    (6, 'Beratung für Alleinerziehende zum Wiedereinstieg', 'Gemeinsame Sprechstunde von Jobcenter und Familienbüro.',
        'erwerbsintegration', 'null_bis_drei', 'alleinerziehende', 'komm_struktur', 'esf_plus', false)
) AS t (m, title, descr, hf, lp, zg, zu, fin, nied) ON t.m <= 3 + n.i % 4;

-- Demo programs of the other Länder that have demo networks.
INSERT INTO funding_programs (land_code, name, description, own_share_percent, report_due_days)
SELECT DISTINCT n.land_code, 'Landesprogramm Präventionsketten (Demo)',
       'Demo-Daten: ein erfundenes Förderprogramm für die Bundesübersicht.', 20, 90
FROM demo_national_networks n
WHERE n.land_code NOT IN ('05', '08');

INSERT INTO funding_phases (program_id, position, name, duration_months, repeatable, report_interval_months,
                            final_report)
SELECT p.id, v.position, v.name, v.months, v.repeatable, 12, true
FROM funding_programs p,
     (VALUES (1, 'Aufbau', 24, false), (2, 'Verstetigung', 12, true)) AS v (position, name, months, repeatable)
WHERE p.name = 'Landesprogramm Präventionsketten (Demo)';

-- Every third network funded: in its Land's first phase since 2025, or its second since 2026.
CREATE TEMP TABLE demo_national_fundings ON COMMIT DROP AS
WITH inserted AS (
    INSERT INTO fundings (network_id, program_id, phase_id, start_date, end_date, granted_amount_euro,
                          own_share_euro, status, file_reference)
    SELECT n.id, p.id, ph.id, s.start_date, s.end_date, 90000 + n.i * 1000, 18000, 'laufend',
           'DEMO-' || n.i
    FROM demo_national_networks n
    JOIN funding_programs p ON p.land_code = n.land_code
         AND p.name IN ('Landesprogramm Präventionsketten (Demo)', 'kinderstark – NRW schafft Chancen',
                        'Präventionsnetzwerke gegen Kinderarmut in Baden-Württemberg')
    CROSS JOIN LATERAL (SELECT CASE WHEN n.i % 2 = 0 THEN 1 ELSE 2 END AS position) want
    JOIN funding_phases ph ON ph.program_id = p.id AND ph.position = want.position
    CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + (want.position - 1) * 365 AS start_date) st
    CROSS JOIN LATERAL (SELECT st.start_date,
                               (st.start_date + make_interval(months => ph.duration_months))::date - 1 AS end_date) s
    WHERE n.i % 3 = 0
    RETURNING id, network_id
)
SELECT i.id, i.network_id, n.i, n.place FROM inserted i JOIN demo_national_networks n ON n.id = i.network_id;

-- The first-year report of some Aufbau fundings: submitted and waiting for review, or accepted.
INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot, what_worked,
                     submitted_at, accepted_at)
SELECT f.id, 1, 'zwischenbericht', DATE '2025-01-01', DATE '2025-12-31', DATE '2026-03-31',
       CASE WHEN f.i % 4 = 0 THEN 'eingereicht' ELSE 'angenommen' END,
       jsonb_build_object('network', 'Präventionsnetzwerk ' || f.place || ' (Demo)', 'kommune', f.place,
                          'taken_at', '15.03.2026', 'period', '01.01.2025–31.12.2025'),
       'Demo-Daten: Die Partner treffen sich regelmäßig.',
       TIMESTAMPTZ '2026-03-15 10:00+01',
       CASE WHEN f.i % 4 <> 0 THEN TIMESTAMPTZ '2026-04-20 10:00+02' END
FROM demo_national_fundings f
JOIN fundings fu ON fu.id = f.id
JOIN funding_phases ph ON ph.id = fu.phase_id
WHERE ph.position = 1 AND f.i % 12 <> 6;

-- Good practice taken over ("In mein Netzwerk übernehmen"): some demo networks plan a measure
-- after one of the first three published good-practice entries, so that the national overview
-- lists the most adopted practices and its map shows where one spread.
INSERT INTO measures (network_id, title, description, handlungsfelder, status, knowledge_entry_id)
SELECT n.id, left(e.title, 200),
       'Demo-Daten: übernommen aus dem Praxisbeispiel „' || e.title || '“ der Wissensplattform.',
       e.handlungsfelder, 'geplant', e.id
FROM demo_national_networks n
JOIN (SELECT id, title, handlungsfelder, row_number() OVER (ORDER BY slug) AS r
      FROM knowledge_entries
      WHERE kind = 'good_practice' AND status = 'veroeffentlicht') e
  ON (e.r = 1 AND n.i % 4 = 0) OR (e.r = 2 AND n.i % 7 = 0) OR (e.r = 3 AND n.i % 10 = 0);
