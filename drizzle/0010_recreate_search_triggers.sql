-- The search triggers of 0005, again, over the rebuilt search_terms.
CREATE TRIGGER `people_search_insert` AFTER INSERT ON `people` BEGIN
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'p', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en));
  INSERT INTO people_phone_fts (rowid, digits) VALUES (NEW.id, trim(replace(coalesce(NEW.mobile, ''), '+91', '') || ' ' || replace(coalesce(NEW.whatsapp, ''), '+91', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_update` AFTER UPDATE OF name_hi, name_en, mobile, whatsapp ON `people` BEGIN
  DELETE FROM search_terms WHERE kind = 'p' AND ref_id = OLD.id;
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'p', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en));
  DELETE FROM people_phone_fts WHERE rowid = OLD.id;
  INSERT INTO people_phone_fts (rowid, digits) VALUES (NEW.id, trim(replace(coalesce(NEW.mobile, ''), '+91', '') || ' ' || replace(coalesce(NEW.whatsapp, ''), '+91', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `people_search_delete` AFTER DELETE ON `people` BEGIN
  DELETE FROM search_terms WHERE kind = 'p' AND ref_id = OLD.id;
  DELETE FROM people_phone_fts WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_insert` AFTER INSERT ON `units` BEGIN
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'u', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en, NEW.code));
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_update` AFTER UPDATE OF name_hi, name_en, code ON `units` BEGIN
  DELETE FROM search_terms WHERE kind = 'u' AND ref_id = OLD.id;
  INSERT OR IGNORE INTO search_terms (term, kind, ref_id) SELECT value, 'u', NEW.id FROM json_each(search_terms_json(NEW.name_hi, NEW.name_en, NEW.code));
END;
--> statement-breakpoint
CREATE TRIGGER `units_search_delete` AFTER DELETE ON `units` BEGIN
  DELETE FROM search_terms WHERE kind = 'u' AND ref_id = OLD.id;
END;
