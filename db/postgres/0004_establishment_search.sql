-- 0004: the establishments registry at the scale of the country (300,000 rows).
-- The paginated list sorts by name in Vietnamese order (Đ after D): a btree on the name under the ICU collation
-- the query uses (EstablishmentQuery.Sort), with the id as tie-breaker.
CREATE INDEX "IX_establishments_Name_vi" ON establishments ("Name" COLLATE "vi-x-icu", "Id");

-- The free-text search is ILIKE '%…%' over name, address and licence number: one trigram index on exactly the
-- expression the query uses answers it without reading the table (one index rather than three keeps bulk imports
-- fast). pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_establishments_search_trgm" ON establishments
    USING gin ((("Name"::text || ' ') || "Address"::text || ' ' || COALESCE("LicenceNumber", '')) gin_trgm_ops);
