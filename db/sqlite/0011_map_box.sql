-- 0011: the map asks for the establishments of its visible box (issue 10): a range on latitude, longitude.
CREATE INDEX "IX_establishments_Latitude_Longitude" ON "establishments" ("Latitude", "Longitude");
