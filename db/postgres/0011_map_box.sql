-- 0011: the map asks for the establishments of its visible box (issue 10): a range on latitude, longitude read from the
-- index, combined by PostgreSQL with the scope's index on the unit (a ward's box reads ≈ 700 rows instead of the city's).
CREATE INDEX "IX_establishments_Latitude_Longitude" ON establishments ("Latitude", "Longitude");
