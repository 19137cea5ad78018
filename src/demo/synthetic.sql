-- A synthetic national workspace for load tests: current_setting('kc.networks') networks spread
-- over every Kommune in the directory, each with 5 Sozialräume, 8 partners, 40 measures, a goal
-- tree of 14 goals with 2 milestones each, 20 indicators with 20 yearly values each; every third
-- network with a funding of its Land's program and two reports (one accepted, one waiting for
-- review). Set-based, so that 5,000 networks take well under a minute.

CREATE TEMP TABLE syn_kommunen ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY ags) - 1 AS n, ags, name, land_code FROM kommunen;

CREATE TEMP TABLE syn_networks ON COMMIT DROP AS
WITH inserted AS (
    INSERT INTO networks (kommune_ags, name, description, coordination_office, anchoring,
                          founded_on, is_public, contact_organisation, contact_email)
    SELECT k.ags,
           'Präventionsnetzwerk ' || k.name || ' ' || (g / c.total + 1),
           'Synthetisches Netzwerk für Lastmessungen: Kooperation von Jugendhilfe, Schule, '
               || 'Gesundheit und Jobcenter entlang der Lebensphasen.',
           'Koordinierungsstelle Prävention ' || k.name,
           (ARRAY['jugendhilfeplanung', 'sozialplanung', 'bildungsbuero', 'gesundheit',
                  'sonstige'])[g % 5 + 1],
           DATE '2016-01-01' + g % 3000,
           g % 2 = 0,
           'Verwaltung ' || k.name,
           'praevention' || g || '@example.invalid'
    FROM generate_series(0, current_setting('kc.networks')::int - 1) g
    CROSS JOIN (SELECT count(*) AS total FROM syn_kommunen) c
    JOIN syn_kommunen k ON k.n = g % c.total
    RETURNING id, kommune_ags, name
)
SELECT row_number() OVER (ORDER BY id) AS n, id, kommune_ags, name FROM inserted;

INSERT INTO sozialraeume (network_id, name)
SELECT n.id, 'Sozialraum ' || s FROM syn_networks n, generate_series(1, 5) s;

INSERT INTO partners (network_id, name, kind, ressort, network_role, contact)
SELECT n.id, 'Partner ' || p,
       (ARRAY['jugendamt', 'jobcenter', 'agentur_fuer_arbeit', 'schule', 'kita', 'gesundheitsamt',
              'freier_traeger', 'verein', 'krankenkasse', 'familienzentrum', 'sonstige'])[p % 11 + 1],
       (ARRAY['bildung', 'gesundheit', 'jugend', 'soziales', 'sport', 'wohnen', 'ernaehrung',
              'stadtplanung', 'finanzen', 'arbeit'])[p % 10 + 1],
       CASE WHEN p <= 2 THEN 'steuerung' ELSE 'partner' END,
       'partner' || p || '@example.invalid'
FROM syn_networks n, generate_series(1, 8) p;

CREATE TEMP TABLE syn_partners ON COMMIT DROP AS
SELECT network_id, id, row_number() OVER (PARTITION BY network_id ORDER BY id) AS p
FROM partners WHERE network_id IN (SELECT id FROM syn_networks);

CREATE TEMP TABLE syn_sozialraeume ON COMMIT DROP AS
SELECT network_id, id, row_number() OVER (PARTITION BY network_id ORDER BY id) AS s
FROM sozialraeume WHERE network_id IN (SELECT id FROM syn_networks);

INSERT INTO measures (network_id, title, description, handlungsfelder, lebensphasen, zielgruppen,
                      zugaenge, finanzierung, sozialraum_id, niedrigschwellig, partner_id,
                      start_date, status, reach_per_year, annual_cost_euro, participation,
                      impact_output)
SELECT n.id, 'Maßnahme ' || m,
       'Angebot für Familien im Sozialraum: Beratung, Begleitung und Vermittlung in passende Hilfen.',
       ARRAY[(ARRAY['fruehkindliche_bildung', 'schulische_bildung', 'gesundheit', 'ernaehrung',
                    'wohnen', 'freizeit_kultur_sport', 'erwerbsintegration'])[m % 7 + 1]],
       ARRAY[(ARRAY['schwangerschaft_geburt', 'null_bis_drei', 'drei_bis_sechs', 'sechs_bis_zehn',
                    'zehn_bis_sechzehn', 'sechzehn_bis_achtzehn'])[m % 6 + 1]],
       ARRAY[(ARRAY['alle_familien', 'alleinerziehende', 'migrationsgeschichte', 'behinderung',
                    'mehrkindfamilien', 'leistungsbezug'])[m % 6 + 1]],
       ARRAY[(ARRAY['komm_struktur', 'aufsuchend', 'lotsendienst', 'digital'])[m % 4 + 1]],
       ARRAY[(ARRAY['kommunal', 'land', 'bund', 'esf_plus', 'stiftung', 'krankenkasse',
                    'sonstige'])[m % 7 + 1]],
       CASE WHEN m % 4 = 0 THEN NULL ELSE s.id END,
       m % 3 = 0,
       p.id,
       DATE '2019-01-01' + m * 30,
       (ARRAY['geplant', 'laufend', 'laufend', 'laufend', 'pausiert', 'beendet'])[m % 6 + 1],
       m * 25, m * 1500,
       'Eltern wirken im Beirat mit.',
       'Beratungen und Vermittlungen pro Jahr.'
FROM syn_networks n
CROSS JOIN generate_series(1, 40) m
JOIN syn_partners p ON p.network_id = n.id AND p.p = m % 8 + 1
JOIN syn_sozialraeume s ON s.network_id = n.id AND s.s = m % 5 + 1;

-- The goal tree: 2 Kernziele, 2 Mittelziele under each, 2 Handlungsziele under each of those.
INSERT INTO goals (network_id, level, title, description, handlungsfeld, target_date, status)
SELECT n.id, 'kernziel', 'Kernziel ' || k, 'Alle Kinder wachsen gesund und mit guten Chancen auf.',
       (ARRAY['fruehkindliche_bildung', 'gesundheit'])[k], DATE '2030-12-31', 'in_arbeit'
FROM syn_networks n, generate_series(1, 2) k;

INSERT INTO goals (network_id, parent_id, level, title, handlungsfeld, target_date, status)
SELECT g.network_id, g.id, 'mittelziel', g.title || '.' || m, g.handlungsfeld, DATE '2028-12-31',
       (ARRAY['offen', 'in_arbeit'])[m]
FROM goals g, generate_series(1, 2) m
WHERE g.level = 'kernziel' AND g.network_id IN (SELECT id FROM syn_networks);

INSERT INTO goals (network_id, parent_id, level, title, handlungsfeld, target_date, status)
SELECT g.network_id, g.id, 'handlungsziel', replace(g.title, 'Kernziel', 'Handlungsziel') || '.' || h,
       g.handlungsfeld, DATE '2027-06-30', (ARRAY['erreicht', 'in_arbeit'])[h]
FROM goals g, generate_series(1, 2) h
WHERE g.level = 'mittelziel' AND g.network_id IN (SELECT id FROM syn_networks);

INSERT INTO milestones (goal_id, title, due_on, done_on)
SELECT g.id, 'Meilenstein ' || i, DATE '2025-01-01' + (g.id % 700)::int + i * 60,
       CASE WHEN i = 1 THEN DATE '2025-01-01' + (g.id % 700)::int + 50 END
FROM goals g, generate_series(1, 2) i
WHERE g.network_id IN (SELECT id FROM syn_networks);

INSERT INTO measure_goals (network_id, measure_id, goal_id)
SELECT m.network_id, m.id, g.id
FROM (SELECT network_id, id, row_number() OVER (PARTITION BY network_id ORDER BY id) AS r
      FROM measures WHERE network_id IN (SELECT id FROM syn_networks)) m
JOIN (SELECT network_id, id, row_number() OVER (PARTITION BY network_id ORDER BY id) AS r
      FROM goals WHERE level = 'handlungsziel' AND network_id IN (SELECT id FROM syn_networks)) g
  ON g.network_id = m.network_id AND g.r = m.r % 8 + 1;

INSERT INTO indicators (network_id, goal_id, name, definition, unit, higher_is_better, data_source,
                        baseline_value, baseline_date, target_value, target_date)
SELECT n.id, (SELECT min(id) FROM goals WHERE network_id = n.id), 'Kennzahl ' || i,
       'Anteil der erreichten Kinder an allen Kindern der Altersgruppe.',
       (ARRAY['anzahl', 'prozent', 'euro', 'quote_promille', 'tage'])[i % 5 + 1],
       i % 4 <> 0, 'Kommunale Statistik', 10 + i, DATE '2007-12-31', 40 + i, DATE '2030-12-31'
FROM syn_networks n, generate_series(1, 20) i;

INSERT INTO indicator_values (indicator_id, period_date, value)
SELECT k.id, make_date(2006 + y, 12, 31), 10 + (k.id % 20) + y * 1.5 + (k.id * y) % 7
FROM indicators k, generate_series(1, 20) y
WHERE k.network_id IN (SELECT id FROM syn_networks);

-- Fundings: a synthetic program of each Land with two phases and their deliverables.
INSERT INTO funding_programs (land_code, name, description, own_share_percent, report_due_days)
SELECT code, 'Synthetisches Landesprogramm ' || kuerzel, 'Für Lastmessungen.', 20, 90 FROM laender
ON CONFLICT ON CONSTRAINT funding_programs_name_key DO NOTHING;

INSERT INTO funding_phases (program_id, position, name, duration_months, report_interval_months,
                            final_report)
SELECT p.id, ph.position, ph.name, ph.months, 12, true
FROM funding_programs p,
     (VALUES (1, 'Aufbau', 24), (2, 'Verstetigung', 36)) AS ph (position, name, months)
WHERE p.name LIKE 'Synthetisches Landesprogramm %'
ON CONFLICT ON CONSTRAINT funding_phases_name_key DO NOTHING;

INSERT INTO phase_deliverables (phase_id, position, title)
SELECT ph.id, d, (ARRAY['Kooperationsvereinbarung', 'Bestandsaufnahme', 'Wirkungsziele'])[d]
FROM funding_phases ph JOIN funding_programs p ON p.id = ph.program_id, generate_series(1, 3) d
WHERE p.name LIKE 'Synthetisches Landesprogramm %'
ON CONFLICT ON CONSTRAINT phase_deliverables_title_key DO NOTHING;

CREATE TEMP TABLE syn_fundings ON COMMIT DROP AS
WITH inserted AS (
    INSERT INTO fundings (network_id, program_id, phase_id, start_date, end_date,
                          granted_amount_euro, own_share_euro, status, file_reference)
    SELECT n.id, p.id, ph.id, DATE '2024-01-01', DATE '2025-12-31', 120000, 30000, 'laufend',
           'AZ ' || n.id
    FROM syn_networks n
    JOIN syn_kommunen k ON k.ags = n.kommune_ags
    JOIN funding_programs p ON p.land_code = k.land_code AND p.name LIKE 'Synthetisches Landesprogramm %'
    JOIN funding_phases ph ON ph.program_id = p.id AND ph.position = 1
    WHERE n.n % 3 = 0
    RETURNING id, network_id, program_id, phase_id
)
SELECT i.*, n.name AS network, k.name AS kommune, p.name AS program
FROM inserted i
JOIN syn_networks n ON n.id = i.network_id
JOIN syn_kommunen k ON k.ags = n.kommune_ags
JOIN funding_programs p ON p.id = i.program_id;

INSERT INTO funding_deliverables (funding_id, phase_id, deliverable_id, evidence_text, evidence_date,
                                  confirmed_at)
SELECT f.id, f.phase_id, d.id, 'Liegt vor.', DATE '2024-06-30',
       CASE WHEN d.position = 1 THEN TIMESTAMPTZ '2024-07-15 10:00+02' END
FROM syn_fundings f JOIN phase_deliverables d ON d.phase_id = f.phase_id
WHERE d.position <= 2;

INSERT INTO reports (funding_id, seq, kind, period_start, period_end, due_on, status, snapshot,
                     what_worked, plans, submitted_at, accepted_at)
SELECT f.id, r.seq, r.kind, r.period_start, r.period_end, r.due_on, r.status,
       jsonb_build_object(
           'taken_at', to_char(r.period_end + 10, 'DD.MM.YYYY'),
           'network', f.network, 'kommune', f.kommune, 'program', f.program, 'phase', 'Aufbau',
           'period', to_char(r.period_start, 'DD.MM.YYYY') || '–' || to_char(r.period_end, 'DD.MM.YYYY'),
           'measures', (SELECT jsonb_agg(jsonb_build_object('title', m.title, 'reach',
                                                            m.reach_per_year || ' pro Jahr'))
                        FROM measures m WHERE m.network_id = f.network_id AND m.status = 'laufend')),
       'Die Zusammenarbeit der Partner ist verlässlicher geworden.',
       'Im nächsten Jahr mehr aufsuchende Angebote.',
       r.period_end + 30 + 8 * interval '1 hour',
       CASE WHEN r.status = 'angenommen' THEN r.period_end + 60 + 8 * interval '1 hour' END
FROM syn_fundings f,
     (VALUES (1, 'zwischenbericht', DATE '2024-01-01', DATE '2024-12-31', DATE '2025-03-31', 'angenommen'),
             (2, 'abschlussbericht', DATE '2025-01-01', DATE '2025-12-31', DATE '2026-03-31', 'eingereicht'))
         AS r (seq, kind, period_start, period_end, due_on, status);

INSERT INTO report_events (report_id, kind, actor_label, occurred_at)
SELECT r.id, e.kind, e.actor, r.submitted_at + e.later
FROM reports r
JOIN syn_fundings f ON f.id = r.funding_id
JOIN LATERAL (VALUES ('eingereicht', 'Koordinierungsstelle', interval '0'),
                     ('angenommen', 'Landesprogrammstelle', interval '30 days')) AS e (kind, actor, later)
  ON e.kind = 'eingereicht' OR r.status = 'angenommen';
