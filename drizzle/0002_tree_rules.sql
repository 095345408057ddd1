-- Tree and roster rules the database itself enforces, whatever code writes to it.
CREATE TRIGGER `units_parent_level_insert` BEFORE INSERT ON `units`
WHEN NEW.parent_id IS NOT NULL AND (SELECT level FROM units WHERE id = NEW.parent_id) IS NOT
  CASE NEW.level WHEN 'district' THEN 'state' WHEN 'assembly' THEN 'district' WHEN 'mandal' THEN 'assembly'
    WHEN 'shakti_kendra' THEN 'mandal' WHEN 'booth' THEN 'shakti_kendra' END
BEGIN
  SELECT RAISE(ABORT, 'unit parent must be of the level above');
END;
--> statement-breakpoint
CREATE TRIGGER `units_parent_level_update` BEFORE UPDATE OF parent_id, level ON `units`
WHEN NEW.parent_id IS NOT NULL AND (SELECT level FROM units WHERE id = NEW.parent_id) IS NOT
  CASE NEW.level WHEN 'district' THEN 'state' WHEN 'assembly' THEN 'district' WHEN 'mandal' THEN 'assembly'
    WHEN 'shakti_kendra' THEN 'mandal' WHEN 'booth' THEN 'shakti_kendra' END
BEGIN
  SELECT RAISE(ABORT, 'unit parent must be of the level above');
END;
--> statement-breakpoint
CREATE TRIGGER `tenures_post_fits_insert` BEFORE INSERT ON `tenures`
WHEN NEW.seat > (SELECT seats FROM posts WHERE id = NEW.post_id)
  OR (SELECT level FROM posts WHERE id = NEW.post_id) IS NOT (SELECT level FROM units WHERE id = NEW.unit_id)
BEGIN
  SELECT RAISE(ABORT, 'tenure seat or level does not fit the post');
END;
--> statement-breakpoint
CREATE TRIGGER `tenures_post_fits_update` BEFORE UPDATE OF seat, post_id, unit_id ON `tenures`
WHEN NEW.seat > (SELECT seats FROM posts WHERE id = NEW.post_id)
  OR (SELECT level FROM posts WHERE id = NEW.post_id) IS NOT (SELECT level FROM units WHERE id = NEW.unit_id)
BEGIN
  SELECT RAISE(ABORT, 'tenure seat or level does not fit the post');
END;
