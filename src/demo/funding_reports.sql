-- Part two of the demo funding data (after funding.sql and the snapshot parts of demo/mod.rs):
-- the reports with their snapshots, and their threads.
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
           'goals', parts.goals,
           'indicators', parts.indicators,
           'measures', coalesce((
               SELECT jsonb_agg(jsonb_build_object(
                          'title', m.title,
                          'fields', '',
                          'reach', coalesce(translate(to_char(m.reach_per_year, 'FM999,999,999'), ',', '.') || ' pro Jahr', ''))
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
JOIN demo_report_parts parts ON parts.funding_id = r.funding_id AND parts.seq = r.seq
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
