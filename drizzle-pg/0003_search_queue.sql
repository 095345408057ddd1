-- Search on PostgreSQL (SQLite's are drizzle/0005 and 0010). The terms are computed in JS
-- (lib/search/phonetic.ts), which PostgreSQL cannot call from a trigger: instead the triggers queue
-- the changed people and units in search_pending, and the app writes their terms before COMMIT.
-- A name change takes the old terms away at once, as on SQLite; a delete takes them away and
-- drops the row from the queue. Updates that leave the names as they were queue nothing.
CREATE FUNCTION search_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the search kind of the table, 'p' (people) or 'u' (units).
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search_terms WHERE kind = TG_ARGV[0] AND ref_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_pending WHERE kind = TG_ARGV[0] AND ref_id = OLD.id;
  ELSE
    INSERT INTO search_pending (kind, ref_id) VALUES (TG_ARGV[0], NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_search_insert AFTER INSERT ON people
  FOR EACH ROW EXECUTE FUNCTION search_queue('p');
--> statement-breakpoint
CREATE TRIGGER people_search_update AFTER UPDATE OF name_hi, name_en ON people FOR EACH ROW
  WHEN (OLD.name_hi IS DISTINCT FROM NEW.name_hi OR OLD.name_en IS DISTINCT FROM NEW.name_en)
  EXECUTE FUNCTION search_queue('p');
--> statement-breakpoint
CREATE TRIGGER people_search_delete AFTER DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION search_queue('p');
--> statement-breakpoint
CREATE TRIGGER units_search_insert AFTER INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION search_queue('u');
--> statement-breakpoint
CREATE TRIGGER units_search_update AFTER UPDATE OF name_hi, name_en, code ON units FOR EACH ROW
  WHEN (OLD.name_hi IS DISTINCT FROM NEW.name_hi OR OLD.name_en IS DISTINCT FROM NEW.name_en OR OLD.code IS DISTINCT FROM NEW.code)
  EXECUTE FUNCTION search_queue('u');
--> statement-breakpoint
CREATE TRIGGER units_search_delete AFTER DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION search_queue('u');
--> statement-breakpoint
-- Mobile fragments (SQLite: the trigram FTS table people_phone_fts over the same text). Here an
-- expression index, always in step without a trigger; a search reads
--   select id from people where people_phone_digits(mobile, whatsapp) like '%' || ? || '%'
-- (3+ digits use the index; pg_trgm needs the expression written exactly so).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE FUNCTION people_phone_digits(mobile text, whatsapp text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT trim(replace(coalesce(mobile, ''), '+91', '') || ' ' || replace(coalesce(whatsapp, ''), '+91', ''))
$$;
--> statement-breakpoint
CREATE INDEX people_phone_trgm_idx ON people USING gin (people_phone_digits(mobile, whatsapp) gin_trgm_ops);
