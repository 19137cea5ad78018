-- Demo data of the indicator catalog: networks adopt catalog indicators and have values for
-- them. Every value here is INVENTED demo data (note "Demowert"), not an official figure.
--
-- Idempotent: adoptions and values that exist already are left alone, so the script runs at
-- every demo start. Part 1 links indicators the demo networks already had and that measure
-- exactly what the catalog defines; part 2 gives the four demo networks further catalog
-- indicators; part 3 gives every other network without any catalog indicator four of them with
-- values derived deterministically from its AGS (for the comparison and the map to show
-- something with further demo networks). Synthetic load-test networks are left out.

-- Part 1: existing indicators that are the catalog's (definition and unit follow the catalog).
UPDATE indicators i
SET catalog_id = c.id, definition = c.definition, unit = c.unit, unit_label = c.unit_label,
    higher_is_better = (c.direction = 'hoeher_besser')
FROM networks n, catalog_indicators c,
     (VALUES ('05915', 'Inanspruchnahme BuT-Leistungen', 'but-inanspruchnahme'),
             ('05766020', 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', 'sgb2-quote-unter-15'),
             ('08416041', 'SGB-II-Quote der unter 15-Jährigen', 'sgb2-quote-unter-15'),
             ('15002', 'SGB-II-Quote der unter 15-Jährigen (gesamtstädtisch)', 'sgb2-quote-unter-15')
     ) AS v(ags, indicator, key)
WHERE n.id = i.network_id AND n.kommune_ags = v.ags AND i.name = v.indicator AND c.key = v.key
  AND i.catalog_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM indicators o WHERE o.network_id = n.id AND o.catalog_id = c.id);

-- Part 2: further catalog indicators of the four demo networks, with demo values.
CREATE TEMPORARY TABLE demo_catalog_values (ags text, key text, period_date date, value double precision)
    ON COMMIT DROP;
INSERT INTO demo_catalog_values VALUES
  ('05915', 'betreuungsquote-unter-3', '2022-03-01', 24.1), ('05915', 'betreuungsquote-unter-3', '2023-03-01', 25.0),
  ('05915', 'betreuungsquote-unter-3', '2024-03-01', 25.8), ('05915', 'betreuungsquote-unter-3', '2025-03-01', 26.4),
  ('05766020', 'betreuungsquote-unter-3', '2022-03-01', 29.5), ('05766020', 'betreuungsquote-unter-3', '2023-03-01', 30.2),
  ('05766020', 'betreuungsquote-unter-3', '2024-03-01', 31.0), ('05766020', 'betreuungsquote-unter-3', '2025-03-01', 31.4),
  ('08416041', 'betreuungsquote-unter-3', '2022-03-01', 44.8), ('08416041', 'betreuungsquote-unter-3', '2023-03-01', 45.9),
  ('08416041', 'betreuungsquote-unter-3', '2024-03-01', 46.5), ('08416041', 'betreuungsquote-unter-3', '2025-03-01', 47.2),
  ('15002', 'betreuungsquote-unter-3', '2022-03-01', 56.2), ('15002', 'betreuungsquote-unter-3', '2023-03-01', 57.0),
  ('15002', 'betreuungsquote-unter-3', '2024-03-01', 57.4), ('15002', 'betreuungsquote-unter-3', '2025-03-01', 58.1),
  ('05915', 'teilnahme-u9', '2022-08-01', 89.2), ('05915', 'teilnahme-u9', '2023-08-01', 90.1),
  ('05915', 'teilnahme-u9', '2024-08-01', 90.8), ('05915', 'teilnahme-u9', '2025-08-01', 91.5),
  ('05766020', 'teilnahme-u9', '2022-08-01', 91.0), ('05766020', 'teilnahme-u9', '2023-08-01', 91.6),
  ('05766020', 'teilnahme-u9', '2024-08-01', 92.3), ('05766020', 'teilnahme-u9', '2025-08-01', 92.0),
  ('08416041', 'teilnahme-u9', '2022-08-01', 95.1), ('08416041', 'teilnahme-u9', '2023-08-01', 95.4),
  ('08416041', 'teilnahme-u9', '2024-08-01', 95.0), ('08416041', 'teilnahme-u9', '2025-08-01', 95.6),
  ('15002', 'teilnahme-u9', '2022-08-01', 88.4), ('15002', 'teilnahme-u9', '2023-08-01', 89.0),
  ('15002', 'teilnahme-u9', '2024-08-01', 89.9), ('15002', 'teilnahme-u9', '2025-08-01', 90.7),
  ('05915', 'sgb2-quote-unter-15', '2021-12-31', 21.9), ('05915', 'sgb2-quote-unter-15', '2022-12-31', 22.6),
  ('05915', 'sgb2-quote-unter-15', '2023-12-31', 22.3), ('05915', 'sgb2-quote-unter-15', '2024-12-31', 21.8),
  ('05915', 'sgb2-quote-unter-15', '2025-12-31', 21.4),
  ('05766020', 'but-inanspruchnahme', '2022-12-31', 61.0), ('05766020', 'but-inanspruchnahme', '2023-12-31', 63.5),
  ('05766020', 'but-inanspruchnahme', '2024-12-31', 66.2), ('05766020', 'but-inanspruchnahme', '2025-12-31', 68.0),
  ('15002', 'but-inanspruchnahme', '2022-12-31', 70.1), ('15002', 'but-inanspruchnahme', '2023-12-31', 72.4),
  ('15002', 'but-inanspruchnahme', '2024-12-31', 73.0), ('15002', 'but-inanspruchnahme', '2025-12-31', 74.8),
  ('05915', 'schulabgang-ohne-abschluss', '2022-07-31', 7.9), ('05915', 'schulabgang-ohne-abschluss', '2023-07-31', 7.5),
  ('05915', 'schulabgang-ohne-abschluss', '2024-07-31', 7.2), ('05915', 'schulabgang-ohne-abschluss', '2025-07-31', 6.8),
  ('05766020', 'schulabgang-ohne-abschluss', '2022-07-31', 6.4), ('05766020', 'schulabgang-ohne-abschluss', '2023-07-31', 6.1),
  ('05766020', 'schulabgang-ohne-abschluss', '2024-07-31', 6.3), ('05766020', 'schulabgang-ohne-abschluss', '2025-07-31', 5.9),
  ('08416041', 'schulabgang-ohne-abschluss', '2022-07-31', 4.2), ('08416041', 'schulabgang-ohne-abschluss', '2023-07-31', 4.0),
  ('08416041', 'schulabgang-ohne-abschluss', '2024-07-31', 3.9), ('08416041', 'schulabgang-ohne-abschluss', '2025-07-31', 3.7);

INSERT INTO indicators (network_id, catalog_id, name, definition, unit, unit_label, higher_is_better, data_source)
SELECT DISTINCT n.id, c.id, c.name, c.definition, c.unit, c.unit_label, c.direction = 'hoeher_besser', c.data_source
FROM demo_catalog_values v
JOIN networks n ON n.kommune_ags = v.ags
JOIN catalog_indicators c ON c.key = v.key
WHERE n.description NOT LIKE 'Synthetisches Netzwerk%'
ON CONFLICT (catalog_id, network_id) WHERE catalog_id IS NOT NULL DO NOTHING;

INSERT INTO indicator_values (indicator_id, period_date, value, note)
SELECT i.id, v.period_date, v.value, 'Demowert (erfunden, keine amtliche Zahl)'
FROM demo_catalog_values v
JOIN networks n ON n.kommune_ags = v.ags
JOIN catalog_indicators c ON c.key = v.key
JOIN indicators i ON i.network_id = n.id AND i.catalog_id = c.id
ON CONFLICT ON CONSTRAINT indicator_values_period_key DO NOTHING;

-- Part 3: every other network without a catalog indicator: four of them, values 2022–2025 from
-- a hash of its AGS and the indicator (deterministic, in a plausible range per indicator).
CREATE TEMPORARY TABLE demo_catalog_ranges (key text, low double precision, span double precision,
                                            trend double precision, month_day text)
    ON COMMIT DROP;
INSERT INTO demo_catalog_ranges VALUES
  ('betreuungsquote-unter-3', 22, 35, 0.7, '03-01'),
  ('teilnahme-u9', 86, 9, 0.4, '08-01'),
  ('sgb2-quote-unter-15', 6, 20, -0.2, '12-31'),
  ('schulabgang-ohne-abschluss', 3.5, 6, -0.15, '07-31');

CREATE TEMPORARY TABLE demo_catalog_new ON COMMIT DROP AS
SELECT n.id AS network_id, n.kommune_ags
FROM networks n
WHERE n.description NOT LIKE 'Synthetisches Netzwerk%'
  AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.network_id = n.id AND i.catalog_id IS NOT NULL);

INSERT INTO indicators (network_id, catalog_id, name, definition, unit, unit_label, higher_is_better, data_source)
SELECT d.network_id, c.id, c.name, c.definition, c.unit, c.unit_label, c.direction = 'hoeher_besser', c.data_source
FROM demo_catalog_new d
CROSS JOIN demo_catalog_ranges r
JOIN catalog_indicators c ON c.key = r.key
ON CONFLICT (catalog_id, network_id) WHERE catalog_id IS NOT NULL DO NOTHING;

INSERT INTO indicator_values (indicator_id, period_date, value, note)
SELECT i.id, make_date(y, split_part(r.month_day, '-', 1)::int, split_part(r.month_day, '-', 2)::int),
       round((r.low + r.span * (abs(hashtext(d.kommune_ags || r.key)) % 1000) / 1000.0
              + r.trend * (y - 2022))::numeric, 1)::double precision,
       'Demowert (erfunden, keine amtliche Zahl)'
FROM demo_catalog_new d
CROSS JOIN demo_catalog_ranges r
CROSS JOIN generate_series(2022, 2025) y
JOIN catalog_indicators c ON c.key = r.key
JOIN indicators i ON i.network_id = d.network_id AND i.catalog_id = c.id
ON CONFLICT ON CONSTRAINT indicator_values_period_key DO NOTHING;
