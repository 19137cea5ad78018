-- The common indicator catalog of the Bund (EU Child Guarantee: comparable indicators across
-- municipalities), the adoption of a catalog indicator by a network, and the link from a
-- measure to the good-practice entry it was adopted from.

CREATE TABLE catalog_indicators (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key            text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 80),
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    definition     text NOT NULL CHECK (length(definition) BETWEEN 1 AND 2000),
    unit           text NOT NULL CHECK (unit IN ('anzahl', 'prozent', 'euro', 'quote_promille', 'tage', 'sonstige')),
    unit_label     text NOT NULL DEFAULT '',
    direction      text NOT NULL CHECK (direction IN ('hoeher_besser', 'niedriger_besser')),
    data_source    text NOT NULL CHECK (length(data_source) BETWEEN 1 AND 500),
    spatial_level  text NOT NULL CHECK (spatial_level IN ('kreis', 'gemeinde', 'sozialraum')),
    -- When a value is taken, in words ("1. März", "Ende des Schuljahres").
    reporting_date text NOT NULL CHECK (length(reporting_date) BETWEEN 1 AND 200),
    status         text NOT NULL DEFAULT 'aktiv' CHECK (status IN ('aktiv', 'ausgemustert')),
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT catalog_indicators_key_key UNIQUE (key)
);

-- A network's indicator adopted from the catalog: definition, unit and direction follow the
-- catalog; one adoption per network and catalog indicator.
ALTER TABLE indicators ADD COLUMN catalog_id bigint REFERENCES catalog_indicators (id);
CREATE UNIQUE INDEX indicators_catalog_key ON indicators (catalog_id, network_id)
    WHERE catalog_id IS NOT NULL;

-- A measure adopted from a published good-practice entry.
ALTER TABLE measures ADD COLUMN knowledge_entry_id bigint REFERENCES knowledge_entries (id) ON DELETE SET NULL;
CREATE INDEX measures_knowledge_entry_idx ON measures (knowledge_entry_id)
    WHERE knowledge_entry_id IS NOT NULL;

-- The catalog as the Geschäftsstelle starts it: indicators of the official statistics and of
-- the school entry examination that prevention networks commonly use. No values here.
INSERT INTO catalog_indicators (key, name, definition, unit, direction, data_source, spatial_level, reporting_date) VALUES
('sgb2-quote-unter-15', 'SGB-II-Quote der unter 15-Jährigen',
 'Anteil der nicht erwerbsfähigen Leistungsberechtigten unter 15 Jahren in Bedarfsgemeinschaften nach dem SGB II (Bürgergeld) an der Bevölkerung unter 15 Jahren.',
 'prozent', 'niedriger_besser',
 'Statistik der Bundesagentur für Arbeit, Grundsicherung für Arbeitsuchende (SGB II); Bevölkerungsfortschreibung der Statistischen Ämter des Bundes und der Länder',
 'kreis', 'Berichtsmonat Dezember'),
('betreuungsquote-unter-3', 'Betreuungsquote der Kinder unter 3 Jahren',
 'Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder in öffentlich geförderter Kindertagespflege an allen Kindern dieser Altersgruppe.',
 'prozent', 'hoeher_besser',
 'Kinder- und Jugendhilfestatistik: Kinder und tätige Personen in Tageseinrichtungen und in öffentlich geförderter Kindertagespflege, Statistische Ämter des Bundes und der Länder',
 'kreis', 'Stichtag 1. März'),
('betreuungsquote-3-bis-6', 'Betreuungsquote der Kinder von 3 bis unter 6 Jahren',
 'Anteil der Kinder im Alter von 3 bis unter 6 Jahren in Kindertageseinrichtungen oder in öffentlich geförderter Kindertagespflege an allen Kindern dieser Altersgruppe.',
 'prozent', 'hoeher_besser',
 'Kinder- und Jugendhilfestatistik: Kinder und tätige Personen in Tageseinrichtungen und in öffentlich geförderter Kindertagespflege, Statistische Ämter des Bundes und der Länder',
 'kreis', 'Stichtag 1. März'),
('teilnahme-u8', 'Teilnahme an der Früherkennungsuntersuchung U8',
 'Anteil der Kinder, für die im vorgelegten Kinderuntersuchungsheft die U8 dokumentiert ist, an allen bei der Schuleingangsuntersuchung untersuchten Kindern mit vorgelegtem Heft.',
 'prozent', 'hoeher_besser',
 'Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes (Gesundheitsamt)',
 'kreis', 'Untersuchungsjahrgang (Einschulungsjahr)'),
('teilnahme-u9', 'Teilnahme an der Früherkennungsuntersuchung U9',
 'Anteil der Kinder, für die im vorgelegten Kinderuntersuchungsheft die U9 dokumentiert ist, an allen bei der Schuleingangsuntersuchung untersuchten Kindern mit vorgelegtem Heft.',
 'prozent', 'hoeher_besser',
 'Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes (Gesundheitsamt)',
 'kreis', 'Untersuchungsjahrgang (Einschulungsjahr)'),
('sprachfoerderbedarf-seu', 'Sprachförderbedarf bei der Schuleingangsuntersuchung',
 'Anteil der Kinder, bei denen in der Schuleingangsuntersuchung ein Sprachförderbedarf festgestellt wurde, an allen untersuchten Kindern.',
 'prozent', 'niedriger_besser',
 'Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes (Gesundheitsamt), kleinräumig ausgewertet',
 'sozialraum', 'Untersuchungsjahrgang (Einschulungsjahr)'),
('uebergewicht-seu', 'Übergewicht bei der Schuleingangsuntersuchung',
 'Anteil der Kinder mit Übergewicht einschließlich Adipositas (Body-Mass-Index oberhalb des 90. Perzentils der Referenzwerte nach Kromeyer-Hauschild) an allen untersuchten Kindern.',
 'prozent', 'niedriger_besser',
 'Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes (Gesundheitsamt)',
 'kreis', 'Untersuchungsjahrgang (Einschulungsjahr)'),
('kita-besuch-zwei-jahre', 'Kita-Besuch von mindestens zwei Jahren vor der Einschulung',
 'Anteil der Kinder, die vor der Einschulung mindestens zwei Jahre eine Kindertageseinrichtung besucht haben, an allen untersuchten Kindern mit Angabe zur Besuchsdauer.',
 'prozent', 'hoeher_besser',
 'Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes (Gesundheitsamt)',
 'sozialraum', 'Untersuchungsjahrgang (Einschulungsjahr)'),
('but-inanspruchnahme', 'Inanspruchnahme der Leistungen für Bildung und Teilhabe',
 'Anteil der Kinder und Jugendlichen mit mindestens einer in Anspruch genommenen Leistung für Bildung und Teilhabe (§ 28 SGB II, § 34 SGB XII, § 6b BKGG) an allen potenziell leistungsberechtigten Kindern und Jugendlichen (Versorgungsquote).',
 'prozent', 'hoeher_besser',
 'Abrechnungsdaten der kommunalen Träger der Leistungen für Bildung und Teilhabe (z. B. YouCard Hamm); Statistik der Bundesagentur für Arbeit',
 'kreis', 'Stichtag 31. Dezember'),
('schulabgang-ohne-abschluss', 'Schulabgänge ohne Ersten Schulabschluss',
 'Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen ohne mindestens den Ersten Schulabschluss (Hauptschulabschluss) an allen Abgängerinnen und Abgängern allgemeinbildender Schulen des Schuljahres.',
 'prozent', 'niedriger_besser',
 'Schulstatistik der Statistischen Ämter des Bundes und der Länder (allgemeinbildende Schulen)',
 'kreis', 'Ende des Schuljahres'),
('uebergang-ausbildung', 'Übergänge in Ausbildung',
 'Anteil der Schulabgängerinnen und Schulabgänger eines Abgangsjahres, die im Anschluss an die allgemeinbildende Schule eine duale oder vollzeitschulische Berufsausbildung beginnen, an allen Abgängerinnen und Abgängern mit bekanntem Verbleib.',
 'prozent', 'hoeher_besser',
 'Kommunale Verbleibsdokumentation, z. B. der Kommunalen Koordinierung „Kein Abschluss ohne Anschluss“ oder der Jugendberufsagentur; Integrierte Ausbildungsberichterstattung',
 'kreis', 'Stichtag der Verbleibserhebung (in der Regel Herbst des Abgangsjahres)'),
('arbeitslosenquote-unter-25', 'Arbeitslosenquote der unter 25-Jährigen',
 'Arbeitslose im Alter von 15 bis unter 25 Jahren in Prozent aller zivilen Erwerbspersonen dieser Altersgruppe.',
 'prozent', 'niedriger_besser',
 'Arbeitsmarktstatistik der Bundesagentur für Arbeit',
 'kreis', 'Jahresdurchschnitt');
