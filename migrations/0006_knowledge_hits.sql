-- What a search hit is: a published entry that matches the search words (a tsquery; NULL:
-- no words) and every chosen facet (several values within a facet widen, several facets
-- narrow; an empty array does not filter). The search asks for the page of hits and for
-- their facet keys in two queries that run at once (knowledge::db::search); both take the
-- hits from here. A plain SQL function, so that PostgreSQL inlines it into each query and
-- plans it with the actual values, the index on the words included.
CREATE FUNCTION kc_knowledge_hits(matching text, kinds text[], levels text[], felder text[],
                                  themen text[], laender text[], years smallint[])
    RETURNS SETOF knowledge_entries
    LANGUAGE sql STABLE
AS $$
    SELECT * FROM knowledge_entries e
    WHERE e.status = 'veroeffentlicht'
      AND (matching IS NULL OR e.search_doc @@ to_tsquery('simple', matching))
      AND (cardinality(kinds) = 0 OR e.kind = ANY (kinds))
      AND (cardinality(levels) = 0 OR e.level = ANY (levels))
      AND (cardinality(felder) = 0 OR e.handlungsfelder && felder)
      AND (cardinality(themen) = 0 OR e.themes && themen)
      AND (cardinality(laender) = 0 OR e.land_code = ANY (laender))
      AND (cardinality(years) = 0 OR e.year = ANY (years))
$$;
