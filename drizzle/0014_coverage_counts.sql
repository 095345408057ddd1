CREATE TABLE `coverage_days` (
	`unit_id` integer NOT NULL,
	`day` text NOT NULL,
	`delta` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `coverage_filled` (
	`unit_id` integer NOT NULL,
	`post_id` integer NOT NULL,
	`filled` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `post_id`)
);
--> statement-breakpoint
CREATE TABLE `coverage_units` (
	`unit_id` integer NOT NULL,
	`level` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `level`)
);
--> statement-breakpoint
-- Coverage counts (see db/schema.ts): triggers keep them in step with every write to tenures and
-- units, in the writing statement's transaction; then the counts of the existing rows.
-- A unit's ancestors, itself included, are the ids of its path: '/1/40/812/' -> json '[1,40,812]',
-- whose array index is the depth (0 state, 1 district, 2 assembly, 3 mandal). Each trigger adds a
-- row's contribution at the new place and takes it away at the old, netted per key.
CREATE TRIGGER `coverage_tenure_insert` AFTER INSERT ON `tenures` BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT j.value, NEW.post_id, 1 FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
    WHERE u.id = NEW.unit_id AND j.key <= 3 AND NEW.end_date IS NULL
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT j.value, e.day, e.d FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j,
      (SELECT NEW.start_date AS day, 1 AS d UNION ALL SELECT NEW.end_date, -1 WHERE NEW.end_date IS NOT NULL) e
    WHERE u.id = NEW.unit_id AND j.key <= 1
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
-- Ending a current tenure (a vacate, a replacement), the common update: its own trigger, without
-- the general one's netting.
CREATE TRIGGER `coverage_tenure_end` AFTER UPDATE OF end_date ON `tenures`
WHEN OLD.end_date IS NULL AND NEW.end_date IS NOT NULL AND OLD.unit_id = NEW.unit_id AND OLD.post_id = NEW.post_id AND OLD.start_date = NEW.start_date BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT j.value, NEW.post_id, -1 FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
    WHERE u.id = NEW.unit_id AND j.key <= 3
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT j.value, NEW.end_date, -1 FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
    WHERE u.id = NEW.unit_id AND j.key <= 1
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_tenure_update` AFTER UPDATE OF unit_id, post_id, start_date, end_date ON `tenures`
WHEN NOT (OLD.end_date IS NULL AND NEW.end_date IS NOT NULL AND OLD.unit_id = NEW.unit_id AND OLD.post_id = NEW.post_id AND OLD.start_date = NEW.start_date) BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT unit_id, post_id, sum(d) FROM (
      SELECT j.value AS unit_id, OLD.post_id AS post_id, -1 AS d FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
      WHERE u.id = OLD.unit_id AND j.key <= 3 AND OLD.end_date IS NULL
      UNION ALL
      SELECT j.value, NEW.post_id, 1 FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
      WHERE u.id = NEW.unit_id AND j.key <= 3 AND NEW.end_date IS NULL
    ) WHERE true GROUP BY unit_id, post_id HAVING sum(d) <> 0
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT unit_id, day, sum(d) FROM (
      SELECT j.value AS unit_id, e.day AS day, -e.d AS d FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j,
        (SELECT OLD.start_date AS day, 1 AS d UNION ALL SELECT OLD.end_date, -1 WHERE OLD.end_date IS NOT NULL) e
      WHERE u.id = OLD.unit_id AND j.key <= 1
      UNION ALL
      SELECT j.value, e.day, e.d FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j,
        (SELECT NEW.start_date AS day, 1 AS d UNION ALL SELECT NEW.end_date, -1 WHERE NEW.end_date IS NOT NULL) e
      WHERE u.id = NEW.unit_id AND j.key <= 1
    ) WHERE true GROUP BY unit_id, day HAVING sum(d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_tenure_delete` AFTER DELETE ON `tenures` BEGIN
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT j.value, OLD.post_id, -1 FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
    WHERE u.id = OLD.unit_id AND j.key <= 3 AND OLD.end_date IS NULL
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT j.value, e.day, -sum(e.d) FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j,
      (SELECT OLD.start_date AS day, 1 AS d UNION ALL SELECT OLD.end_date, -1 WHERE OLD.end_date IS NOT NULL) e
    WHERE u.id = OLD.unit_id AND j.key <= 1 GROUP BY j.value, e.day
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_unit_insert` AFTER INSERT ON `units` BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT j.value, NEW.level, 1 FROM json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']') j WHERE j.key <= 3
    ON CONFLICT (unit_id, level) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- A move updates the path of every unit of the moved subtree, one row at a time: each row moves
-- its own contribution (the unit, its current holders, its tenures' days) from its old ancestors
-- to its new ones; ancestors on both paths net to nothing.
CREATE TRIGGER `coverage_unit_update` AFTER UPDATE OF path, level ON `units`
WHEN OLD.path IS NOT NEW.path OR OLD.level IS NOT NEW.level BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT unit_id, level, sum(d) FROM (
      SELECT j.value AS unit_id, OLD.level AS level, -1 AS d FROM json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']') j WHERE j.key <= 3
      UNION ALL
      SELECT j.value, NEW.level, 1 FROM json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']') j WHERE j.key <= 3
    ) WHERE true GROUP BY unit_id, level HAVING sum(d) <> 0
    ON CONFLICT (unit_id, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO coverage_filled (unit_id, post_id, filled)
    SELECT unit_id, post_id, sum(d) FROM (
      SELECT j.value AS unit_id, t.post_id AS post_id, -1 AS d FROM tenures t, json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']') j
      WHERE t.unit_id = OLD.id AND t.end_date IS NULL AND j.key <= 3
      UNION ALL
      SELECT j.value, t.post_id, 1 FROM tenures t, json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']') j
      WHERE t.unit_id = NEW.id AND t.end_date IS NULL AND j.key <= 3
    ) WHERE true GROUP BY unit_id, post_id HAVING sum(d) <> 0
    ON CONFLICT (unit_id, post_id) DO UPDATE SET filled = filled + excluded.filled;
  INSERT INTO coverage_days (unit_id, day, delta)
    SELECT unit_id, day, sum(d) FROM (
      SELECT j.value AS unit_id, e.day AS day, -e.d AS d FROM json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']') j,
        (SELECT start_date AS day, 1 AS d FROM tenures WHERE unit_id = OLD.id
         UNION ALL SELECT end_date, -1 FROM tenures WHERE unit_id = OLD.id AND end_date IS NOT NULL) e
      WHERE j.key <= 1
      UNION ALL
      SELECT j.value, e.day, e.d FROM json_each('[' || replace(trim(NEW.path, '/'), '/', ',') || ']') j,
        (SELECT start_date AS day, 1 AS d FROM tenures WHERE unit_id = NEW.id
         UNION ALL SELECT end_date, -1 FROM tenures WHERE unit_id = NEW.id AND end_date IS NOT NULL) e
      WHERE j.key <= 1
    ) WHERE true GROUP BY unit_id, day HAVING sum(d) <> 0
    ON CONFLICT (unit_id, day) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_unit_delete` AFTER DELETE ON `units` BEGIN
  INSERT INTO coverage_units (unit_id, level, n)
    SELECT j.value, OLD.level, -1 FROM json_each('[' || replace(trim(OLD.path, '/'), '/', ',') || ']') j WHERE j.key <= 3
    ON CONFLICT (unit_id, level) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- The counts of the rows already there (lib/coverage/counts.ts runs these same statements to rebuild).
INSERT INTO coverage_units (unit_id, level, n)
  SELECT j.value, u.level, count(*) FROM units u, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j WHERE j.key <= 3 GROUP BY j.value, u.level;
--> statement-breakpoint
INSERT INTO coverage_filled (unit_id, post_id, filled)
  SELECT j.value, c.post_id, sum(c.n)
  FROM (SELECT unit_id, post_id, count(*) AS n FROM tenures WHERE end_date IS NULL GROUP BY unit_id, post_id) c
  JOIN units u ON u.id = c.unit_id, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
  WHERE j.key <= 3 GROUP BY j.value, c.post_id;
--> statement-breakpoint
INSERT INTO coverage_days (unit_id, day, delta)
  SELECT j.value, e.day, sum(e.d)
  FROM (SELECT unit_id, start_date AS day, 1 AS d FROM tenures
        UNION ALL SELECT unit_id, end_date, -1 FROM tenures WHERE end_date IS NOT NULL) e
  JOIN units u ON u.id = e.unit_id, json_each('[' || replace(trim(u.path, '/'), '/', ',') || ']') j
  WHERE j.key <= 1 GROUP BY j.value, e.day;
