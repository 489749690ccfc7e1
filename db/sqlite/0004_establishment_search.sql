-- 0004: the establishments registry: the paginated list sorts by name, with the id as tie-breaker.
-- (SQLite answers the free-text LIKE '%…%' by scanning; PostgreSQL has trigram indexes for it.)
CREATE INDEX "IX_establishments_Name_Id" ON "establishments" ("Name", "Id");
