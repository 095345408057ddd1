-- The tree and roster rules of drizzle/0002_tree_rules.sql, with SQLite's error texts. A trigger's
-- WHEN cannot hold a subquery on PostgreSQL, so the tests are in the functions; check_violation
-- (23514) marks the errors as broken rules, as SQLite's RAISE(ABORT) in a trigger is a constraint error.
CREATE FUNCTION units_parent_level() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  level_above text := CASE NEW.level WHEN 'district' THEN 'state' WHEN 'assembly' THEN 'district' WHEN 'mandal' THEN 'assembly'
    WHEN 'shakti_kendra' THEN 'mandal' WHEN 'booth' THEN 'shakti_kendra' END;
BEGIN
  IF NEW.parent_id IS NOT NULL AND (SELECT level FROM units WHERE id = NEW.parent_id) IS DISTINCT FROM level_above THEN
    RAISE EXCEPTION 'unit parent must be of the level above' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_parent_level_insert BEFORE INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION units_parent_level();
--> statement-breakpoint
CREATE TRIGGER units_parent_level_update BEFORE UPDATE OF parent_id, level ON units
  FOR EACH ROW EXECUTE FUNCTION units_parent_level();
--> statement-breakpoint
CREATE FUNCTION tenures_post_fits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seat > (SELECT seats FROM posts WHERE id = NEW.post_id)
    OR (SELECT level FROM posts WHERE id = NEW.post_id) IS DISTINCT FROM (SELECT level FROM units WHERE id = NEW.unit_id)
  THEN
    RAISE EXCEPTION 'tenure seat or level does not fit the post' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tenures_post_fits_insert BEFORE INSERT ON tenures
  FOR EACH ROW EXECUTE FUNCTION tenures_post_fits();
--> statement-breakpoint
CREATE TRIGGER tenures_post_fits_update BEFORE UPDATE OF seat, post_id, unit_id ON tenures
  FOR EACH ROW EXECUTE FUNCTION tenures_post_fits();
