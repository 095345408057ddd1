-- The coverage counts' triggers of drizzle/0014_coverage_counts.sql (see db/schema.ts), one function
-- each, with the same effects: every write to tenures and units moves its rows' contributions in the
-- writing statement's transaction. Two differences from SQLite's text, neither in the result:
--   - a PostgreSQL upsert may not touch one row twice, so the rows of one key are summed first (a
--     tenure that starts and ends on the same day nets to nothing instead of writing +1 then -1);
--   - a unit's ancestors come from path_ancestors() instead of json_each() over the path.
-- The tables are empty when this runs: no backfill. db/coverage-recount.ts recounts on both engines.

-- A unit's ancestors, itself included, down to max_depth: the ids of its path ('/1/40/812/' gives
-- 1, 40, 812 at the depths 0 state, 1 district, 2 assembly).
CREATE FUNCTION path_ancestors(path text, max_depth integer) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT a::integer FROM unnest(string_to_array(btrim(path, '/'), '/')) WITH ORDINALITY AS p(a, i) WHERE i <= max_depth + 1
$$;
--> statement-breakpoint
CREATE FUNCTION coverage_tenure_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.end_date IS NULL THEN
    INSERT INTO coverage_filled (unit_id, post_id, filled)
      SELECT a, NEW.post_id, 1 FROM units u, path_ancestors(u.path, 3) a WHERE u.id = NEW.unit_id
      ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = coverage_filled.filled + excluded.filled;
  END IF;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT a, e.day, sum(e.d) FROM units u, path_ancestors(u.path, 1) a,
      (SELECT NEW.start_date AS day, 1 AS d UNION ALL SELECT NEW.end_date, -1 WHERE NEW.end_date IS NOT NULL) e
    WHERE u.id = NEW.unit_id GROUP BY a, e.day HAVING sum(e.d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = coverage_days.delta + excluded.delta;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_tenure_insert AFTER INSERT ON tenures
  FOR EACH ROW EXECUTE FUNCTION coverage_tenure_insert();
--> statement-breakpoint
-- Ending a current tenure (a vacate, a replacement), the common update: its own trigger, without
-- the general one's netting.
CREATE FUNCTION coverage_tenure_end() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT a, NEW.post_id, -1 FROM units u, path_ancestors(u.path, 3) a WHERE u.id = NEW.unit_id
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = coverage_filled.filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT a, NEW.end_date, -1 FROM units u, path_ancestors(u.path, 1) a WHERE u.id = NEW.unit_id
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = coverage_days.delta + excluded.delta;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_tenure_end AFTER UPDATE OF end_date ON tenures FOR EACH ROW
  WHEN (OLD.end_date IS NULL AND NEW.end_date IS NOT NULL AND OLD.unit_id = NEW.unit_id AND OLD.post_id = NEW.post_id AND OLD.start_date = NEW.start_date)
  EXECUTE FUNCTION coverage_tenure_end();
--> statement-breakpoint
CREATE FUNCTION coverage_tenure_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT c.unit_id, c.post_id, sum(c.d) FROM (
      SELECT a AS unit_id, OLD.post_id AS post_id, -1 AS d FROM units u, path_ancestors(u.path, 3) a
      WHERE u.id = OLD.unit_id AND OLD.end_date IS NULL
      UNION ALL
      SELECT a, NEW.post_id, 1 FROM units u, path_ancestors(u.path, 3) a
      WHERE u.id = NEW.unit_id AND NEW.end_date IS NULL
    ) c GROUP BY c.unit_id, c.post_id HAVING sum(c.d) <> 0
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = coverage_filled.filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT c.unit_id, c.day, sum(c.d) FROM (
      SELECT a AS unit_id, e.day AS day, -e.d AS d FROM units u, path_ancestors(u.path, 1) a,
        (SELECT OLD.start_date AS day, 1 AS d UNION ALL SELECT OLD.end_date, -1 WHERE OLD.end_date IS NOT NULL) e
      WHERE u.id = OLD.unit_id
      UNION ALL
      SELECT a, e.day, e.d FROM units u, path_ancestors(u.path, 1) a,
        (SELECT NEW.start_date AS day, 1 AS d UNION ALL SELECT NEW.end_date, -1 WHERE NEW.end_date IS NOT NULL) e
      WHERE u.id = NEW.unit_id
    ) c GROUP BY c.unit_id, c.day HAVING sum(c.d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = coverage_days.delta + excluded.delta;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_tenure_update AFTER UPDATE OF unit_id, post_id, start_date, end_date ON tenures FOR EACH ROW
  WHEN (NOT (OLD.end_date IS NULL AND NEW.end_date IS NOT NULL AND OLD.unit_id = NEW.unit_id AND OLD.post_id = NEW.post_id AND OLD.start_date = NEW.start_date))
  EXECUTE FUNCTION coverage_tenure_update();
--> statement-breakpoint
CREATE FUNCTION coverage_tenure_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.end_date IS NULL THEN
    INSERT INTO coverage_filled (unit_id, post_id, filled)
      SELECT a, OLD.post_id, -1 FROM units u, path_ancestors(u.path, 3) a WHERE u.id = OLD.unit_id
      ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = coverage_filled.filled + excluded.filled;
  END IF;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT a, e.day, -sum(e.d) FROM units u, path_ancestors(u.path, 1) a,
      (SELECT OLD.start_date AS day, 1 AS d UNION ALL SELECT OLD.end_date, -1 WHERE OLD.end_date IS NOT NULL) e
    WHERE u.id = OLD.unit_id GROUP BY a, e.day HAVING sum(e.d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = coverage_days.delta + excluded.delta;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_tenure_delete AFTER DELETE ON tenures
  FOR EACH ROW EXECUTE FUNCTION coverage_tenure_delete();
--> statement-breakpoint
CREATE FUNCTION coverage_unit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT a, NEW.level, 1 FROM path_ancestors(NEW.path, 3) a
    ON CONFLICT (unit_id, level) DO UPDATE SET n = coverage_units.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_unit_insert AFTER INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION coverage_unit_insert();
--> statement-breakpoint
-- A move updates the path of every unit of the moved subtree: each row moves its own contribution
-- (the unit, its current holders, its tenures' days) from its old ancestors to its new ones;
-- ancestors on both paths net to nothing.
CREATE FUNCTION coverage_unit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT c.unit_id, c.level, sum(c.d) FROM (
      SELECT a AS unit_id, OLD.level AS level, -1 AS d FROM path_ancestors(OLD.path, 3) a
      UNION ALL
      SELECT a, NEW.level, 1 FROM path_ancestors(NEW.path, 3) a
    ) c GROUP BY c.unit_id, c.level HAVING sum(c.d) <> 0
    ON CONFLICT (unit_id, level) DO UPDATE SET n = coverage_units.n + excluded.n;
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT c.unit_id, c.post_id, sum(c.d) FROM (
      SELECT a AS unit_id, t.post_id AS post_id, -1 AS d FROM tenures t, path_ancestors(OLD.path, 3) a
      WHERE t.unit_id = OLD.id AND t.end_date IS NULL
      UNION ALL
      SELECT a, t.post_id, 1 FROM tenures t, path_ancestors(NEW.path, 3) a
      WHERE t.unit_id = NEW.id AND t.end_date IS NULL
    ) c GROUP BY c.unit_id, c.post_id HAVING sum(c.d) <> 0
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = coverage_filled.filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT c.unit_id, c.day, sum(c.d) FROM (
      SELECT a AS unit_id, e.day AS day, -e.d AS d FROM path_ancestors(OLD.path, 1) a,
        (SELECT start_date AS day, 1 AS d FROM tenures WHERE unit_id = OLD.id
         UNION ALL SELECT end_date, -1 FROM tenures WHERE unit_id = OLD.id AND end_date IS NOT NULL) e
      UNION ALL
      SELECT a, e.day, e.d FROM path_ancestors(NEW.path, 1) a,
        (SELECT start_date AS day, 1 AS d FROM tenures WHERE unit_id = NEW.id
         UNION ALL SELECT end_date, -1 FROM tenures WHERE unit_id = NEW.id AND end_date IS NOT NULL) e
    ) c GROUP BY c.unit_id, c.day HAVING sum(c.d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = coverage_days.delta + excluded.delta;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_unit_update AFTER UPDATE OF path, level ON units FOR EACH ROW
  WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.level IS DISTINCT FROM NEW.level)
  EXECUTE FUNCTION coverage_unit_update();
--> statement-breakpoint
CREATE FUNCTION coverage_unit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT a, OLD.level, -1 FROM path_ancestors(OLD.path, 3) a
    ON CONFLICT (unit_id, level) DO UPDATE SET n = coverage_units.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coverage_unit_delete AFTER DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION coverage_unit_delete();
